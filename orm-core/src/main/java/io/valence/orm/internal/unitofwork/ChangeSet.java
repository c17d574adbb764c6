package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import java.util.List;

/**
 * What one flush must send: objects to insert (in add order), to update (with their changed
 * columns) and to delete, and the link rows of many-to-many relationships.
 *
 * @param inserts pending objects, in the order they were added
 * @param updates persistent objects with changed columns
 * @param deletes objects marked for deletion
 * @param links per link table with changes, its rows to insert and delete
 */
public record ChangeSet(List<EntityState> inserts, List<RowUpdate> updates, List<EntityState> deletes, List<LinkChange> links) {

    /**
     * A change set without link rows.
     *
     * @param inserts pending objects, in the order they were added
     * @param updates persistent objects with changed columns
     * @param deletes objects marked for deletion
     */
    public ChangeSet(List<EntityState> inserts, List<RowUpdate> updates, List<EntityState> deletes) {
        this(inserts, updates, deletes, List.of());
    }

    /**
     * One persistent object and the columns that changed.
     *
     * @param state the object's state
     * @param columns the changed columns, in column order
     * @param cleared columns its row held for another class of its {@code SINGLE_TABLE} hierarchy
     *     before a row switch, which the UPDATE sets to NULL; usually none
     */
    public record RowUpdate(EntityState state, List<ColumnMapping> columns, List<ColumnMapping> cleared) {}

    /**
     * The link rows of one many-to-many link table that a flush writes, as its owning side sees
     * them: pairs of objects whose ids are read when the statement is bound, after the inserts of
     * the same flush assigned them.
     *
     * @param owning the owning relationship (its {@link RelationshipMapping#link()} names the table)
     * @param owner the owning side's entity
     * @param target the other side's entity
     * @param linked pairs {@code {owner, target}} to insert
     * @param unlinked pairs {@code {owner, target}} to delete
     * @param deletedOwners deleted owning-side objects: every link row of theirs goes
     * @param deletedTargets deleted other-side objects: every link row of theirs goes
     */
    public record LinkChange(
            RelationshipMapping owning,
            EntityMapping owner,
            EntityMapping target,
            List<Object[]> linked,
            List<Object[]> unlinked,
            List<Object> deletedOwners,
            List<Object> deletedTargets) {
        /** @return whether any link row is deleted */
        public boolean deletes() {
            return !unlinked.isEmpty() || !deletedOwners.isEmpty() || !deletedTargets.isEmpty();
        }
    }

    /** @return whether the flush has nothing to send */
    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty() && links.isEmpty();
    }
}
