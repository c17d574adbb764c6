package io.valence.orm.internal.unitofwork;

import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.state.UnloadedCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The many-to-many part of a flush. Each loaded many-to-many collection, on either side, is
 * compared with its members as last loaded or flushed: a member added is a link row to insert, a
 * member removed one to delete, each pair once however many sides show it. The other side's loaded
 * collection is brought in step (the pair added or removed there too), so both sides agree after
 * the flush. A deleted object loses every link row of its own, whatever was loaded.
 */
final class LinkChanges {
    private final UnitOfWork unitOfWork;
    private final Metamodel metamodel;
    /** By owning relationship, in the order first met. */
    private final Map<RelationshipMapping, Table> tables = new LinkedHashMap<>();

    /** The changes of one link table. */
    private static final class Table {
        final EntityMapping owner;
        final Map<Pair, Pair> linked = new LinkedHashMap<>();
        final Map<Pair, Pair> unlinked = new LinkedHashMap<>();
        final List<Object> deletedOwners = new ArrayList<>();
        final List<Object> deletedTargets = new ArrayList<>();

        Table(EntityMapping owner) {
            this.owner = owner;
        }
    }

    /** An owner and a target object, equal by identity: entities need not define {@code equals}. */
    private record Pair(Object owner, Object target) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Pair that && that.owner == owner && that.target == target;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(owner) + System.identityHashCode(target);
        }
    }

    LinkChanges(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.metamodel = unitOfWork.metamodel();
    }

    /**
     * Lists the link rows to write and brings both sides in step.
     *
     * @param tracked the tracked states
     * @return one change per link table with changes
     */
    List<ChangeSet.LinkChange> collect(EntityState[] tracked) {
        if (!hasLinks()) {
            return List.of(); // most models: no pass over the tracked objects
        }
        for (EntityState state : tracked) {
            if (!unitOfWork.isTracked(state) && state.status() != Status.DELETED) {
                continue; // a deleted state no longer tracked gave its row to a new object (the row switch):
                // its link rows go all the same, and the new object's members are linked afresh
            }
            for (RelationshipMapping relationship : state.mapping().relationships()) {
                if (!relationship.isLinked()) {
                    continue;
                }
                if (state.status() == Status.DELETED) {
                    Table table = table(state.mapping(), relationship);
                    (relationship.link().owning() ? table.deletedOwners : table.deletedTargets).add(state.entity());
                } else if (state.isLoaded(relationship)) {
                    compare(state, relationship);
                } else if (!(relationship.accessor().get(state.entity()) instanceof UnloadedCollection)) {
                    throw assignedUnloaded(state, relationship);
                }
            }
        }
        List<ChangeSet.LinkChange> changes = new ArrayList<>();
        tables.forEach((owning, table) -> {
            keepInStep(owning, table);
            if (!table.linked.isEmpty() || !table.unlinked.isEmpty() || !table.deletedOwners.isEmpty()
                    || !table.deletedTargets.isEmpty()) {
                changes.add(new ChangeSet.LinkChange(owning, table.owner, metamodel.entity(owning.target()),
                        pairs(table.linked), pairs(table.unlinked), table.deletedOwners, table.deletedTargets));
            }
        });
        return changes;
    }

    /** A collection assigned over one never loaded: which link rows exist is unknown, so none can be written safely. */
    private static OrmException assignedUnloaded(EntityState state, RelationshipMapping relationship) {
        return new OrmException(state.describe() + "." + relationship.name() + " was assigned a collection but was"
                + " never loaded, so the flush cannot tell which of its links to add or remove; load it first"
                + " (Load.selectIn(\"" + relationship.name() + "\") or session.fetch(entity, \"" + relationship.name()
                + "\")), then change its members");
    }

    private boolean hasLinks() {
        for (EntityMapping mapping : metamodel.entities()) {
            for (RelationshipMapping relationship : mapping.relationships()) {
                if (relationship.isLinked()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void compare(EntityState state, RelationshipMapping relationship) {
        Object value = relationship.accessor().get(state.entity());
        if (value instanceof UnloadedCollection) {
            return;
        }
        Collection<?> members = value == null ? List.of() : (Collection<?>) value;
        List<Object> before = state.collectionSnapshot(relationship);
        if (before != null && ChangeCollector.sameMembers(before, members)) {
            return; // the common case: unchanged, no copy
        }
        List<Object> earlier = before == null ? List.of() : before;
        Table table = table(state.mapping(), relationship);
        boolean owns = relationship.link().owning();
        for (Object member : members) {
            if (member != null && !holds(earlier, member) && !isDeleted(member)) {
                Pair pair = owns ? new Pair(state.entity(), member) : new Pair(member, state.entity());
                table.linked.put(pair, pair);
            }
        }
        for (Object member : earlier) {
            if (!holds(members, member) && !isDeleted(member)) {
                if (relationship.orphanRemoval() && unitOfWork.state(member) != null) {
                    unitOfWork.delete(member); // its row goes, and with it the link
                    continue;
                }
                Pair pair = owns ? new Pair(state.entity(), member) : new Pair(member, state.entity());
                table.unlinked.put(pair, pair);
            }
        }
        state.collectionSnapshot(relationship, new ArrayList<>(members));
    }

    /** Adds or removes each pair on the loaded collections of both sides and in their snapshots. */
    private void keepInStep(RelationshipMapping owning, Table table) {
        RelationshipMapping inverse = inverseOf(owning);
        for (Pair pair : table.linked.keySet()) {
            follow(pair.owner(), owning, pair.target(), true);
            if (inverse != null) {
                follow(pair.target(), inverse, pair.owner(), true);
            }
        }
        for (Pair pair : table.unlinked.keySet()) {
            follow(pair.owner(), owning, pair.target(), false);
            if (inverse != null) {
                follow(pair.target(), inverse, pair.owner(), false);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void follow(Object entity, RelationshipMapping relationship, Object member, boolean add) {
        EntityState state = unitOfWork.state(entity);
        if (state == null || !state.isLoaded(relationship)
                || !(relationship.accessor().get(entity) instanceof Collection<?> collection)
                || collection instanceof UnloadedCollection) {
            return;
        }
        Collection<Object> members = (Collection<Object>) collection;
        if (add && !holds(members, member)) {
            members.add(member);
        } else if (!add) {
            members.removeIf(held -> held == member);
        }
        state.collectionSnapshot(relationship, new ArrayList<>(members));
    }

    /** The inverse (mappedBy) side of an owning many-to-many, if the target declares one. */
    private RelationshipMapping inverseOf(RelationshipMapping owning) {
        for (RelationshipMapping candidate : metamodel.entity(owning.target()).relationships()) {
            if (candidate.isLinked() && owning.name().equals(candidate.mappedBy())
                    && candidate.link().table().equals(owning.link().table())) {
                return candidate;
            }
        }
        return null;
    }

    /** The changes of the link table of a relationship of {@code mapping}, keyed by its owning side. */
    private Table table(EntityMapping mapping, RelationshipMapping relationship) {
        if (relationship.link().owning()) {
            return tables.computeIfAbsent(relationship, k -> new Table(mapping));
        }
        EntityMapping owner = metamodel.entity(relationship.target());
        return tables.computeIfAbsent(owner.relationship(relationship.mappedBy()), k -> new Table(owner));
    }

    private boolean isDeleted(Object entity) {
        EntityState state = unitOfWork.state(entity);
        return state != null && state.status() == Status.DELETED;
    }

    private static List<Object[]> pairs(Map<Pair, Pair> pairs) {
        List<Object[]> list = new ArrayList<>(pairs.size());
        pairs.keySet().forEach(pair -> list.add(new Object[] {pair.owner(), pair.target()}));
        return list;
    }

    /** Whether a collection holds this very object; entities need not define {@code equals}. */
    private static boolean holds(Collection<?> members, Object member) {
        for (Object held : members) {
            if (held == member) {
                return true;
            }
        }
        return false;
    }
}
