using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Data.Seeding;

/// <summary>Creates the reference data (roles, core areas) always, and the demo program and accounts when
/// <c>Demo:Seed</c> is on. Every step checks what is there first, so a second start adds nothing.</summary>
public sealed partial class DemoSeeder(
    PortalDbContext db,
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    TimeProvider clock,
    ServiceClock serviceClock,
    IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger)
{
    private static readonly string[] FirstNames =
    [
        "Angela", "Brian", "Carmen", "Darnell", "Erin", "Felix", "Gloria", "Hector", "Irene", "Jamal", "Karen", "Luis",
        "Monique", "Nathan", "Olivia", "Patrick", "Rosa", "Samuel", "Tanya", "Victor", "Wendy", "Yusuf", "Alicia", "Derek",
    ];

    private static readonly string[] LastNames =
    [
        "Abbott", "Brooks", "Castillo", "Dawson", "Estrada", "Fleming", "Grant", "Hughes", "Ingram", "Jefferson", "Kim",
        "Lawson", "Mendez", "Nguyen", "Owens", "Patel", "Quinn", "Robinson", "Sandoval", "Thornton", "Underwood", "Vasquez",
        "Washington", "Young",
    ];

    private static readonly string[] ChampionOffices =
    [
        "Bureau of Justice Assistance", "Office of Community Oriented Policing Services", "Office for Victims of Crime",
        "Office of Juvenile Justice and Delinquency Prevention", "National Institute of Justice",
    ];

    private static readonly string[] FederalAgencies = ["ATF", "DEA", "FBI", "USMS"];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // The demo's made-up history is news to nobody: no notification or mail comes of it (a few are seeded below).
        using var quiet = NotificationInterceptor.Suspend(db);
        await EnsureRolesAsync();
        await EnsureCoreAreasAsync(cancellationToken);

        if (!options.Value.Seed)
        {
            return;
        }

        var today = serviceClock.Today(clock);
        if (!await db.Cohorts.AnyAsync(cancellationToken))
        {
            await SeedProgramAsync(today, cancellationToken);
        }

        await EnsureDemoAccountsAsync(cancellationToken);

        if (!await db.TtaRequests.AnyAsync(cancellationToken))
        {
            await SeedRequestsAsync(today, cancellationToken);
        }

        if (!await db.PlanGoals.AnyAsync(cancellationToken) && !await db.Assessments.AnyAsync(cancellationToken))
        {
            await SeedPlansAsync(today, cancellationToken);
        }

        if (!await db.CapacityGrants.AnyAsync(cancellationToken))
        {
            await SeedGrantsAsync(today, cancellationToken);
        }

        if (!await db.Resources.AnyAsync(cancellationToken))
        {
            await SeedResourcesAsync(today, cancellationToken);
        }

        if (!await db.Toolkits.AnyAsync(cancellationToken))
        {
            await SeedToolkitsAsync(cancellationToken);
        }

        if (!await db.PeerExchanges.AnyAsync(cancellationToken))
        {
            await SeedPeerExchangesAsync(today, cancellationToken);
        }

        if (!await db.Notifications.AnyAsync(cancellationToken))
        {
            await SeedNotificationsAsync(cancellationToken);
        }
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    private async Task EnsureCoreAreasAsync(CancellationToken cancellationToken)
    {
        if (await db.CoreAreas.AnyAsync(cancellationToken))
        {
            return;
        }

        var order = 1;
        foreach (var name in CoreArea.Today)
        {
            db.CoreAreas.Add(new CoreArea { Name = name, SortOrder = order++ });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedProgramAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(2014);
        var sites = new Dictionary<(string, string), Site>();
        var demoPlaces = DemoAccounts.All
            .SelectMany(a => a.Sites.Select(s => (Site: s, a.TeamRole)))
            .ToHashSet();

        foreach (var entry in ProgramCatalog.Cohorts)
        {
            var cohort = new Cohort { Name = entry.Name, Year = entry.Year, Description = entry.Description };
            db.Cohorts.Add(cohort);

            for (var i = 0; i < entry.Sites.Count; i++)
            {
                var s = entry.Sites[i];
                if (!sites.TryGetValue((s.Name, s.State), out var site))
                {
                    site = new Site { Name = s.Name, State = s.State, Latitude = s.Latitude, Longitude = s.Longitude, Population = s.Population };
                    sites.Add((s.Name, s.State), site);
                    db.Sites.Add(site);
                    AddTeam(site, random, demoPlaces);
                }

                var engagement = new Engagement { Site = site, Cohort = cohort, Track = s.Track };
                engagement.StartOn(ProgramCatalog.StartOf(entry, i, today));
                engagement.Status = Engagement.StatusOn(engagement.StartDate, today);
                engagement.ApplyStandardPlan();
                ProgressMilestones(engagement, entry.Year, today, random, LiaisonName(site));
                site.Engagements.Add(engagement);
                cohort.Engagements.Add(engagement);
            }
        }

        // A site that moved on to a later cohort closed its earlier engagement when the new one began.
        foreach (var site in sites.Values.Where(s => s.Engagements.Count > 1))
        {
            foreach (var earlier in site.Engagements.OrderBy(e => e.StartDate).SkipLast(1))
            {
                earlier.Status = EngagementStatus.Completed;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        LogProgramSeeded(logger, ProgramCatalog.Cohorts.Count, sites.Count);
    }

    private static void AddTeam(Site site, Random random, HashSet<((string Name, string State) Site, SiteTeamRole? TeamRole)> demoPlaces)
    {
        string Person() => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
        bool TakenByDemo(SiteTeamRole role) => demoPlaces.Contains(((site.Name, site.State), role));

        site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.ExecutiveLeadership, Title = "Mayor", Organization = $"City of {site.Name}" });
        site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.ExecutiveLeadership, Title = "Chief of Police", Organization = $"{site.Name} Police Department" });
        if (!TakenByDemo(SiteTeamRole.ProgramOfficeChampion))
        {
            site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.ProgramOfficeChampion, Organization = ChampionOffices[random.Next(ChampionOffices.Length)] });
        }

        foreach (var agency in FederalAgencies)
        {
            site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.FederalLawEnforcement, Organization = agency, Title = "Point of contact" });
        }

        site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.PointOfContact, Organization = "U.S. Attorney's Office", Title = "Assistant U.S. Attorney" });
        if (!TakenByDemo(SiteTeamRole.PointOfContact))
        {
            site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.PointOfContact, Organization = $"{site.Name} Police Department", Title = "Deputy Chief" });
        }

        if (!TakenByDemo(SiteTeamRole.StrategicSiteLiaison))
        {
            site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.StrategicSiteLiaison, Organization = "PSP" });
        }

        if (!TakenByDemo(SiteTeamRole.PspAnalyst))
        {
            site.TeamMembers.Add(new SiteTeamMember { FullName = Person(), TeamRole = SiteTeamRole.PspAnalyst, Organization = "PSP TTA provider" });
        }
    }

    private static string LiaisonName(Site site) =>
        DemoAccounts.All.FirstOrDefault(a => a.TeamRole == SiteTeamRole.StrategicSiteLiaison && a.Sites.Contains((site.Name, site.State)))?.FullName
        ?? site.TeamMembers.FirstOrDefault(m => m.TeamRole == SiteTeamRole.StrategicSiteLiaison)?.FullName
        ?? "PSP Strategic Site Liaison";

    /// <summary>Marks what a real engagement would have done by today: most past milestones completed (some late),
    /// a few deferred, and in an engagement still under way the latest one or two left open, so they are overdue.</summary>
    private static void ProgressMilestones(Engagement engagement, int cohortYear, DateOnly today, Random random, string owner)
    {
        var past = engagement.Milestones.Where(m => m.DueDate < today).OrderBy(m => m.DueDate).ToList();
        var active = engagement.Status == EngagementStatus.Active;
        for (var i = 0; i < past.Count; i++)
        {
            var m = past[i];
            m.OwnerName = owner;
            var leaveOpen = active && i > 0 && (i == past.Count - 1 || i % 4 == 3);
            if (leaveOpen)
            {
                continue;
            }

            // The real 2019 cohort, whatever year its demo engagement has been moved to.
            if (!active && m.Kind == MilestoneKind.PeerExchange && cohortYear == 2019)
            {
                m.Status = MilestoneStatus.Deferred;
                m.Notes = "In-person peer exchanges paused during the COVID-19 public health emergency.";
                continue;
            }

            var late = random.Next(5) == 0 ? random.Next(3, 40) : -random.Next(0, 10);
            var done = m.DueDate.AddDays(late);
            m.Status = MilestoneStatus.Completed;
            // Within the dates a person could enter: not before the kickoff, not after today.
            var possible = engagement.CompletionDates(today);
            m.CompletedOn = done < possible.First ? possible.First : done > possible.Last ? possible.Last : done;
        }

        foreach (var m in engagement.Milestones.Where(m => m.DueDate >= today))
        {
            m.OwnerName = owner;
        }
    }

    private async Task EnsureDemoAccountsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var account in DemoAccounts.All)
        {
            if (await userManager.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new PortalUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FullName = account.FullName,
                CreatedAt = now,
            };
            Check(await userManager.CreateAsync(user, options.Value.Password), account.Email);
            Check(await userManager.AddToRoleAsync(user, account.Role), account.Email);

            if (account.TeamRole is { } teamRole)
            {
                foreach (var (name, state) in account.Sites)
                {
                    var site = await db.Sites.SingleAsync(s => s.Name == name && s.State == state, cancellationToken);
                    db.SiteTeamMembers.Add(new SiteTeamMember
                    {
                        SiteId = site.Id,
                        UserId = user.Id,
                        FullName = account.FullName,
                        Email = account.Email,
                        TeamRole = teamRole,
                        Organization = account.Organization,
                        Title = teamRole == SiteTeamRole.PointOfContact ? "Lieutenant, Violent Crimes Bureau" : null,
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo program: {Cohorts} cohorts, {Sites} sites")]
    private static partial void LogProgramSeeded(ILogger logger, int cohorts, int sites);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Requests} demo TTA requests")]
    private static partial void LogRequestsSeeded(ILogger logger, int requests);
}
