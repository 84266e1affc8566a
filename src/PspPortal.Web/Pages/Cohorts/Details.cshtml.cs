using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Data;
using PspPortal.Web.Pages.Sites;

namespace PspPortal.Web.Pages.Cohorts;

public class DetailsModel(CohortQueries cohorts, SiteQueries sites, PortalDbContext db) : PageModel
{
    public CohortSummary Cohort { get; private set; } = null!;
    public string? Description { get; private set; }
    public IReadOnlyList<SiteSummary> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // A cohort none of whose sites is in scope answers 404, like one that does not exist.
        var cohort = (await cohorts.ListAsync(id, cancellationToken)).SingleOrDefault();
        if (cohort is null)
        {
            return NotFound();
        }

        Cohort = cohort;
        Description = await db.Cohorts.Where(c => c.Id == id).Select(c => c.Description).SingleAsync(cancellationToken);
        var inScope = await sites.SitesInScopeAsync(cancellationToken);
        Sites = await sites.Summarize(inScope.Where(s => s.Engagements.Any(e => e.CohortId == id)).OrderBy(s => s.Name), id)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
