using System.Linq.Expressions;

namespace PspPortal.Web.Domain;

/// <summary>The TTA request figures that site and cohort lists count in the database.</summary>
public static class RequestFigures
{
    /// <summary>Open: not yet delivered, closed, declined or withdrawn (<see cref="TtaWorkflow.OpenStatuses"/>).</summary>
    public static Expression<Func<TtaRequest, bool>> Open { get; } = BuildOpen();

    /// <summary>Overdue: past the service clock's target for a decision or for delivery (<see cref="ServiceClock.OverdueOn"/>),
    /// the same rule the request list marks and filters by.</summary>
    public static Expression<Func<TtaRequest, bool>> OverdueOn(DateOnly today) => ServiceClock.OverdueOn(today);

    private static Expression<Func<TtaRequest, bool>> BuildOpen()
    {
        var open = TtaWorkflow.OpenStatuses.ToList();
        return r => open.Contains(r.Status);
    }
}
