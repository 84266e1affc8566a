using Microsoft.EntityFrameworkCore;
using PspPortal.Web.Authorization;
using PspPortal.Web.Data;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Shared;

/// <summary>An option of a list's filter: a site or a cohort by id and name.</summary>
public sealed record Choice(int Id, string Name);

/// <summary>The sites a list's site filter offers. <see cref="ChooseCohortFirst"/>: the user sees more sites than one
/// list should carry, so the sites are offered once a cohort is chosen (a site already chosen stays offered).</summary>
public sealed record SiteChoices(IReadOnlyList<Choice> Options, bool ChooseCohortFirst);

/// <summary>What a list's filter offers: sites (<see cref="SiteChoices"/>), cohorts and core areas.</summary>
public sealed record ListFilterChoices(SiteChoices Sites, IReadOnlyList<Choice> Cohorts, IReadOnlyList<Choice> CoreAreas);

/// <summary>The sites and cohorts a list's filter offers, from the sites the user may see.</summary>
public static class FilterChoices
{
    /// <summary>The choices of a list's filter for <paramref name="scope"/>, kept under the figures stamp (sites,
    /// cohorts, engagements and core areas all write it), so that a list does not ask for them on every view.</summary>
    public static Task<ListFilterChoices> ForListAsync(ProgramFigures figures, PortalDbContext db, AccessScope scope, int? cohortId, int? selectedSite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(db);
        var sites = db.Sites.AsNoTracking().InScope(scope);
        return figures.KeptSmallAsync(db, $"filter-choices|{ProgramFigures.ScopeKey(scope)}|{cohortId}|{selectedSite}", async token => new ListFilterChoices(
            await sites.SiteChoicesAsync(cohortId, selectedSite, token),
            await sites.CohortChoicesAsync(db.Cohorts.AsNoTracking(), token),
            await db.CoreAreas.AsNoTracking().CoreAreaChoicesAsync(token)), cancellationToken);
    }

    /// <summary>The core areas in their seeded order, a retired one named so ("Name (retired)").</summary>
    public static async Task<List<Choice>> CoreAreaChoicesAsync(this IQueryable<CoreArea> coreAreas, CancellationToken cancellationToken = default) =>
        await coreAreas.OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.IsActive ? c.Name : c.Name + " (retired)")).ToListAsync(cancellationToken);

    /// <summary>Up to this many sites are offered without choosing a cohort first; a thousand would weigh down every
    /// page of the list (docs/performance.md).</summary>
    public const int MaxSitesWithoutCohort = 60;

    /// <summary>Every one of the sites as "Name, ST", in name order: for a form that picks one site (a grant, a toolkit
    /// shared with a site's team), not for a list filter, which offers a cohort's sites once there are many.</summary>
    public static async Task<List<Choice>> AllSiteChoicesAsync(this IQueryable<Site> sites, CancellationToken cancellationToken = default) =>
        await sites.OrderBy(s => s.Name).ThenBy(s => s.State)
            .Select(s => new Choice(s.Id, s.Name + ", " + s.State))
            .ToListAsync(cancellationToken);

    /// <summary>The sites as "Name, ST", in name order: all of them when there are few, else those of
    /// <paramref name="cohortId"/>, else only <paramref name="selectedSite"/>.</summary>
    public static async Task<SiteChoices> SiteChoicesAsync(this IQueryable<Site> sites, int? cohortId, int? selectedSite, CancellationToken cancellationToken = default)
    {
        var offered = sites;
        var chooseCohortFirst = false;
        if (cohortId is { } cohort)
        {
            offered = sites.Where(s => s.Engagements.Any(e => e.CohortId == cohort) || s.Id == selectedSite);
        }
        else if (await sites.Take(MaxSitesWithoutCohort + 1).CountAsync(cancellationToken) > MaxSitesWithoutCohort)
        {
            chooseCohortFirst = true;
            offered = sites.Where(s => s.Id == selectedSite);
        }

        var options = await offered.OrderBy(s => s.Name).ThenBy(s => s.State)
            .Select(s => new Choice(s.Id, s.Name + ", " + s.State))
            .ToListAsync(cancellationToken);
        return new SiteChoices(options, chooseCohortFirst);
    }

    /// <summary>The cohorts that have an engagement at one of the sites, oldest first.</summary>
    public static async Task<List<Choice>> CohortChoicesAsync(this IQueryable<Site> sites, IQueryable<Cohort> cohorts, CancellationToken cancellationToken = default) =>
        await cohorts
            .Where(c => c.Engagements.Any(e => sites.Any(s => s.Id == e.SiteId)))
            .OrderBy(c => c.Year).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name))
            .ToListAsync(cancellationToken);
}
