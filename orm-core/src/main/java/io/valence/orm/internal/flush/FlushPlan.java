package io.valence.orm.internal.flush;

import io.valence.orm.internal.unitofwork.ChangeSet;
import java.util.List;

/**
 * The statements of one flush in the order they must run: the link rows a flush deletes first
 * (they refer to rows that may be deleted), then the entity steps, then the link rows it inserts
 * (they refer to rows that may just have been inserted).
 *
 * @param steps the entity steps; empty when there is nothing to send
 * @param links per link table, its link rows to delete (before the steps) and insert (after them)
 */
public record FlushPlan(List<FlushStep> steps, List<ChangeSet.LinkChange> links) {
    /** Copies the lists. */
    public FlushPlan {
        steps = List.copyOf(steps);
        links = List.copyOf(links);
    }

    /**
     * A plan without link rows.
     *
     * @param steps the entity steps
     */
    public FlushPlan(List<FlushStep> steps) {
        this(steps, List.of());
    }
}
