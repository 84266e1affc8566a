namespace PspPortal.Web.Domain;

public enum GrantStatus
{
    Awarded,
    Active,
    Closed,
}

/// <summary>A capacity-building grant awarded to a site (PSP itself is not a grant program; BJA's capacity-building
/// solicitations fund sites that have completed at least two years of their engagement to carry out their strategic
/// plan and their assessment's recommendations). It belongs to the engagement the site was in when it was awarded and
/// links to the strategies of that engagement's plan it funds.</summary>
public class CapacityGrant : IVersioned
{
    public const int MinimumYearsCompleted = 2;

    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    /// <summary>The federal fiscal year of the solicitation, such as 2023.</summary>
    public int FiscalYear { get; set; }

    public required string Solicitation { get; set; }
    public required string AwardNumber { get; set; }
    public decimal Amount { get; set; }
    public DateOnly AwardedOn { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public GrantStatus Status { get; set; }

    /// <summary>Concurrency token: changes on every change of the award.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<GrantFundedStrategy> FundedStrategies { get; } = [];

    /// <summary>The engagement an award on <paramref name="awardedOn"/> belongs to: the site's latest engagement that had
    /// started by then; null when none had.</summary>
    public static Engagement? EngagementOn(IEnumerable<Engagement> engagements, DateOnly awardedOn)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        return engagements.Where(e => e.StartDate <= awardedOn).MaxBy(e => e.StartDate);
    }

    /// <summary>The eligibility rule: on the award date the engagement has at least two years completed.</summary>
    public static bool Eligible(DateOnly engagementStart, DateOnly awardedOn) => engagementStart.AddYears(MinimumYearsCompleted) <= awardedOn;

    /// <summary>Why <paramref name="siteName"/> cannot receive an award on <paramref name="awardedOn"/>, or null when it can.</summary>
    public static string? Ineligibility(string siteName, IEnumerable<Engagement> engagements, DateOnly awardedOn)
    {
        var engagement = EngagementOn(engagements, awardedOn);
        if (engagement is null)
        {
            return $"{siteName} had no PSP engagement under way on {DateRange.Words(awardedOn)}, so it cannot receive a capacity-building grant awarded that day.";
        }

        return Eligible(engagement.StartDate, awardedOn)
            ? null
            : $"{siteName} is not eligible: capacity-building grants go to sites that have completed at least two years of their engagement, " +
              $"and its engagement started on {DateRange.Words(engagement.StartDate)}, so it is eligible from {DateRange.Words(engagement.StartDate.AddYears(MinimumYearsCompleted))}.";
    }

    /// <summary>Enters an award, refusing a site that is not eligible on the award date and a period that ends before it starts.</summary>
    public static CapacityGrant Award(
        Site site, int fiscalYear, string solicitation, string awardNumber, decimal amount, DateOnly awardedOn, DateOnly periodStart, DateOnly periodEnd)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (Ineligibility(site.DisplayName, site.Engagements, awardedOn) is { } refusal)
        {
            throw new PlanException(refusal);
        }

        if (amount <= 0)
        {
            throw new PlanException("The amount must be more than $0.");
        }

        if (periodEnd <= periodStart)
        {
            throw new PlanException("The period must end after it starts.");
        }

        return new CapacityGrant
        {
            SiteId = site.Id,
            Engagement = EngagementOn(site.Engagements, awardedOn),
            FiscalYear = fiscalYear,
            Solicitation = PlanText.Require(solicitation, "Enter the solicitation."),
            AwardNumber = PlanText.Require(awardNumber, "Enter the award number."),
            Amount = amount,
            AwardedOn = awardedOn,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            Status = GrantStatus.Awarded,
        };
    }

    /// <summary>Links a strategy the award funds; it must belong to the plan of the award's engagement.</summary>
    public void Fund(int strategyId, int strategyEngagementId)
    {
        if (strategyEngagementId != EngagementId)
        {
            throw new PlanException("Choose a strategy of the plan of the engagement the award was made in.");
        }

        if (FundedStrategies.Any(f => f.StrategyId == strategyId))
        {
            throw new PlanException("The award already funds this strategy.");
        }

        FundedStrategies.Add(new GrantFundedStrategy { GrantId = Id, StrategyId = strategyId });
        Version = Guid.NewGuid();
    }

    public void ChangeStatus(GrantStatus status)
    {
        Status = status;
        Version = Guid.NewGuid();
    }
}

/// <summary>A strategy of a site's plan that a capacity-building grant funds.</summary>
public class GrantFundedStrategy
{
    public int GrantId { get; set; }
    public CapacityGrant? Grant { get; set; }
    public int StrategyId { get; set; }
    public PlanStrategy? Strategy { get; set; }
}
