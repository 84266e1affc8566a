using System.Linq.Expressions;

namespace PspPortal.Web.Domain;

/// <summary>The TTA request figures that site and cohort lists count in the database.</summary>
public static class RequestFigures
{
    /// <summary>Open: not yet delivered, closed, declined or withdrawn (<see cref="TtaWorkflow.OpenStatuses"/>).</summary>
    public static Expression<Func<TtaRequest, bool>> Open { get; } = BuildOpen();

    /// <summary>Overdue: open and past the date the site needs it by.
    /// When the service clock (issue 3) lands, this becomes its rule on the stored due dates.</summary>
    public static Expression<Func<TtaRequest, bool>> OverdueOn(DateOnly today)
    {
        var open = TtaWorkflow.OpenStatuses.ToList();
        return r => open.Contains(r.Status) && r.NeededBy < today;
    }

    private static Expression<Func<TtaRequest, bool>> BuildOpen()
    {
        var open = TtaWorkflow.OpenStatuses.ToList();
        return r => open.Contains(r.Status);
    }
}
