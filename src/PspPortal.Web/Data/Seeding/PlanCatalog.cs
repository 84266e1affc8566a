namespace PspPortal.Web.Data.Seeding;

/// <summary>Believable strategic plans for the demo: the goals a PSP site typically adopts after its assessment, and
/// for each TTA request idea of <see cref="RequestCatalog"/> the strategy it serves and the recommendation that led to
/// it. A site's demo plan is made of the strategies its own demo requests serve, so that every request links to one.</summary>
internal static class PlanCatalog
{
    internal sealed record Goal(string Key, string Title);

    /// <summary>The strategy a request idea (by its title) serves, the goal it falls under and the assessment's
    /// recommendation behind it.</summary>
    internal sealed record Entry(string GoalKey, string Strategy, string Recommendation);

    public const string GunViolence = "gun";
    public const string Partnerships = "partners";
    public const string Trust = "trust";
    public const string Technology = "tech";

    public static IReadOnlyList<Goal> Goals { get; } =
    [
        new(GunViolence, "Reduce gun violence in the places and among the people most affected, and solve more of it"),
        new(Partnerships, "Strengthen the local, state and federal partnerships that carry the violence reduction work"),
        new(Trust, "Build trust between residents and the department through fair and visible policing"),
        new(Technology, "Put technology and data to work for prevention and rapid response"),
    ];

    /// <summary>Keyed by the request idea's title in <see cref="RequestCatalog"/>.</summary>
    public static IReadOnlyDictionary<string, Entry> ByRequestTitle { get; } = new Dictionary<string, Entry>(StringComparer.Ordinal)
    {
        // Criminal Justice Collaboration
        ["Stand up a violent crime working group with the USAO and DA"] = new(Partnerships,
            "Convene a standing violent crime working group of police, the District Attorney, the USAO and probation",
            "Create a standing forum where police, prosecutors and community supervision review the same repeat violent offenders and own the follow-up."),
        ["Facilitate a case-review protocol for nonfatal shootings"] = new(Partnerships,
            "Adopt a joint case-review protocol for nonfatal shootings",
            "Review nonfatal shootings jointly with prosecutors so that more of them are charged."),
        ["Peer exchange on multi-agency gun case prosecution"] = new(Partnerships,
            "Agree on how gun cases are screened for state or federal prosecution",
            "Write down how gun cases are screened for state or federal charging, learning from a site that already does it."),

        // Community Engagement
        ["Design a community listening session series"] = new(Trust,
            "Hold listening sessions in the two highest-violence districts and report back what will change",
            "Rebuild trust in the highest-violence districts with regular, facilitated conversations that lead to visible changes."),
        ["Public information officer training on crisis communication"] = new(Trust,
            "Give the public timely, consistent information after shootings",
            "Train public information officers and adopt a playbook for communicating after critical incidents."),
        ["Support for a faith-based violence interruption partnership"] = new(Trust,
            "Formalize the partnership between the city and faith leaders in violence interruption",
            "Define the roles of faith-based partners in violence interruption and how people are referred to them."),

        // Crime Analysis
        ["Crime analyst training for two new hires"] = new(GunViolence,
            "Train the department's new crime analysts and publish a weekly violent crime brief",
            "Expand crime analysis capacity: train the new analysts and give command staff a weekly violent crime brief."),
        ["Build a weekly shooting review dashboard"] = new(GunViolence,
            "Review every shooting weekly with a dashboard command staff trust",
            "Give command staff shooting data within a day, by district and time, instead of week-old spreadsheets."),
        ["Problem analysis of robbery hot spots downtown"] = new(GunViolence,
            "Analyze downtown robbery hot spots and act on what the analysis finds",
            "Focus resources on the places with high concentrations of crime, starting with the downtown robbery corridor."),

        // Gun Violence
        ["Assess the crime gun intelligence center workflow"] = new(GunViolence,
            "Turn NIBIN leads into investigative leads within 48 hours",
            "Shorten the time from test-fire to investigative lead through a crime gun intelligence center workflow."),
        ["Focused deterrence program design"] = new(GunViolence,
            "Launch focused deterrence for group-involved gun violence",
            "Give the people most at risk of gun violence a clear choice, with services and consequences, through focused deterrence."),
        ["Webinar on shooting scene evidence collection"] = new(GunViolence,
            "Collect shell casings at every shooting scene",
            "Train patrol to collect and submit ballistic evidence from every shooting scene."),

        // Constitutional Policing
        ["Review the use-of-force policy against national standards"] = new(Trust,
            "Bring the use-of-force policy up to national standards with community comment",
            "Revise the 2012 use-of-force policy against national standards and invite community comment."),
        ["Procedural justice training for field training officers"] = new(Trust,
            "Build procedural justice into field training",
            "Train field training officers in procedural justice and evaluate new officers on it."),
        ["Early intervention system assessment"] = new(Trust,
            "Make the early intervention system lead to supervisor action",
            "Set early intervention thresholds that supervisors act on, with follow-up steps."),

        // Federal Partnerships
        ["Coordinate a federal task force officer agreement with ATF"] = new(Partnerships,
            "Place two detectives on the ATF task force",
            "Join federal task forces so that the most serious gun cases reach federal partners early."),
        ["Joint warrant sweep planning with USMS"] = new(Partnerships,
            "Clear the backlog of violent felony warrants with the U.S. Marshals Service",
            "Prioritize violent felony warrants and serve them with the U.S. Marshals Service."),
        ["Introduce federal partners to the new police chief"] = new(Partnerships,
            "Keep the federal partners and department leadership meeting regularly",
            "Make sure every change of leadership keeps the federal partnerships going."),

        // Technology
        ["Real time crime center planning support"] = new(Technology,
            "Open a real time crime center that helps first responders prevent crimes and respond rapidly to emergencies",
            "Give the funded real time crime center a concept of operations, a staffing model and a technology road map."),
        ["Evaluate records management system replacement options"] = new(Technology,
            "Replace the records management system so analysts can use its data",
            "Plan the replacement of the end-of-life records management system around what analysts need to extract."),
        ["Body-worn camera video retention policy review"] = new(Technology,
            "Set a body-worn camera video retention schedule that meets state law",
            "Control body-worn camera storage costs with a retention schedule that meets state law and evidentiary needs."),

        // Investigations
        ["Homicide unit clearance rate assessment"] = new(GunViolence,
            "Raise the homicide clearance rate with better case management",
            "Review homicide caseloads, case management and solvability practices to raise the clearance rate."),
        ["Training on cell phone and social media evidence"] = new(GunViolence,
            "Train detectives in digital evidence for shooting investigations",
            "Give detectives the skills to use cell phone and social media evidence in shooting investigations."),
        ["Nonfatal shooting investigation protocol"] = new(GunViolence,
            "Assign every nonfatal shooting to a detective with a 72-hour review",
            "Investigate nonfatal shootings with the same attention as homicides."),
    };

    /// <summary>The request idea whose strategy opens Tulsa's plan: the FY 2023 award of $500,000 funded its strategy 1.1.</summary>
    public const string TulsaFirstRequest = "Real time crime center planning support";

    public static string Findings(string site, IReadOnlyList<string> coreAreas) =>
        $"The assessment team met with the {site} site team, police command staff, prosecutors, federal partners and community " +
        $"members, rode along with patrol and reviewed three years of crime and case data. Violent crime is concentrated in a small " +
        $"number of places and among a small number of people, and partners act on it separately. The team looked closely at " +
        $"{string.Join(", ", coreAreas.Take(coreAreas.Count - 1))}{(coreAreas.Count > 1 ? " and " : string.Empty)}{coreAreas[^1]}; " +
        "its recommendations follow.";

    /// <summary>The dated notes of a strategy's progress, written from what happened to its requests.</summary>
    public static string DeliveredNote(string reference, string? provider) =>
        $"{reference} delivered{(provider is null ? string.Empty : $" by {provider}")}; the site team is putting it into practice.";

    public static string UnderWayNote(string reference) =>
        $"{reference} approved; the liaison is working with the provider on dates.";

    public static string ImplementedNote { get; } = "Adopted and in daily use; the site team reviews it each quarter.";

    /// <summary>The FY 2023 capacity-building awards: nine sites that had completed at least two years, $4,000,000 in
    /// all. Tulsa's $500,000 funded strategy 1.1 of its plan (SITES.md); the other eight sites and amounts are the demo's.</summary>
    internal sealed record Award(string Site, string State, decimal Amount, int StrategiesFunded);

    public const string Fy2023Solicitation = "FY 2023 National Public Safety Partnership—Capacity Building Grant Limited Competition";

    public static DateOnly Fy2023AwardDate { get; } = new(2023, 9, 28);

    public static DateOnly Fy2023PeriodStart { get; } = new(2023, 10, 1);

    public static DateOnly Fy2023PeriodEnd { get; } = new(2026, 9, 30);

    public static IReadOnlyList<Award> Fy2023Awards { get; } =
    [
        new("Tulsa", "OK", 500_000m, 1),
        new("Memphis", "TN", 475_000m, 2),
        new("Birmingham", "AL", 450_000m, 1),
        new("Baton Rouge", "LA", 450_000m, 2),
        new("Wichita", "KS", 450_000m, 1),
        new("Cleveland", "OH", 425_000m, 2),
        new("Anchorage", "AK", 400_000m, 1),
        new("Amarillo", "TX", 400_000m, 1),
        new("Davenport", "IA", 450_000m, 1),
    ];
}
