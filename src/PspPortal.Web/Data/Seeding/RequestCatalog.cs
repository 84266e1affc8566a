using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

/// <summary>Believable TTA requests for the demo data, by core area: a title, the need and the outcome wanted.</summary>
internal static class RequestCatalog
{
    internal sealed record Idea(string Title, string Need, string Outcome, DeliveryMode Mode);

    public static IReadOnlyDictionary<string, IReadOnlyList<Idea>> ByCoreArea { get; } = new Dictionary<string, IReadOnlyList<Idea>>
    {
        ["Criminal Justice Collaboration"] =
        [
            new("Stand up a violent crime working group with the USAO and DA", "Police, prosecutors and probation meet separately about the same repeat offenders and nobody owns follow-up.", "A standing working group with a charter, a weekly case review and shared action items.", DeliveryMode.OnSite),
            new("Facilitate a case-review protocol for nonfatal shootings", "Nonfatal shooting cases are rarely charged and partners do not review them together.", "A written case-review protocol adopted by police, prosecutors and federal partners.", DeliveryMode.Virtual),
            new("Peer exchange on multi-agency gun case prosecution", "Our prosecutors want to see how another site decides state versus federal charging of gun cases.", "A one-to-one peer exchange and a draft charging-decision guide.", DeliveryMode.PeerExchange),
        ],
        ["Community Engagement"] =
        [
            new("Design a community listening session series", "Trust between residents of the two highest-violence districts and the department is low after a recent use-of-force incident.", "Six facilitated listening sessions and a public summary of what was heard and what will change.", DeliveryMode.OnSite),
            new("Public information officer training on crisis communication", "The department's messages after shootings are late and inconsistent.", "Two PIOs trained, with a communications playbook for critical incidents.", DeliveryMode.Training),
            new("Support for a faith-based violence interruption partnership", "Clergy want to partner with the city on violence interruption but roles are unclear.", "A memorandum of understanding and a referral process between clergy and the city.", DeliveryMode.Virtual),
        ],
        ["Crime Analysis"] =
        [
            new("Crime analyst training for two new hires", "The department hired two crime analysts who have no formal training.", "Both analysts complete foundational training and produce a weekly violent crime brief.", DeliveryMode.Training),
            new("Build a weekly shooting review dashboard", "Command staff receive shooting data as spreadsheets a week late.", "A dashboard refreshed daily with shootings by district, time and victim demographics.", DeliveryMode.Virtual),
            new("Problem analysis of robbery hot spots downtown", "Commercial robberies doubled in the downtown corridor this year.", "A problem analysis report with recommended place-based responses.", DeliveryMode.ResourcePublication),
        ],
        ["Gun Violence"] =
        [
            new("Assess the crime gun intelligence center workflow", "NIBIN leads reach investigators weeks after test-fires.", "An assessment of the crime gun intelligence workflow with a 48-hour lead target.", DeliveryMode.OnSite),
            new("Focused deterrence program design", "The city wants to launch focused deterrence for group-involved gun violence.", "A program design with call-in format, services partners and enforcement commitments.", DeliveryMode.OnSite),
            new("Webinar on shooting scene evidence collection", "Patrol officers collect shell casings inconsistently at shooting scenes.", "A recorded webinar and a one-page field guide for patrol.", DeliveryMode.Webinar),
        ],
        ["Constitutional Policing"] =
        [
            new("Review the use-of-force policy against national standards", "Our use-of-force policy was last revised in 2012.", "A gap analysis and a redlined policy ready for community comment.", DeliveryMode.ResourcePublication),
            new("Procedural justice training for field training officers", "New officers learn habits from FTOs who were never trained in procedural justice.", "All FTOs trained; procedural justice added to the FTO evaluation form.", DeliveryMode.Training),
            new("Early intervention system assessment", "The early intervention system flags officers but supervisors rarely act on the flags.", "An assessment with recommended thresholds and supervisor follow-up steps.", DeliveryMode.Virtual),
        ],
        ["Federal Partnerships"] =
        [
            new("Coordinate a federal task force officer agreement with ATF", "Two detectives could join the ATF task force but the agreement has stalled.", "A signed task force officer agreement and an onboarding plan.", DeliveryMode.Virtual),
            new("Joint warrant sweep planning with USMS", "There is a backlog of violent felony warrants.", "A joint operation plan with the U.S. Marshals Service and a warrant prioritization method.", DeliveryMode.OnSite),
            new("Introduce federal partners to the new police chief", "The new chief has not met the site's federal law enforcement points of contact.", "A facilitated meeting of the chief with ATF, DEA, FBI, USMS and the USAO.", DeliveryMode.OnSite),
        ],
        ["Technology"] =
        [
            new("Real time crime center planning support", "The city funded a real time crime center but has no concept of operations.", "A concept of operations, staffing model and technology road map for the center.", DeliveryMode.OnSite),
            new("Evaluate records management system replacement options", "The records management system is end-of-life and analysts cannot extract data.", "A requirements document and a comparison of three replacement options.", DeliveryMode.Virtual),
            new("Body-worn camera video retention policy review", "Storage costs for body-worn camera video are rising fast.", "A retention schedule that meets state law and evidentiary needs.", DeliveryMode.ResourcePublication),
        ],
        ["Investigations"] =
        [
            new("Homicide unit clearance rate assessment", "The homicide clearance rate fell below 40 percent.", "An assessment of caseloads, case management and solvability practices with recommendations.", DeliveryMode.OnSite),
            new("Training on cell phone and social media evidence", "Detectives lack skills to use digital evidence in shooting investigations.", "Twenty detectives trained in digital evidence collection and legal process.", DeliveryMode.Training),
            new("Nonfatal shooting investigation protocol", "Nonfatal shootings get less investigative attention than homicides.", "A protocol assigning nonfatal shootings to detectives with a 72-hour case review.", DeliveryMode.Virtual),
        ],
    };

    public static IReadOnlyList<string> Providers { get; } =
    [
        "National Policing Institute",
        "Institute for Intergovernmental Research",
        "Police Executive Research Forum",
        "CNA",
        "International Association of Chiefs of Police",
        "National Criminal Justice Association",
    ];
}
