package io.valence.orm.internal.unitofwork;

import io.valence.orm.OrmException;
import io.valence.orm.internal.identity.EntityKey;
import io.valence.orm.internal.identity.IdentityMap;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row switch (SQLAlchemy's "delete and re-add the same primary key in one flush"): decides who
 * holds a key's identity-map slot when a new object takes the key of a deleted one, and at flush
 * time hands the deleted object's row to the new one so the pair becomes one UPDATE.
 */
final class RowSwitch {
    /** A snapshot value that equals no column value: what an expired object's row holds is not known. */
    private static final Object UNKNOWN = new Object();

    private final UnitOfWork unitOfWork;
    private final IdentityMap identityMap;

    RowSwitch(UnitOfWork unitOfWork, IdentityMap identityMap) {
        this.unitOfWork = unitOfWork;
        this.identityMap = identityMap;
    }

    /**
     * A new object with an assigned key takes that key's identity-map slot: from a deleted object (the
     * row switch, which the flush completes in {@link #switchRows}), never from a live one.
     *
     * @throws OrmException when another object of the hierarchy that is not deleted holds the key
     */
    void claimSlot(EntityMapping mapping, Object id) {
        Object other = identityMap.get(mapping.type(), id); // of any class of its hierarchy: they share the row
        if (other != null) {
            EntityState holder = unitOfWork.state(other);
            if (holder.status() != Status.DELETED) {
                throw anotherInSession(holder.mapping(), id);
            }
            identityMap.remove(mapping.type(), id);
        }
    }

    /**
     * A deleted object that is added again takes its identity-map slot back, unless a new object
     * with its key took it over meanwhile (a row switch), which would leave two objects for one row.
     */
    void reclaimSlot(EntityState deleted) {
        Class<?> type = deleted.mapping().type();
        if (identityMap.get(type, deleted.id()) == deleted.entity()) {
            return;
        }
        for (EntityState other : unitOfWork.states()) {
            if (other.status() == Status.PENDING && other.mapping().identityType() == deleted.mapping().identityType()
                    && deleted.id().equals(other.mapping().idOf(other.entity()))) {
                throw anotherInSession(other.mapping(), deleted.id());
            }
        }
        identityMap.put(type, deleted.id(), deleted.entity());
    }

    private static OrmException anotherInSession(EntityMapping mapping, Object id) {
        return new OrmException("Another " + mapping.name() + "#" + id + " is already in this session; a session"
                + " holds one object per row. Change the object it holds, or use session.merge(…) to copy a"
                + " detached object's state onto it");
    }

    /**
     * The row switch (SQLAlchemy's "delete and re-add the same primary key in one flush"): each
     * deleted object whose identity-map slot a new object with the same key took over hands its row
     * to that object. The deleted object leaves the session; the new one becomes persistent with the
     * deleted one's snapshot and version, so dirty checking turns the pair into one UPDATE of the
     * columns whose values differ (none, when they are equal). Both moves are journaled, so a
     * rollback brings the deleted object back and forgets the new one. An expired deleted object's
     * snapshot is not trusted: every column of the new object is written. A switch to another class
     * of a {@code SINGLE_TABLE} hierarchy also clears the columns only the old class has.
     *
     * @param tracked the tracked states at the start of the flush
     * @return per new object whose row held another class, the old class's columns that its UPDATE
     *     sets to NULL; empty when there are none
     */
    Map<EntityState, List<ColumnMapping>> switchRows(EntityState[] tracked) {
        Map<Object, EntityState> switched = null;
        for (EntityState state : tracked) {
            if (state.status() == Status.DELETED
                    && identityMap.get(state.mapping().type(), state.id()) != state.entity()) {
                if (switched == null) {
                    switched = new HashMap<>();
                }
                switched.put(state.key(), state);
            }
        }
        if (switched == null) {
            return Map.of();
        }
        Map<EntityState, List<ColumnMapping>> cleared = new IdentityHashMap<>();
        for (EntityState state : tracked) {
            if (state.status() == Status.PENDING && unitOfWork.isTracked(state)) {
                Object id = state.mapping().idOf(state.entity());
                EntityState old = id == null ? null : switched.remove(new EntityKey(state.mapping().identityType(), id));
                if (old != null && (old.mapping() == state.mapping() || old.mapping().tables().size() == 1)) {
                    // (a JOINED row of another class is deleted and inserted: its subclass tables differ)
                    switchRow(old, state);
                    List<ColumnMapping> oldOnly = columnsOnlyIn(old.mapping(), state.mapping());
                    if (!oldOnly.isEmpty()) {
                        cleared.put(state, oldOnly);
                    }
                }
            }
        }
        return cleared;
    }

    /** The columns of one class of a hierarchy's table that another class does not map, by column name. */
    private static List<ColumnMapping> columnsOnlyIn(EntityMapping mapping, EntityMapping other) {
        if (mapping == other) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        other.columns().forEach(column -> names.add(column.column()));
        return mapping.columns().stream().filter(column -> !names.contains(column.column())).toList();
    }

    private void switchRow(EntityState old, EntityState replacement) {
        unitOfWork.deleted(old);
        EntityMapping mapping = replacement.mapping();
        Object[] snapshot = old.mapping() == mapping ? old.snapshot().clone() : carriedSnapshot(old, mapping);
        if (old.isExpired()) {
            for (int i = 0; i < snapshot.length; i++) {
                ColumnMapping.Role role = mapping.columns().get(i).role();
                if (role == ColumnMapping.Role.BASIC || role == ColumnMapping.Role.FOREIGN_KEY) {
                    snapshot[i] = UNKNOWN;
                }
            }
        }
        ColumnMapping version = mapping.version();
        if (version != null) {
            version.accessor().set(replacement.entity(), old.snapshotValue(version));
        }
        replacement.id(old.id());
        replacement.status(Status.PERSISTENT);
        replacement.snapshot(snapshot);
        identityMap.put(mapping.type(), old.id(), replacement.entity());
        unitOfWork.journal().inserted(replacement);
    }

    /**
     * The snapshot a row switch to another class of a hierarchy starts from: the old row's values of
     * the columns both classes share, every other column (the discriminator, the new class's own)
     * unknown, so that the UPDATE writes it.
     */
    private static Object[] carriedSnapshot(EntityState old, EntityMapping mapping) {
        List<ColumnMapping> oldColumns = old.mapping().columns();
        Object[] snapshot = new Object[mapping.columns().size()];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = UNKNOWN;
            for (int j = 0; j < oldColumns.size(); j++) {
                if (oldColumns.get(j) == mapping.columns().get(i)) {
                    snapshot[i] = old.snapshot()[j];
                }
            }
        }
        return snapshot;
    }
}
