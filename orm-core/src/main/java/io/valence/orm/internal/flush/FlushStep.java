package io.valence.orm.internal.flush;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.state.EntityState;
import java.util.List;

/**
 * One statement of a flush: rows of one table inserted, updated (the same columns) or deleted
 * together. An object of a {@code JOINED} class is written by one step per table of its class, its
 * root's first ({@link EntityMapping#tables}); only the last of them {@linkplain #completes completes}
 * the rows.
 */
public sealed interface FlushStep {
    /** @return the table written, as a mapping: the rows' entity, or one table of a {@code JOINED} class */
    EntityMapping mapping();

    /** @return the rows, in the order their values are bound */
    List<EntityState> rows();

    /** @return whether the rows are written once this step ran, so the session records them as such */
    boolean completes();

    /**
     * Pending objects inserted in one statement.
     *
     * @param mapping the table's entity
     * @param rows the objects, in add order
     * @param completes whether this is the last table the objects are inserted into
     */
    record InsertRows(EntityMapping mapping, List<EntityState> rows, boolean completes) implements FlushStep {}

    /**
     * Persistent objects whose same set of columns changed, updated in one statement.
     *
     * @param mapping the table's entity
     * @param columns the changed columns
     * @param cleared columns of another class of the hierarchy that a row switch left in the rows,
     *     set to NULL; usually none
     * @param rows the objects
     * @param completes whether this is the last table of the objects that the flush updates
     */
    record UpdateRows(EntityMapping mapping, List<ColumnMapping> columns, List<ColumnMapping> cleared,
            List<EntityState> rows, boolean completes) implements FlushStep {}

    /**
     * Objects deleted in one statement.
     *
     * @param mapping the table's entity
     * @param rows the objects
     * @param completes whether this is the last table the objects are deleted from (their root's)
     */
    record DeleteRows(EntityMapping mapping, List<EntityState> rows, boolean completes) implements FlushStep {}
}
