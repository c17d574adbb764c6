package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.state.UnloadedCollection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;

/**
 * The save-update cascade (SQLAlchemy's): adding an object, or flushing, also adds every new object
 * that tracked objects' relationships refer to. A detached object is not cascaded to: it only lends
 * its id to the foreign key, as its row exists.
 */
final class SaveCascade {
    private final UnitOfWork unitOfWork;

    SaveCascade(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** Tracks an object and what it reaches; see {@link UnitOfWork#add}. */
    void add(Object entity) {
        if (!unitOfWork.contains(entity) && isDetached(entity)) {
            EntityMapping mapping = unitOfWork.metamodel().entity(entity.getClass());
            String name = mapping.name() + "#" + mapping.idOf(entity);
            throw new IllegalArgumentException(name + " is detached: it holds an id the database generated but is not in"
                    + " this session, so add() would insert its row a second time. Use session.merge(…) to copy its"
                    + " state onto this session's object for that row (merge returns that object), or load it with"
                    + " session.get(" + mapping.name() + ".class, " + mapping.idOf(entity) + ")");
        }
        // first in, first out: objects reached by cascade are tracked (and get their client-side ids
        // and sequence numbers) in the order of their collections, as JPA providers persist them
        Queue<Object> work = new ArrayDeque<>();
        work.add(entity);
        while (!work.isEmpty()) {
            Object next = work.remove();
            EntityState state = unitOfWork.state(next);
            if (state == null) {
                state = unitOfWork.track(next);
            } else if (state.status() == Status.DELETED) {
                unitOfWork.rowSwitch().reclaimSlot(state);
                state.status(Status.PERSISTENT);
            } else if (next != entity) {
                continue; // already tracked and reached through a cascade: its own cascade ran when it was added
            }
            collectRelated(state, work);
        }
    }

    /** See {@link UnitOfWork#cascadeFrom}. */
    void from(EntityState[] tracked) {
        List<Object> reached = new ArrayList<>();
        for (EntityState state : tracked) {
            if (state.status() != Status.DELETED) {
                collectRelated(state, reached);
            }
        }
        for (Object entity : reached) {
            if (!unitOfWork.contains(entity)) {
                add(entity);
            }
        }
    }

    /** Adds to {@code work} every untracked object the state's relationships refer to, detached ones aside. */
    private void collectRelated(EntityState state, Collection<Object> work) {
        for (RelationshipMapping relationship : state.mapping().relationships()) {
            Object value = relationship.accessor().get(state.entity());
            if (value == null || value instanceof UnloadedCollection) {
                continue;
            }
            if (relationship.isCollection()) {
                for (Object member : (Collection<?>) value) {
                    if (member != null && !unitOfWork.contains(member) && !isDetached(member)) {
                        work.add(member);
                    }
                }
            } else if (!unitOfWork.contains(value) && !isDetached(value)) {
                work.add(value);
            }
        }
    }

    /**
     * Whether an untracked object stands for a row that already exists: its id is one the database
     * generates, yet it has one. Such an object came from another session (or was expunged).
     */
    private boolean isDetached(Object entity) {
        EntityMapping mapping = unitOfWork.metamodel().entity(entity.getClass());
        return mapping.idGeneration().isAutomatic() && mapping.idOf(entity) != null;
    }
}
