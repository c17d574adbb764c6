package io.valence.orm.internal.flush;

import java.util.List;

/**
 * The statements of one flush in the order they must run.
 *
 * @param steps the steps; empty when there is nothing to send
 */
public record FlushPlan(List<FlushStep> steps) {
    /** Copies the steps. */
    public FlushPlan {
        steps = List.copyOf(steps);
    }
}
