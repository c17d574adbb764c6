package io.valence.orm.internal.query;

import io.valence.orm.query.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * The values one query binds into a cached statement: its condition values, depth first, one entry
 * per comparison and one list per IN (matching {@link ConditionRenderer}'s numbering), and its limit
 * and offset.
 *
 * @param conditionValues the condition values
 * @param limit the limit, or null
 * @param offset the offset, or null
 */
record QueryValues(List<Object> conditionValues, Long limit, Long offset) {

    static final QueryValues NONE = new QueryValues(List.of(), null, null);

    /** The values of a condition (absent: none), in the order {@link ConditionRenderer} numbers them. */
    static List<Object> of(Condition condition) {
        List<Object> values = new ArrayList<>();
        if (condition != null) {
            collect(condition, values);
        }
        return values;
    }

    private static void collect(Condition condition, List<Object> values) {
        if (condition instanceof Condition.Comparison comparison) {
            values.add(comparison.value());
        } else if (condition instanceof Condition.In in) {
            values.add(in.values());
        } else if (condition instanceof Condition.And and) {
            and.conditions().forEach(child -> collect(child, values));
        } else if (condition instanceof Condition.Or or) {
            or.conditions().forEach(child -> collect(child, values));
        } else if (condition instanceof Condition.Not not) {
            collect(not.condition(), values);
        }
    }

    /**
     * A condition with its values left out, In lists emptied: what decides the SQL text, so two
     * conditions with equal keys render the same text whatever their values and list lengths.
     */
    static Condition shapeKey(Condition condition) {
        if (condition instanceof Condition.Comparison comparison) {
            return new Condition.Comparison(comparison.path(), comparison.operator(), Boolean.TRUE);
        }
        if (condition instanceof Condition.In in) {
            return new Condition.In(in.path(), List.of());
        }
        if (condition instanceof Condition.And and) {
            return new Condition.And(and.conditions().stream().map(QueryValues::shapeKey).toList());
        }
        if (condition instanceof Condition.Or or) {
            return new Condition.Or(or.conditions().stream().map(QueryValues::shapeKey).toList());
        }
        if (condition instanceof Condition.Not not) {
            return new Condition.Not(shapeKey(not.condition()));
        }
        return condition;
    }
}
