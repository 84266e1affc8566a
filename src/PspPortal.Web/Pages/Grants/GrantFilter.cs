using System.Globalization;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Grants;

/// <summary>The filter of /Grants and /Grants/Export, bound from the query string with the list's names.</summary>
public sealed class GrantFilter
{
    public int? Year { get; set; }
    public int? Cohort { get; set; }
    public GrantStatus? Status { get; set; }

    public Dictionary<string, string?> ToQuery() => new()
    {
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["cohort"] = Cohort?.ToString(CultureInfo.InvariantCulture),
        ["status"] = Status?.ToString(),
    };

    /// <summary>The awards that pass the filter; the cohort is that of the engagement the award was made in.</summary>
    public IQueryable<CapacityGrant> Apply(IQueryable<CapacityGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        if (Year is { } year)
        {
            grants = grants.Where(g => g.FiscalYear == year);
        }

        if (Cohort is { } cohort)
        {
            grants = grants.Where(g => g.Engagement!.CohortId == cohort);
        }

        if (Status is { } status)
        {
            grants = grants.Where(g => g.Status == status);
        }

        return grants;
    }
}
