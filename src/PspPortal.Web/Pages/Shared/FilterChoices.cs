using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>An option of a list's filter: a site or a cohort by id and name.</summary>
public sealed record Choice(int Id, string Name);

/// <summary>The sites and cohorts a list's filter offers, from the sites the user may see.</summary>
public static class FilterChoices
{
    /// <summary>The sites as "Name, ST", in name order.</summary>
    public static async Task<List<Choice>> SiteChoicesAsync(this IQueryable<Site> sites, CancellationToken cancellationToken = default) =>
        await sites.OrderBy(s => s.Name).ThenBy(s => s.State)
            .Select(s => new Choice(s.Id, s.Name + ", " + s.State))
            .ToListAsync(cancellationToken);

    /// <summary>The cohorts that have an engagement at one of the sites, oldest first.</summary>
    public static async Task<List<Choice>> CohortChoicesAsync(this IQueryable<Site> sites, IQueryable<Cohort> cohorts, CancellationToken cancellationToken = default) =>
        await cohorts
            .Where(c => c.Engagements.Any(e => sites.Any(s => s.Id == e.SiteId)))
            .OrderBy(c => c.Year).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name))
            .ToListAsync(cancellationToken);
}
