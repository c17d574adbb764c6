package io.valence.orm.internal.query;

import io.valence.orm.query.Condition;
import io.valence.orm.query.Subquery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The conditions of one statement (its WHERE, its HAVING) split, in one walk, into their shapes and
 * one list of values: the only place that knows where a condition holds values. A shape is the
 * condition with each value replaced by a {@link ValueSlot} numbering it in {@link #values()}; an
 * IN's whole list is one value (bound as one array), so the shape does not depend on the list's
 * length. Two conditions differing only in values have equal shapes: shapes are the key of the SQL
 * text cache, and {@link ConditionRenderer} renders from them.
 *
 * @param shapes the conditions with value slots, in the order given; null where a condition was null
 * @param values the values, by slot index
 */
record ConditionSplit(List<Condition> shapes, List<Object> values) {

    static final ConditionSplit NONE = of((Condition) null);

    /** Splits conditions into one list of values; a null condition has a null shape. */
    static ConditionSplit of(Condition... conditions) {
        List<Object> values = new ArrayList<>();
        Splitter splitter = new Splitter(values);
        List<Condition> shapes = new ArrayList<>(conditions.length);
        for (Condition condition : conditions) {
            shapes.add(condition == null ? null : splitter.shapeOf(condition));
        }
        return new ConditionSplit(Collections.unmodifiableList(shapes), List.copyOf(values));
    }

    /** The shape of the first (usually the only) condition, or null. */
    Condition shape() {
        return shapes.get(0);
    }

    /** Stands for the value at {@code index} of a split's values. */
    record ValueSlot(int index) {}

    /** One walk, collecting values depth first. */
    private record Splitter(List<Object> values) {
        Condition shapeOf(Condition condition) {
            if (condition instanceof Condition.Comparison comparison) {
                return new Condition.Comparison(comparison.path(), comparison.operator(), slot(comparison.value()));
            }
            if (condition instanceof Condition.AggregateComparison compared) {
                return new Condition.AggregateComparison(compared.aggregate(), compared.operator(), slot(compared.value()));
            }
            if (condition instanceof Condition.Between between) {
                return new Condition.Between(between.path(), slot(between.low()), slot(between.high()));
            }
            if (condition instanceof Condition.Exists exists) {
                return new Condition.Exists(
                        exists.relationshipPath(), exists.condition() == null ? null : shapeOf(exists.condition()));
            }
            if (condition instanceof Condition.ArrayCondition array) {
                return new Condition.ArrayCondition(array.path(), array.operator(), slot(array.value()));
            }
            if (condition instanceof Condition.JsonComparison json) {
                return new Condition.JsonComparison(json.path(), json.keys(), slot(json.value()));
            }
            if (condition instanceof Condition.InSubquery in) {
                return new Condition.InSubquery(in.path(), shapeOf(in.subquery()));
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
            return condition; // IsNull, IsNotNull and PropertyComparison hold no value
        }

        private Subquery shapeOf(Subquery subquery) {
            if (subquery instanceof Subquery.Correlated correlated) {
                return new Subquery.Correlated(correlated.relationshipPath(), correlated.selected(),
                        correlated.condition() == null ? null : shapeOf(correlated.condition()));
            }
            Subquery.Uncorrelated uncorrelated = (Subquery.Uncorrelated) subquery;
            return new Subquery.Uncorrelated(uncorrelated.entityType(), uncorrelated.joins(),
                    uncorrelated.where() == null ? null : shapeOf(uncorrelated.where()), uncorrelated.selected());
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
