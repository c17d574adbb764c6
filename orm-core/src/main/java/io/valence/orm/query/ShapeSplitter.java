package io.valence.orm.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition tree into its shape (values replaced by numbered {@link Condition.Parameter}s)
 * and its values, depth first. One instance serves one split.
 */
final class ShapeSplitter {

    private final List<Object> values = new ArrayList<>();

    /** Returns the shape of {@code condition}, collecting its values on the way. */
    Condition shapeOf(Condition condition) {
        if (condition instanceof Condition.Comparison comparison) {
            return new Condition.Comparison(comparison.path(), comparison.operator(), parameterFor(comparison.value()));
        }
        if (condition instanceof Condition.In in) {
            List<Object> parameters = new ArrayList<>(in.values().size());
            for (Object value : in.values()) {
                parameters.add(parameterFor(value));
            }
            return new Condition.In(in.path(), parameters);
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
        return condition; // IsNull and IsNotNull carry no value
    }

    /** The values collected so far, in parameter order. */
    List<Object> values() {
        return List.copyOf(values);
    }

    private List<Condition> shapesOf(List<Condition> conditions) {
        List<Condition> shapes = new ArrayList<>(conditions.size());
        for (Condition condition : conditions) {
            shapes.add(shapeOf(condition));
        }
        return shapes;
    }

    private Condition.Parameter parameterFor(Object value) {
        values.add(value);
        return new Condition.Parameter(values.size() - 1);
    }
}
