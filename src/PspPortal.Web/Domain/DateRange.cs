using System.Globalization;

namespace PspPortal.Web.Domain;

/// <summary>An inclusive range of calendar dates that a date a person enters must fall in. Every date the portal
/// accepts from a form or a filter has one, so that a typo such as 9999-12-31 is refused where it is typed instead of
/// breaking a page (or a calendar feed) later.</summary>
public readonly record struct DateRange(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>A date as messages write it: "June 3, 2024".</summary>
    public static string Words(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
