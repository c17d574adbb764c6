package io.valence.orm.internal.query;

import io.valence.orm.query.Condition;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Renders the shape of a condition ({@link ConditionSplit#shape()}) as SQL, resolving paths through a
 * resolver; each value slot becomes a parameter that binds the split's value at that slot (an IN's
 * list as one array). Nested AND/OR and every NOT are parenthesized.
 */
final class ConditionRenderer {
    private final Function<String, ResolvedColumn> resolver;
    private final Parameters parameters;
    private final Expressions aggregates;

    /** A renderer of WHERE conditions, where aggregates are refused. */
    ConditionRenderer(Function<String, ResolvedColumn> resolver, Parameters parameters) {
        this(resolver, parameters, null);
    }

    /**
     * A renderer whose conditions may compare aggregates (a HAVING) when {@code aggregates} is given.
     */
    ConditionRenderer(Function<String, ResolvedColumn> resolver, Parameters parameters, Expressions aggregates) {
        this.resolver = resolver;
        this.parameters = parameters;
        this.aggregates = aggregates;
    }

    /** Renders a shape: a condition whose values are {@link ConditionSplit.ValueSlot}s. */
    String render(Condition condition) {
        if (condition instanceof Condition.Comparison comparison) {
            ResolvedColumn column = resolver.apply(comparison.path());
            BindSlot.Mode mode =
                    comparison.operator() == Condition.Operator.LIKE ? BindSlot.Mode.PATTERN : BindSlot.Mode.SCALAR;
            String marker = parameters.add(new BindSlot.ConditionValue(ConditionSplit.slotOf(comparison.value()), column, mode));
            return column.sql() + " " + operator(comparison.operator()) + " " + marker;
        }
        if (condition instanceof Condition.AggregateComparison compared) {
            return aggregateComparison(compared);
        }
        if (condition instanceof Condition.In in) {
            ResolvedColumn column = resolver.apply(in.path());
            String marker = parameters.add(new BindSlot.ConditionValue(
                    ConditionSplit.slotOf(in.values().get(0)), column, BindSlot.Mode.ARRAY));
            return column.sql() + " = ANY(" + marker + "::" + column.column().type().arrayType() + ")";
        }
        if (condition instanceof Condition.IsNull isNull) {
            return resolver.apply(isNull.path()).sql() + " IS NULL";
        }
        if (condition instanceof Condition.IsNotNull isNotNull) {
            return resolver.apply(isNotNull.path()).sql() + " IS NOT NULL";
        }
        if (condition instanceof Condition.And and) {
            return junction(" AND ", and.conditions());
        }
        if (condition instanceof Condition.Or or) {
            return junction(" OR ", or.conditions());
        }
        Condition.Not not = (Condition.Not) condition;
        return "NOT (" + render(not.condition()) + ")";
    }

    private String aggregateComparison(Condition.AggregateComparison compared) {
        if (aggregates == null) {
            throw QueryErrors.aggregateOutsideHaving(compared.aggregate());
        }
        ResolvedExpression aggregate = aggregates.resolve(compared.aggregate());
        int slot = ConditionSplit.slotOf(compared.value());
        BindSlot bind = aggregate.comparesAsColumn()
                ? new BindSlot.ConditionValue(slot, aggregate.column(), BindSlot.Mode.SCALAR)
                : new BindSlot.NumberValue(slot, aggregate.value().javaType(), compared.aggregate().name());
        return aggregate.sql() + " " + operator(compared.operator()) + " " + parameters.add(bind);
    }

    private String junction(String separator, List<Condition> conditions) {
        StringJoiner joined = new StringJoiner(separator);
        for (Condition condition : conditions) {
            String rendered = render(condition);
            boolean compound = condition instanceof Condition.And || condition instanceof Condition.Or;
            joined.add(compound ? "(" + rendered + ")" : rendered);
        }
        return joined.toString();
    }

    private static String operator(Condition.Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case LIKE -> "LIKE";
        };
    }
}
