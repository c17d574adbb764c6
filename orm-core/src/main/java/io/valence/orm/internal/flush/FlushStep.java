package io.valence.orm.internal.flush;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.state.EntityState;
import java.util.List;

/** One statement of a flush: rows of one table inserted, updated (the same columns) or deleted together. */
public sealed interface FlushStep {
    /** @return the table's entity */
    EntityMapping mapping();

    /** @return the rows, in the order their values are bound */
    List<EntityState> rows();

    /**
     * Pending objects inserted in one statement.
     *
     * @param mapping the entity
     * @param rows the objects, in add order
     */
    record InsertRows(EntityMapping mapping, List<EntityState> rows) implements FlushStep {}

    /**
     * Persistent objects whose same set of columns changed, updated in one statement.
     *
     * @param mapping the entity
     * @param columns the changed columns
     * @param cleared columns of another class of the hierarchy that a row switch left in the rows,
     *     set to NULL; usually none
     * @param rows the objects
     */
    record UpdateRows(EntityMapping mapping, List<ColumnMapping> columns, List<ColumnMapping> cleared,
            List<EntityState> rows) implements FlushStep {}

    /**
     * Objects deleted in one statement.
     *
     * @param mapping the entity
     * @param rows the objects
     */
    record DeleteRows(EntityMapping mapping, List<EntityState> rows) implements FlushStep {}
}
