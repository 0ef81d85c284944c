using System.Linq.Expressions;

namespace TechZone.Data;

/// <summary>Query conditions combined at run time, so that a statement holds only the alternatives that can match.</summary>
public static class Predicates
{
    /// <summary>The rows that meet any of the conditions (none: no row), as one expression EF can translate.</summary>
    public static Expression<Func<T, bool>> AnyOf<T>(IReadOnlyList<Expression<Func<T, bool>>> conditions)
    {
        if (conditions.Count == 0) return _ => false;
        var row = conditions[0].Parameters[0];
        var body = conditions.Skip(1).Aggregate(conditions[0].Body,
            (either, next) => Expression.OrElse(either, new ParameterSwap(next.Parameters[0], row).Visit(next.Body)));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
