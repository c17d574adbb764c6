package io.valence.orm.internal.load;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import java.util.Collection;
import java.util.List;

/**
 * Keeps the loaded inverse sides of relationships ({@code Parent.children}) true after a statement
 * changed rows behind the unit of work's back: a bulk DELETE removed a child, a bulk UPDATE moved it
 * to another parent, an INSERT … RETURNING added one. Without this the next flush would see a
 * collection holding a child that points elsewhere (a contradiction), or cascade a deleted child
 * back in as new. The collections' snapshots follow too, since the database already agrees.
 */
public final class InverseSides {
    private final UnitOfWork unitOfWork;

    /**
     * @param unitOfWork the session's objects
     */
    public InverseSides(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /**
     * What an object's owning to-one relationships refer to now, to compare after its row changed.
     *
     * @param mapping the object's mapping
     * @param entity the object, or {@code null} for an object not yet in the session
     * @return the referenced objects, by relationship index
     */
    public static Object[] referencedBy(EntityMapping mapping, Object entity) {
        List<RelationshipMapping> relationships = mapping.relationships();
        Object[] targets = new Object[relationships.size()];
        for (int i = 0; entity != null && i < targets.length; i++) {
            if (relationships.get(i).isOwning()) {
                targets[i] = relationships.get(i).accessor().get(entity);
            }
        }
        return targets;
    }

    /**
     * Whether a row the session holds no object for belongs in a loaded inverse side of one of its
     * objects: then the session needs an object for it, though the statement does not return it.
     *
     * @param mapping the row's entity
     * @param row the row's values in column order
     * @return {@code true} when a loaded collection or one-to-one of the session must hold it
     */
    public boolean isHeldByLoadedSide(EntityMapping mapping, Object[] row) {
        for (RelationshipMapping owning : mapping.relationships()) {
            EntityMapping targetMapping = owning.isOwning() ? unitOfWork.metamodel().entity(owning.target()) : null;
            Object targetId = owning.isOwning() ? mapping.targetKey(owning, targetMapping, row) : null;
            Object target = targetId == null ? null : unitOfWork.find(targetMapping, targetId);
            EntityState state = target == null ? null : unitOfWork.state(target);
            RelationshipMapping inverse = state == null ? null : inverseOf(state.mapping(), mapping, owning);
            if (inverse != null && state.isLoaded(inverse)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves an object between the loaded inverse sides of what it referred to before and refers to
     * now (nothing, when its row was deleted).
     *
     * @param mapping the object's mapping
     * @param entity the object
     * @param before {@link #referencedBy} taken before its row changed
     * @param deleted whether its row was deleted
     */
    public void follow(EntityMapping mapping, Object entity, Object[] before, boolean deleted) {
        List<RelationshipMapping> relationships = mapping.relationships();
        for (int i = 0; i < relationships.size(); i++) {
            RelationshipMapping owning = relationships.get(i);
            if (!owning.isOwning()) {
                continue;
            }
            Object after = deleted ? null : owning.accessor().get(entity);
            if (before[i] != after) {
                update(before[i], mapping, owning, entity, false);
                update(after, mapping, owning, entity, true);
            }
        }
    }

    private void update(Object owner, EntityMapping memberMapping, RelationshipMapping owning, Object member, boolean add) {
        EntityState state = owner == null ? null : unitOfWork.state(owner);
        RelationshipMapping inverse = state == null ? null : inverseOf(state.mapping(), memberMapping, owning);
        if (inverse == null || !state.isLoaded(inverse)) {
            return;
        }
        if (!inverse.isCollection()) {
            if (add || inverse.accessor().get(owner) == member) {
                inverse.accessor().set(owner, add ? member : null);
            }
            return;
        }
        @SuppressWarnings("unchecked")
        Collection<Object> members = (Collection<Object>) inverse.accessor().get(owner);
        if (members == null) {
            return;
        }
        boolean present = JoinedCollections.containsIdentical(members, member);
        if (add && !present) {
            members.add(member);
        } else if (!add && present) {
            members.removeIf(held -> held == member);
        }
        state.collectionSnapshot(inverse, members);
    }

    /** The inverse side ({@code mappedBy}) of an owning relationship in the target's mapping, or {@code null}. */
    private static RelationshipMapping inverseOf(EntityMapping target, EntityMapping memberMapping, RelationshipMapping owning) {
        for (RelationshipMapping candidate : target.relationships()) {
            if (!candidate.isOwning() && !candidate.isLinked() && owning.name().equals(candidate.mappedBy())
                    && candidate.target().isAssignableFrom(memberMapping.type())) {
                return candidate;
            }
        }
        return null;
    }
}
