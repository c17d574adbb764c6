package io.valence.orm.internal.unitofwork;

import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.LifecycleCallbacks;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.state.UnloadedCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out what a flush must send. First it brings the object graph into one consistent picture:
 * new objects reachable from tracked ones are added (save-update cascade), the owning side of each
 * bidirectional relationship is set from the inverse side, objects removed from a loaded
 * collection are deleted ({@code orphanRemoval}) or detached from it, and a deleted object whose key
 * a new object took over hands its row to it (the row switch, one UPDATE); then it lists inserts,
 * changed columns and deletes, and the link rows of many-to-many collections ({@link LinkChanges}).
 */
public final class ChangeCollector {
    private static final Comparator<EntityState> BY_KEY = ChangeCollector::tableAndKeyOrder;

    private final UnitOfWork unitOfWork;

    /**
     * Creates a collector over one unit of work.
     *
     * @param unitOfWork the tracked objects
     */
    public ChangeCollector(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /**
     * Reconciles the object graph and lists the changes.
     *
     * @return the changes; empty when nothing changed
     * @throws OrmException when the two sides of a relationship contradict each other, or a deleted
     *     object is still referred to by a loaded object that is not deleted
     */
    public ChangeSet collect() {
        int before = unitOfWork.size();
        EntityState[] tracked = unitOfWork.states().toArray(EntityState[]::new);
        unitOfWork.cascadeFrom(tracked);
        if (unitOfWork.size() != before) {
            tracked = unitOfWork.states().toArray(EntityState[]::new);
        }
        Map<EntityState, List<ColumnMapping>> cleared = unitOfWork.rowSwitch().switchRows(tracked);
        for (EntityState state : tracked) {
            if (state.status() != Status.DELETED && unitOfWork.isTracked(state)) {
                reconcileInverseSides(state);
            }
        }
        List<ChangeSet.LinkChange> links = new LinkChanges(unitOfWork).collect(tracked);
        List<EntityState> inserts = new ArrayList<>();
        List<ChangeSet.RowUpdate> updates = new ArrayList<>();
        List<EntityState> deletes = new ArrayList<>();
        for (EntityState state : unitOfWork.states()) {
            switch (state.status()) {
                case PENDING -> inserts.add(state);
                case DELETED -> deletes.add(state);
                case PERSISTENT -> {
                    List<ColumnMapping> changed = unitOfWork.values().changed(state);
                    if (!changed.isEmpty() && state.mapping().callbacks().has(LifecycleCallbacks.Event.PRE_UPDATE)) {
                        // what @PreUpdate sets (an updatedAt) is written by this same flush
                        unitOfWork.events().fire(LifecycleCallbacks.Event.PRE_UPDATE, state);
                        changed = unitOfWork.values().changed(state);
                    }
                    List<ColumnMapping> nulled = cleared.getOrDefault(state, List.of());
                    if (!changed.isEmpty() || !nulled.isEmpty()) {
                        updates.add(new ChangeSet.RowUpdate(state, changed, nulled));
                    }
                }
            }
        }
        inserts.sort(Comparator.comparingLong(EntityState::order));
        // The states come out of an identity map in no particular order. Updates and deletes are
        // sorted by table and key so that concurrent sessions lock the same rows in the same order
        // (fewer deadlocks, as Hibernate's order_updates) and a flush's statements are reproducible.
        updates.sort(Comparator.comparing(ChangeSet.RowUpdate::state, BY_KEY));
        deletes.sort(BY_KEY);
        checkDeletedAreNotReferenced(deletes);
        return new ChangeSet(inserts, updates, deletes, links);
    }

    /** Sets the owning side from a loaded inverse side (collection or one-to-one), and handles removals. */
    private void reconcileInverseSides(EntityState owner) {
        EntityMapping mapping = owner.mapping();
        for (RelationshipMapping inverse : mapping.relationships()) {
            if (inverse.isOwning() || inverse.isLinked() || !owner.isLoaded(inverse)) {
                continue;
            }
            Object value = inverse.accessor().get(owner.entity());
            if (value instanceof UnloadedCollection) {
                continue;
            }
            Collection<?> members = value == null ? List.of()
                    : inverse.isCollection() ? (Collection<?>) value : List.of(value);
            EntityMapping targetMapping = unitOfWork.metamodel().entity(inverse.target());
            RelationshipMapping owning = targetMapping.relationship(inverse.mappedBy());
            for (Object member : members) {
                Object pointsTo = owning.accessor().get(member);
                if (pointsTo == null) {
                    owning.accessor().set(member, owner.entity());
                    EntityState memberState = unitOfWork.state(member);
                    if (memberState != null) {
                        memberState.loaded(owning, true);
                    }
                } else if (pointsTo != owner.entity()) {
                    throw contradiction(owner, inverse, member, owning, pointsTo);
                }
            }
            List<Object> before = owner.collectionSnapshot(inverse);
            // the common case, an unchanged collection, costs one pass and no copy
            if (before == null || !sameMembers(before, members)) {
                List<Object> now = new ArrayList<>(members);
                if (before != null) {
                    handleRemovedMembers(owner, inverse, owning, before, now);
                }
                owner.collectionSnapshot(inverse, now);
            }
        }
    }

    /** Whether a collection holds the same objects, in the same order, as a snapshot of it. */
    static boolean sameMembers(List<Object> before, Collection<?> members) {
        if (before.size() != members.size()) {
            return false;
        }
        int i = 0;
        for (Object member : members) {
            if (before.get(i++) != member) {
                return false;
            }
        }
        return true;
    }

    private void handleRemovedMembers(EntityState owner, RelationshipMapping inverse, RelationshipMapping owning,
            List<Object> before, List<Object> members) {
        Set<Object> now = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        now.addAll(members);
        for (Object removed : before) {
            EntityState removedState = unitOfWork.state(removed);
            if (now.contains(removed) || removedState == null || removedState.status() == Status.DELETED) {
                continue;
            }
            if (inverse.orphanRemoval()) {
                unitOfWork.delete(removed);
            } else if (owning.accessor().get(removed) == owner.entity()) {
                // Removed from the collection but still pointing here: detach it, as SQLAlchemy does.
                owning.accessor().set(removed, null);
            }
        }
    }

    private OrmException contradiction(
            EntityState owner, RelationshipMapping inverse, Object member, RelationshipMapping owning, Object pointsTo) {
        String memberName = describe(member);
        return new OrmException(owner.describe() + "." + inverse.name() + " holds " + memberName + ", but "
                + memberName + "." + owning.name() + " refers to " + describe(pointsTo) + "; the two sides of the"
                + " relationship contradict each other. Make them agree: set " + memberName + "." + owning.name()
                + " and keep it in exactly that object's " + inverse.name());
    }

    private void checkDeletedAreNotReferenced(List<EntityState> deletes) {
        if (deletes.isEmpty()) {
            return;
        }
        Map<Object, EntityState> deleted = new IdentityHashMap<>();
        deletes.forEach(state -> deleted.put(state.entity(), state));
        for (EntityState state : unitOfWork.states()) {
            if (state.status() == Status.DELETED) {
                continue;
            }
            for (RelationshipMapping relationship : state.mapping().relationships()) {
                if (!relationship.isOwning()) {
                    continue;
                }
                Object target = relationship.accessor().get(state.entity());
                EntityState targetState = target == null ? null : deleted.get(target);
                if (targetState != null) {
                    throw new OrmException(targetState.describe() + " is marked for deletion, but " + state.describe()
                            + " still refers to it through " + state.mapping().name() + "." + relationship.name()
                            + ". Delete " + state.describe() + " too (session.delete, or cascade = CascadeType.REMOVE /"
                            + " orphanRemoval on the inverse side), or point " + relationship.name() + " elsewhere"
                            + " (null, where the column allows it)");
                }
            }
        }
    }

    /**
     * Orders by table, then by key within a table: ids are comparable values of one type (numbers,
     * strings, UUIDs), composite keys compared part by part. Rows of one entity, the common case,
     * skip comparing table names.
     */
    private static int tableAndKeyOrder(EntityState a, EntityState b) {
        if (a.mapping() != b.mapping()) {
            int byTable = a.mapping().table().compareTo(b.mapping().table());
            if (byTable != 0) {
                return byTable;
            }
        }
        return a.mapping().key().compare(a.id(), b.id());
    }

    private String describe(Object entity) {
        EntityState state = unitOfWork.state(entity);
        return state != null ? state.describe()
                : UnitOfWork.describe(unitOfWork.metamodel().entity(entity.getClass()), entity);
    }
}
