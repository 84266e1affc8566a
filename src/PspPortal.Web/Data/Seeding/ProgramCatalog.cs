using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

/// <summary>The real PSP cohorts and sites, with approximate coordinates for the map, and the real start of each
/// cohort. The demo seeds these names and sites as they are, but not these dates: see <see cref="StartOf"/>.</summary>
internal static class ProgramCatalog
{
    internal sealed record CohortEntry(string Name, int Year, DateOnly Start, string Description, IReadOnlyList<SiteEntry> Sites);

    internal sealed record SiteEntry(string Name, string State, double Latitude, double Longitude, int Population, EngagementTrack Track = EngagementTrack.Standard);

    /// <summary>The month whose program the catalogue's dates describe: in November 2026 the 2024 sites (Tampa among
    /// them) were in the third year of their engagement, the 2023 sites were reaching the end of theirs, and earlier
    /// cohorts were in sustainment or done.</summary>
    public static DateOnly DescribedMonth { get; } = new(2026, 11, 1);

    /// <summary>Whole months from <see cref="DescribedMonth"/> to <paramref name="today"/>'s month (negative before it).</summary>
    public static int MonthsSinceDescribed(DateOnly today) =>
        (today.Year - DescribedMonth.Year) * 12 + today.Month - DescribedMonth.Month;

    /// <summary>The demo start of the engagement of the cohort's site number <paramref name="siteIndex"/>: the cohort's
    /// real start plus a week per site before it, moved by the whole months from <see cref="DescribedMonth"/> to today.
    /// So whatever day the portal is seeded on, each cohort is as far into its engagement as it was in that month (the
    /// real years in the cohorts' names stay; their engagements' dates move), and the same day always gives the same dates.</summary>
    public static DateOnly StartOf(CohortEntry cohort, int siteIndex, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return cohort.Start.AddMonths(MonthsSinceDescribed(today)).AddDays(7 * siteIndex);
    }

    private static SiteEntry S(string name, string state, double lat, double lon, int population, EngagementTrack track = EngagementTrack.Standard) =>
        new(name, state, lat, lon, population, track);

    public static IReadOnlyList<CohortEntry> Cohorts { get; } =
    [
        new("Violence Reduction Network 2014 (pilot)", 2014, new DateOnly(2014, 9, 15),
            "The pilot sites of the Violence Reduction Network, from which PSP grew.",
            [
                S("Camden", "NJ", 39.9259, -75.1196, 71_000),
                S("Chicago", "IL", 41.8781, -87.6298, 2_700_000),
                S("Detroit", "MI", 42.3314, -83.0458, 680_000),
                S("Oakland/Richmond", "CA", 37.8044, -122.2712, 530_000),
                S("Wilmington", "DE", 39.7391, -75.5398, 71_000),
            ]),
        new("Violence Reduction Network 2015", 2015, new DateOnly(2015, 10, 1),
            "The second year of the Violence Reduction Network.",
            [
                S("Compton", "CA", 33.8958, -118.2201, 96_000),
                S("Flint", "MI", 43.0125, -83.6875, 98_000),
                S("Little Rock", "AR", 34.7465, -92.2896, 198_000),
                S("Newark", "NJ", 40.7357, -74.1724, 280_000),
                S("West Memphis", "AR", 35.1465, -90.1845, 25_000),
            ]),
        new("Violence Reduction Network 2016", 2016, new DateOnly(2016, 9, 1),
            "The last cohort of the Violence Reduction Network before PSP.",
            [
                S("Milwaukee", "WI", 43.0389, -87.9065, 590_000),
                S("New Orleans", "LA", 29.9511, -90.0715, 390_000),
                S("St. Louis", "MO", 38.6270, -90.1994, 300_000),
                S("Jackson", "MS", 32.2988, -90.1848, 160_000),
                S("Nashville", "TN", 36.1627, -86.7816, 690_000),
            ]),
        new("2017 sites", 2017, new DateOnly(2017, 6, 20),
            "The first PSP sites, announced June 20, 2017, on an operations or a diagnostic track.",
            [
                S("Birmingham", "AL", 33.5186, -86.8104, 210_000, EngagementTrack.Operations),
                S("Indianapolis", "IN", 39.7684, -86.1581, 880_000, EngagementTrack.Operations),
                S("Memphis", "TN", 35.1495, -90.0490, 630_000, EngagementTrack.Operations),
                S("Toledo", "OH", 41.6528, -83.5379, 270_000, EngagementTrack.Operations),
                S("Baton Rouge", "LA", 30.4515, -91.1871, 225_000, EngagementTrack.Diagnostic),
                S("Buffalo", "NY", 42.8864, -78.8784, 275_000, EngagementTrack.Diagnostic),
                S("Cincinnati", "OH", 39.1031, -84.5120, 310_000, EngagementTrack.Diagnostic),
                S("Houston", "TX", 29.7604, -95.3698, 2_300_000, EngagementTrack.Diagnostic),
                S("Jackson", "TN", 35.6145, -88.8139, 68_000, EngagementTrack.Diagnostic),
                S("Kansas City", "MO", 39.0997, -94.5786, 510_000, EngagementTrack.Diagnostic),
                S("Lansing", "MI", 42.7325, -84.5555, 112_000, EngagementTrack.Diagnostic),
                S("Springfield", "IL", 39.7817, -89.6501, 114_000, EngagementTrack.Diagnostic),
            ]),
        new("2018 sites", 2018, new DateOnly(2018, 5, 1),
            "The 2018 sites, with Kansas City moved up from the diagnostic track.",
            [
                S("Kansas City", "MO", 39.0997, -94.5786, 510_000, EngagementTrack.Operations),
                S("Miami", "FL", 25.7617, -80.1918, 450_000),
                S("Tulsa", "OK", 36.1540, -95.9928, 410_000),
            ]),
        new("2019 sites", 2019, new DateOnly(2019, 6, 3),
            "The 2019 sites, announced June 3, 2019.",
            [
                S("Anniston", "AL", 33.6598, -85.8316, 21_000),
                S("Oxford", "AL", 33.6143, -85.8349, 22_000),
                S("Anchorage", "AK", 61.2181, -149.9003, 290_000),
                S("Davenport", "IA", 41.5236, -90.5776, 101_000),
                S("Wichita", "KS", 37.6872, -97.3301, 395_000),
                S("Baton Rouge", "LA", 30.4515, -91.1871, 225_000),
                S("Baltimore", "MD", 39.2904, -76.6122, 580_000),
                S("Cleveland", "OH", 41.4993, -81.6944, 370_000),
                S("Amarillo", "TX", 35.2220, -101.8313, 200_000),
                S("Harris County", "TX", 29.8580, -95.3936, 4_700_000),
            ]),
        new("2021 sites", 2021, new DateOnly(2021, 10, 6),
            "The 2021 sites, announced October 6, 2021.",
            [
                S("Antioch", "CA", 38.0049, -121.8058, 115_000),
                S("Aurora", "CO", 39.7294, -104.8319, 390_000),
                S("Chattanooga", "TN", 35.0456, -85.3097, 182_000),
                S("Gary", "IN", 41.5934, -87.3464, 68_000),
                S("Louisville", "KY", 38.2527, -85.7585, 620_000),
                S("North Charleston/Charleston", "SC", 32.8546, -79.9748, 265_000),
                S("Philadelphia", "PA", 39.9526, -75.1652, 1_550_000),
                S("Phoenix", "AZ", 33.4484, -112.0740, 1_650_000),
                S("Richmond", "VA", 37.5407, -77.4360, 226_000),
                S("Shreveport", "LA", 32.5252, -93.7502, 180_000),
            ]),
        new("2022 sites", 2022, new DateOnly(2022, 6, 1),
            "The 2022 sites.",
            [
                S("Albuquerque", "NM", 35.0844, -106.6504, 560_000),
                S("Greensboro", "NC", 36.0726, -79.7920, 300_000),
                S("Rochester", "NY", 43.1566, -77.6088, 210_000),
                S("Sacramento", "CA", 38.5816, -121.4944, 525_000),
                S("Tucson", "AZ", 32.2226, -110.9747, 545_000),
                S("Washington", "DC", 38.9072, -77.0369, 680_000),
            ]),
        new("2023 sites", 2023, new DateOnly(2023, 11, 3),
            "The 2023 sites, announced November 3, 2023.",
            [
                S("Knoxville", "TN", 35.9606, -83.9207, 195_000),
                S("Minneapolis", "MN", 44.9778, -93.2650, 425_000),
                S("Raleigh", "NC", 35.7796, -78.6382, 470_000),
                S("San Antonio", "TX", 29.4241, -98.4936, 1_450_000),
                S("Vallejo", "CA", 38.1041, -122.2566, 124_000),
            ]),
        new("2024 sites", 2024, new DateOnly(2024, 6, 3),
            "The 2024 sites.",
            [
                S("DeKalb County", "GA", 33.7748, -84.2963, 765_000),
                S("Pueblo", "CO", 38.2544, -104.6091, 112_000),
                S("Seattle", "WA", 47.6062, -122.3321, 750_000),
                S("Springfield", "MA", 42.1015, -72.5898, 155_000),
                S("Tampa", "FL", 27.9506, -82.4572, 400_000),
            ]),
    ];
}
