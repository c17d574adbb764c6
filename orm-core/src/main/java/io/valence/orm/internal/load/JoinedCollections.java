package io.valence.orm.internal.load;

import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The collections a joined load is filling: on an owner's first row its collection is set to a
 * fresh one (unless already loaded, which is not replaced, as in SQLAlchemy), further rows add their
 * member once, and the end of the result snapshots it. Rows of one owner need not be adjacent, so
 * what is being filled is remembered until the end.
 */
final class JoinedCollections {
    /** By owner, the relationships being filled; created on the first joined collection, as most sessions never load one. */
    private Map<Object, Set<RelationshipMapping>> filling;

    /**
     * Adds a joined row's member to its owner's collection.
     *
     * @param owner the owner's state
     * @param via the collection relationship
     * @param member the member, or {@code null} when the outer join found no row
     */
    void add(EntityState owner, RelationshipMapping via, Object member) {
        Collection<Object> members = beingFilled(owner, via);
        if (members != null && member != null && !containsIdentical(members, member)) {
            members.add(member);
        }
    }

    /**
     * Ends one owner's collection: an owner whose join found no row gets an empty one, the members
     * are snapshotted as loaded, and the owner is no longer remembered.
     *
     * @param owner the owner's state
     * @param via the collection relationship
     */
    void finish(EntityState owner, RelationshipMapping via) {
        Object entity = owner.entity();
        beingFilled(owner, via);
        if (via.accessor().get(entity) instanceof Collection<?> members) {
            owner.collectionSnapshot(via, members);
        }
        Set<RelationshipMapping> relationships = filling.get(entity);
        relationships.remove(via);
        if (relationships.isEmpty()) {
            filling.remove(entity); // the session would otherwise keep every owner a joined load met
        }
    }

    /** @return whether some collection is being filled */
    boolean isFilling() {
        return filling != null && !filling.isEmpty();
    }

    /** The collection being filled, set fresh on first sight; {@code null} for one loaded before the query. */
    private Collection<Object> beingFilled(EntityState owner, RelationshipMapping via) {
        if (filling == null) {
            filling = new IdentityHashMap<>(4);
        }
        Object entity = owner.entity();
        Set<RelationshipMapping> relationships = filling.computeIfAbsent(entity, k -> new HashSet<>());
        if (relationships.contains(via)) {
            @SuppressWarnings("unchecked")
            Collection<Object> current = (Collection<Object>) via.accessor().get(entity);
            return current;
        }
        if (owner.isLoaded(via)) {
            return null; // an already loaded collection is not replaced, as in SQLAlchemy
        }
        Collection<Object> fresh = newCollection(via);
        via.accessor().set(entity, fresh);
        owner.loaded(via, true);
        relationships.add(via);
        return fresh;
    }

    /**
     * The collection a loaded relationship field gets.
     *
     * @param relationship a collection relationship
     * @return an insertion-ordered set for a {@code Set} field, else a list
     */
    static Collection<Object> newCollection(RelationshipMapping relationship) {
        return relationship.accessor().type() == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
    }

    /**
     * Whether a collection holds this very object; entities need not define {@code equals}.
     *
     * @param members the collection
     * @param member the object
     * @return {@code true} when held
     */
    static boolean containsIdentical(Collection<?> members, Object member) {
        for (Object held : members) {
            if (held == member) {
                return true;
            }
        }
        return false;
    }
}
