using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Pages.Shared;

namespace PspPortal.Web.Pages.Cohorts;

/// <summary>A cohort's sites and their progress figures as CSV for reporting: the same figures as /Cohorts/{id}, in scope.</summary>
public class ExportModel(CohortQueries cohorts, SiteQueries sites) : PageModel
{
    public sealed record Line(
        string Site, string State, string Cohort, string? Track, string? Status, DateOnly? Start, DateOnly? End,
        int MilestonesDue, int MilestonesDoneOfDue, int? ProgressPercent, int MilestonesCompleted, int MilestonesOnTime,
        int? OnTimePercent, int MilestonesOverdue, int OpenRequests, int OverdueRequests);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = (await cohorts.ListAsync(id, cancellationToken)).SingleOrDefault();
        if (cohort is null)
        {
            return NotFound();
        }

        var inScope = await sites.SitesInScopeAsync(cancellationToken);
        var summaries = await sites.Summarize(inScope.Where(s => s.Engagements.Any(e => e.CohortId == id)).OrderBy(s => s.Name).ThenBy(s => s.State), id)
            .ToListAsync(cancellationToken);

        // Cells that start with = + - @ are escaped, so a spreadsheet never runs them as formulas.
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, config))
        {
            var options = new CsvHelper.TypeConversion.TypeConverterOptions { Formats = ["yyyy-MM-dd"] };
            csv.Context.TypeConverterOptionsCache.AddOptions<DateOnly>(options);
            csv.Context.TypeConverterOptionsCache.AddOptions<DateOnly?>(options);
            await csv.WriteRecordsAsync(summaries.Select(s => new Line(
                s.Name, s.State, cohort.Name, s.Track?.ToString(), s.Status?.ToString(), s.Start, s.End,
                s.MilestonesDue, s.MilestonesDoneOfDue, s.ProgressPercent, s.MilestonesCompleted, s.MilestonesOnTime,
                s.OnTimePercent, s.MilestonesOverdue, s.OpenRequests, s.OverdueRequests)), cancellationToken);
        }

        var fileName = $"psp-cohort-{cohort.Year}-{id}-progress-{sites.Today:yyyy-MM-dd}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
