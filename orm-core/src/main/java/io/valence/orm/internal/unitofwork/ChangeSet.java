package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.state.EntityState;
import java.util.List;

/**
 * What one flush must send: objects to insert (in add order), to update (with their changed
 * columns) and to delete.
 *
 * @param inserts pending objects, in the order they were added
 * @param updates persistent objects with changed columns
 * @param deletes objects marked for deletion
 */
public record ChangeSet(List<EntityState> inserts, List<RowUpdate> updates, List<EntityState> deletes) {

    /**
     * One persistent object and the columns that changed.
     *
     * @param state the object's state
     * @param columns the changed columns, in column order
     */
    public record RowUpdate(EntityState state, List<ColumnMapping> columns) {}

    /** @return whether the flush has nothing to send */
    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }
}
