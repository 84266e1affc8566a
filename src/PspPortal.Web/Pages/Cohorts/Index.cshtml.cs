using Microsoft.AspNetCore.Mvc.RazorPages;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Cohorts;

public class IndexModel(CohortQueries queries) : PageModel
{
    public IReadOnlyList<CohortSummary> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cohorts = await queries.ListAsync(cancellationToken: cancellationToken);
}
