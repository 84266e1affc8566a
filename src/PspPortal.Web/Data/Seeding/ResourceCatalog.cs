using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

/// <summary>The demo Clearinghouse: for each core area ten subjects written for this portal, each offered in two
/// forms (a resource type each), so that every type, core area and agency size has resources. Links go to example.org.</summary>
internal static class ResourceCatalog
{
    internal sealed record Subject(string Title, string Summary);

    internal sealed record Entry(string Title, string Summary, ResourceType Type, string CoreArea, string? SecondCoreArea, IReadOnlyList<AgencySize> Sizes, int DaysAgo, string Slug);

    public static IReadOnlyDictionary<string, IReadOnlyList<Subject>> Subjects { get; } = new Dictionary<string, IReadOnlyList<Subject>>
    {
        ["Criminal Justice Collaboration"] =
        [
            new("Building a violent crime working group", "How police, prosecutors, probation and the U.S. Attorney's Office set up a standing group that meets every two weeks on the few people and places driving violence."),
            new("Shared case reviews for repeat violent offenders", "A structured monthly review in which every agency brings what it knows about the same small list of people, and leaves with named next steps."),
            new("Information-sharing agreements that hold up", "Templates and advice for memoranda of understanding between local, state and federal partners, including what to do about juvenile and health records."),
            new("Reentry partnerships for people returning from prison", "Jail and prison in-reach, a warm hand-off to services and supervision that starts before release."),
            new("Pretrial decisions for people charged with gun crimes", "How jurisdictions brought courts, prosecutors and pretrial services to agree on risk information for release decisions in gun cases."),
            new("Coordinating probation and police on high-risk supervision", "Joint home visits, shared warrant priorities and a single list of people under supervision who are at highest risk of violence."),
            new("A local criminal justice coordinating council", "Charter, membership, staffing and a first-year agenda for a council that sets shared priorities across the justice system."),
            new("Victim services at the center of collaboration", "Bringing victim advocates into case reviews and planning so that survivors of violence are served, not only counted."),
            new("Measuring what a partnership achieves", "A short set of shared measures (cases reviewed, time to charge, repeat victimization) that every partner can report every quarter."),
            new("Sustaining collaboration through leadership changes", "What sites did to keep working groups alive when a chief, prosecutor or mayor changed."),
        ],
        ["Community Engagement"] =
        [
            new("Community listening sessions after a shooting", "Planning, facilitating and following up on neighborhood meetings in the days after a high-profile shooting."),
            new("Working with faith leaders on violence prevention", "How departments built lasting relationships with congregations, from clergy ride-alongs to joint vigils and outreach."),
            new("Youth advisory councils for police departments", "Recruiting, supporting and actually listening to a council of young people who advise the chief."),
            new("Procedural justice in everyday encounters", "The four pillars of procedural justice turned into roll-call scenarios and supervisor check-ins."),
            new("Partnering with community violence intervention programs", "Roles, boundaries and information sharing between police and street outreach workers."),
            new("Neighborhood problem-solving with residents", "A step-by-step approach for beat officers and residents to pick one problem place and fix it together."),
            new("Telling the public what the department is doing", "Plain-language public reporting on violent crime strategies, with examples of dashboards and community briefings."),
            new("Community surveys on trust and safety", "Designing and running a short, repeatable survey of residents' trust in police and sense of safety."),
            new("Engaging business owners in hot spots", "Enlisting store owners and property managers in crime prevention around the places where violence concentrates."),
            new("Restoring trust after a critical incident", "What leaders said and did in the first 72 hours, the first month and the first year after a use-of-force incident."),
        ],
        ["Crime Analysis"] =
        [
            new("Setting up a real-time crime center", "Staffing, software, data feeds and policies for a center that supports officers and detectives as incidents unfold."),
            new("Hot spot analysis for violent crime", "Finding the few street segments where most shootings happen, and checking that the hot spots stay hot before committing resources."),
            new("Social network analysis of group violence", "Mapping the groups and people involved in shootings from existing records, and using the map carefully."),
            new("Analyst career paths and training", "Job descriptions, pay bands and a training plan that keep skilled crime analysts in the department."),
            new("Weekly crime strategy meetings that lead to action", "Running a data-driven accountability meeting that focuses on problems and follow-up, not on blame."),
            new("Problem analysis with the SARA model", "Scanning, analysis, response and assessment applied to a recurring violent crime problem."),
            new("Counting nonfatal shootings accurately", "Definitions and data checks so that nonfatal shootings are counted the same way every month."),
            new("Evaluating a violence reduction strategy", "Choosing comparison areas, measures and time frames so that a department can tell whether its strategy worked."),
            new("Data quality in records management systems", "Finding and fixing the errors in incident data that make analysis unreliable."),
            new("Presenting analysis to executives", "Turning analysis into one-page briefs and charts that help a chief decide."),
        ],
        ["Gun Violence"] =
        [
            new("Focused deterrence for group-involved violence", "Call-ins, custom notifications and services for the small number of people at highest risk of shooting or being shot."),
            new("Crime gun intelligence centers", "Bringing NIBIN leads, trace data and investigators together so that shooters are identified within days."),
            new("NIBIN lead follow-up", "A workflow for test-firing every recovered gun and following up every ballistic lead quickly."),
            new("Reducing retaliatory shootings", "Identifying likely retaliation after a shooting and intervening with outreach and enforcement before it happens."),
            new("Hospital-based violence intervention", "Partnering with trauma centers so that shooting victims are offered help while they are still in the hospital."),
            new("Tracing crime guns and stopping trafficking", "Using comprehensive tracing to find trafficking patterns and the sources of guns used in crimes."),
            new("Safe storage and firearm theft prevention", "Community campaigns and outreach that reduce guns stolen from cars and homes."),
            new("Prioritizing shooting investigations", "Treating nonfatal shootings with the same investigative effort as homicides, and what that takes."),
            new("Removing guns from people prohibited from having them", "Working with courts on relinquishment of firearms under protective orders and other prohibitions."),
            new("Summer violence reduction plans", "Planning for the summer months: staffing, youth programming, outreach and a weekly review of shootings."),
        ],
        ["Constitutional Policing"] =
        [
            new("Use-of-force policy review", "Reviewing a use-of-force policy against national standards and current case law, with community input."),
            new("De-escalation training that changes behavior", "Scenario-based de-escalation training and how to tell whether it changed what officers do on the street."),
            new("Early intervention systems for officers", "Using complaints, force reports and other indicators to offer support before problems grow."),
            new("Body-worn camera policies", "Activation, retention, release and review rules for body-worn camera programs."),
            new("Lawful stops and searches", "Training and supervision that keep pedestrian and traffic stops within the Fourth Amendment."),
            new("Internal affairs investigations", "Intake, timelines, standards of proof and communication with complainants in internal investigations."),
            new("Responding to people in mental health crisis", "Co-responder and crisis intervention team models for calls involving mental illness."),
            new("Supervising officers for constitutional policing", "What first-line supervisors review every shift, and how the department supports them."),
            new("Stop data collection and analysis", "Collecting and publishing stop data, and analyzing it for disparities."),
            new("Civilian oversight working with police", "How civilian oversight bodies and departments share information and resolve disagreements."),
        ],
        ["Federal Partnerships"] =
        [
            new("Working with the U.S. Attorney's Office on violent crime", "Setting shared priorities with federal prosecutors and deciding which cases go federal."),
            new("Federal task force officer programs", "Deputizing local officers to ATF, DEA, FBI and USMS task forces: agreements, overtime and supervision."),
            new("Fugitive apprehension with the U.S. Marshals", "Prioritizing warrants for violent offenders and working with regional fugitive task forces."),
            new("Project Safe Neighborhoods teams", "How local partners join and use the U.S. Attorney's Project Safe Neighborhoods strategy."),
            new("Federal grants for violence reduction", "Finding, applying for and managing federal grants that support a violence reduction plan."),
            new("Deconflicting operations across agencies", "Systems and habits that keep local and federal operations from colliding."),
            new("Using federal training resources", "The training that federal partners offer local agencies, and how to get it."),
            new("Federal prosecution of gun crimes", "Which firearm offenses federal prosecutors charge, and how local investigators build those cases."),
            new("Sharing intelligence with fusion centers", "Working with state and regional fusion centers on violent crime intelligence."),
            new("Federal partners in the PSP site team", "What the DOJ components on a PSP site team do, and how a site gets the most from them."),
        ],
        ["Technology"] =
        [
            new("Choosing a records management system", "Requirements, procurement and migration lessons from agencies that replaced their records systems."),
            new("License plate readers and privacy", "Deployment, retention and audit policies for automated license plate readers."),
            new("Gunshot detection technology", "What acoustic gunshot detection can and cannot do, and how to measure its value."),
            new("Video integration in a real-time crime center", "Bringing public and private cameras into a center under clear policies."),
            new("Digital evidence management", "Storing, tracking and sharing video, phone and computer evidence from collection to court."),
            new("Mobile technology for patrol officers", "Phones and tablets that let officers write reports and look up information in the field."),
            new("Data dashboards for the public", "Publishing crime and police activity data online, accurately and accessibly."),
            new("Cybersecurity for small police departments", "Basic protections against ransomware and other attacks for agencies without IT staff."),
            new("Technology procurement and evaluation", "Piloting new technology, setting success criteria and deciding whether to keep it."),
            new("Computer-aided dispatch data for analysis", "Cleaning and using dispatch data to understand demand and response times."),
        ],
        ["Investigations"] =
        [
            new("Raising homicide clearance rates", "Staffing, case management and victim family support practices of units that improved homicide clearances."),
            new("Nonfatal shooting investigation units", "Dedicated units that investigate nonfatal shootings and what they achieved."),
            new("Witness protection and support", "Keeping witnesses safe and engaged from the first interview through trial."),
            new("Case management for violent crime detectives", "Caseload limits, solvability factors and supervisory review of investigations."),
            new("Forensic evidence turnaround", "Reducing the time from evidence collection to lab results in violent crime cases."),
            new("Cold case review", "Reopening unsolved homicides with new technology and fresh eyes."),
            new("Investigative interviewing", "Non-coercive interviewing methods that produce reliable information."),
            new("Detective training and mentoring", "Preparing new detectives through structured training and mentoring by experienced investigators."),
            new("Working with families of homicide victims", "Regular, honest communication with victims' families throughout an investigation."),
            new("Digital investigations in violent crime cases", "Using phone records, social media and video to solve shootings and homicides."),
        ],
    };

    /// <summary>How a subject is presented in each type: the title and a sentence added to its summary.</summary>
    private static (string Title, string Sentence) Present(Subject subject, ResourceType type) => type switch
    {
        ResourceType.ModelProgram => ($"{subject.Title}: a model program", "A program that has been run and evaluated in at least one PSP site, with its costs and staffing."),
        ResourceType.BestPractice => ($"{subject.Title}: best practices", "Practices drawn from PSP sites and national research, with examples of policies."),
        ResourceType.Training => ($"Training: {Lower(subject.Title)}", "A course delivered on site or online by a PSP TTA provider, with materials to keep."),
        ResourceType.TechnicalAssistance => ($"Technical assistance on {Lower(subject.Title)}", "One-to-one help from subject-matter experts, requested through a TTA request."),
        ResourceType.Webinar => ($"Webinar: {Lower(subject.Title)}", "A recorded one-hour webinar with practitioners from PSP sites, and its slides."),
        ResourceType.Podcast => ($"Podcast: {Lower(subject.Title)}", "An episode of the PSP podcast with leaders who have done this work."),
        ResourceType.Publication => ($"{subject.Title}: a guide", "A publication for practitioners, with checklists and sample documents."),
        ResourceType.LessonsLearned => ($"Lessons learned: {Lower(subject.Title)}", "What worked, what did not and what sites would do differently."),
        ResourceType.PeerExchange => ($"Peer exchange: {Lower(subject.Title)}", "A visit to a PSP site that has done this work, arranged through a TTA request."),
        _ => (subject.Title, string.Empty),
    };

    private static readonly AgencySize[][] SizeSets =
    [
        [AgencySize.Under100, AgencySize.From100To499],
        [AgencySize.From500To999, AgencySize.Over1000],
        [AgencySize.Under100, AgencySize.From100To499, AgencySize.From500To999, AgencySize.Over1000],
        [AgencySize.From100To499],
        [AgencySize.Over1000],
        [AgencySize.Under100],
        [AgencySize.From100To499, AgencySize.From500To999],
    ];

    /// <summary>The demo resources: 19 per core area (152), every type in every area, dates within the last four years.</summary>
    public static IReadOnlyList<Entry> All { get; } = Build();

    private static List<Entry> Build()
    {
        var types = Enum.GetValues<ResourceType>();
        var areas = CoreArea.Today;
        var entries = new List<Entry>();
        for (var a = 0; a < areas.Count; a++)
        {
            var subjects = Subjects[areas[a]];
            for (var i = 0; i < 19; i++)
            {
                var subject = subjects[i % subjects.Count];
                var type = types[(i + a) % types.Length];
                var (title, sentence) = Present(subject, type);
                var n = entries.Count;
                // Every fifth resource also serves the next core area, as real ones often do.
                var second = n % 5 == 0 ? areas[(a + 1) % areas.Count] : null;
                var slug = $"{Slug(areas[a])}/{Slug(title)}";
                entries.Add(new Entry(title, $"{subject.Summary} {sentence}", type, areas[a], second, SizeSets[n % SizeSets.Length], 5 + (n * 37 % 1400), slug));
            }
        }

        return entries;
    }

    private static string Slug(string text) =>
        string.Join('-', System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0));

    /// <summary>The title inside a sentence: its first letter small, unless the first word is an acronym (NIBIN, U.S.).</summary>
    private static string Lower(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && char.IsLower(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
}
