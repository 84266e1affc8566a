using System.Linq.Expressions;

namespace PspPortal.Web.Domain;

/// <summary>
/// A rule about an entity on a given day ("overdue on", "due by"), written once as an expression. The database runs
/// it (<see cref="On"/> in <c>Where</c> and <c>Count</c>; <see cref="Expression"/> through LinqKit's <c>Invoke</c> in a
/// <c>Select</c>), and C# runs the very same expression, compiled once (<see cref="IsTrue"/>). So a page, a query and a
/// view can never disagree about it.
/// </summary>
public sealed class DayRule<T>
{
    private readonly Func<T, DateOnly, bool> _compiled;

    public DayRule(Expression<Func<T, DateOnly, bool>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Expression = rule;
        _compiled = rule.Compile();
    }

    /// <summary>The rule with the day as its second parameter.</summary>
    public Expression<Func<T, DateOnly, bool>> Expression { get; }

    public bool IsTrue(T item, DateOnly day) => _compiled(item, day);

    /// <summary>The rule for one day, for <c>Where</c>: the day becomes a parameter of the SQL statement.</summary>
    public Expression<Func<T, bool>> On(DateOnly day)
    {
        var holder = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(new Day(day)), nameof(Day.Value));
        var body = new Replace(Expression.Parameters[1], holder).Visit(Expression.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, Expression.Parameters[0]);
    }

    /// <summary>True when either rule is.</summary>
    public DayRule<T> Or(DayRule<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var item = Expression.Parameters[0];
        var day = Expression.Parameters[1];
        var otherBody = new Replace(other.Expression.Parameters[0], item).Visit(new Replace(other.Expression.Parameters[1], day).Visit(other.Expression.Body));
        return new DayRule<T>(System.Linq.Expressions.Expression.Lambda<Func<T, DateOnly, bool>>(
            System.Linq.Expressions.Expression.OrElse(Expression.Body, otherBody!), item, day));
    }

    /// <summary>Holds the day so that EF Core sends it as a parameter rather than a constant in the SQL text.</summary>
    private sealed record Day(DateOnly Value);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
