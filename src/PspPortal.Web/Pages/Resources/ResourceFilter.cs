using System.Globalization;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Pages.Resources;

/// <summary>The Clearinghouse's search and filters, bound from the query string with the form's names, so that a
/// search can be bookmarked and shared. A value that cannot be read is left unbound (the default stands).</summary>
public sealed class ResourceFilter
{
    public const int MaxTextLength = 200;

    public string? Q { get; set; }
    public int? CoreArea { get; set; }
    public ResourceType? Type { get; set; }
    public AgencySize? Size { get; set; }

    /// <summary>Curators only: list retired resources too.</summary>
    public bool Retired { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Q) || CoreArea is not null || Type is not null || Size is not null || Retired;

    public void Normalize(bool mayCurate)
    {
        CoreArea = CoreArea is > 0 ? CoreArea : null;
        Type = Type is { } t && Enum.IsDefined(t) ? t : null;
        Size = Size is { } s && Enum.IsDefined(s) ? s : null;
        Retired = Retired && mayCurate;
        if (Q is { Length: > MaxTextLength } q)
        {
            Q = q[..MaxTextLength];
        }
    }

    public Dictionary<string, string?> ToQuery()
    {
        var values = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            values["Q"] = Q;
        }

        if (CoreArea is { } area)
        {
            values["CoreArea"] = area.ToString(CultureInfo.InvariantCulture);
        }

        if (Type is { } type)
        {
            values["Type"] = type.ToString();
        }

        if (Size is { } size)
        {
            values["Size"] = size.ToString();
        }

        if (Retired)
        {
            values["Retired"] = "true";
        }

        return values;
    }

    /// <summary>The resources that pass the filters (not the text: that is the full-text index's job).</summary>
    public IQueryable<Resource> Apply(IQueryable<Resource> resources)
    {
        var query = Retired ? resources : resources.Where(r => !r.IsRetired);
        if (CoreArea is { } area)
        {
            query = query.Where(r => r.CoreAreas.Any(a => a.CoreAreaId == area));
        }

        if (Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (Size is { } size)
        {
            query = query.Where(r => r.AgencySizes.Any(s => s.Size == size));
        }

        return query;
    }
}
