package io.valence.orm.internal.load;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;

/**
 * Merge's copy of a detached object's state: onto the session's object for the same row, or onto a
 * new object added in its place when the session has none and the row is gone. Column values are
 * copied as they are; a to-one reference is swapped for the session's own object for that row, so
 * that the session never holds two objects for one row.
 */
public final class MergeCopy {
    private MergeCopy() {}

    /**
     * Adds a copy as a new object. A generated id is not copied: the row it named is gone, and the
     * INSERT draws a new one; an assigned id is kept, so the row comes back under it.
     *
     * @param unitOfWork the session's objects
     * @param mapping the object's mapping
     * @param detached the object to copy, which the session does not track
     * @return the new, pending copy
     */
    public static Object copyAsNew(UnitOfWork unitOfWork, EntityMapping mapping, Object detached) {
        Object copy = mapping.instantiate();
        if (!mapping.idGeneration().isAutomatic()) {
            for (ColumnMapping part : mapping.key().parts()) {
                part.accessor().set(copy, part.accessor().get(detached));
            }
        }
        copyState(unitOfWork, mapping, detached, copy);
        unitOfWork.add(copy);
        return copy;
    }

    /**
     * Copies column values and to-one references (to the session's objects for the same rows); the
     * id stays. On a tracked object the copied to-one relationships count as loaded.
     *
     * @param unitOfWork the session's objects
     * @param mapping the objects' mapping
     * @param from the object copied from
     * @param to the object copied onto
     */
    public static void copyState(UnitOfWork unitOfWork, EntityMapping mapping, Object from, Object to) {
        for (ColumnMapping column : mapping.columns()) {
            if (column.role() == ColumnMapping.Role.ID) {
                continue;
            }
            Object value = column.accessor().get(from);
            if (column.isForeignKey() && value != null) {
                EntityMapping target = unitOfWork.metamodel().entity(value.getClass());
                Object inSession = unitOfWork.find(target, target.idOf(value));
                value = inSession != null ? inSession : value;
            }
            column.accessor().set(to, value);
            EntityState state = column.isForeignKey() ? unitOfWork.state(to) : null;
            if (state != null) {
                state.loaded(mapping.relationshipOf(column), true);
            }
        }
    }
}
