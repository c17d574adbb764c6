package io.valence.orm.internal.query;

import io.valence.orm.query.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition split, in one walk, into its shape and its values: the only place that knows where a
 * condition holds values. The shape is the condition with each value replaced by a {@link ValueSlot}
 * numbering it in {@link #values()}; an IN's whole list is one value (bound as one array), so the
 * shape does not depend on the list's length. Two conditions differing only in values have equal
 * shapes: the shape is the key of the SQL text cache, and {@link ConditionRenderer} renders from it.
 *
 * @param shape the condition with value slots, or null for no condition
 * @param values the values, by slot index
 */
record ConditionSplit(Condition shape, List<Object> values) {

    static final ConditionSplit NONE = new ConditionSplit(null, List.of());

    /** Splits a condition; null gives {@link #NONE}. */
    static ConditionSplit of(Condition condition) {
        if (condition == null) {
            return NONE;
        }
        List<Object> values = new ArrayList<>();
        Condition shape = new Splitter(values).shapeOf(condition);
        return new ConditionSplit(shape, values);
    }

    /** Stands for the value at {@code index} of a split's values. */
    record ValueSlot(int index) {}

    /** One walk, collecting values depth first. */
    private record Splitter(List<Object> values) {
        Condition shapeOf(Condition condition) {
            if (condition instanceof Condition.Comparison comparison) {
                return new Condition.Comparison(comparison.path(), comparison.operator(), slot(comparison.value()));
            }
            if (condition instanceof Condition.In in) {
                return new Condition.In(in.path(), List.of(slot(in.values())));
            }
            if (condition instanceof Condition.And and) {
                return new Condition.And(shapesOf(and.conditions()));
            }
            if (condition instanceof Condition.Or or) {
                return new Condition.Or(shapesOf(or.conditions()));
            }
            if (condition instanceof Condition.Not not) {
                return new Condition.Not(shapeOf(not.condition()));
            }
            return condition; // IsNull and IsNotNull hold no value
        }

        private List<Condition> shapesOf(List<Condition> conditions) {
            return conditions.stream().map(this::shapeOf).toList();
        }

        private ValueSlot slot(Object value) {
            values.add(value);
            return new ValueSlot(values.size() - 1);
        }
    }

    /** The slot a shape holds where its condition held a value. */
    static int slotOf(Object shapeValue) {
        return ((ValueSlot) shapeValue).index();
    }
}
