package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.mapping.LifecycleCallbacks;
import io.valence.orm.internal.mapping.RelationshipMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.UnitOfWork.Unloaded;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Marks an object deleted and follows its {@code cascade = REMOVE} relationships. A pending object
 * is simply forgotten. A relationship that is not loaded cannot be followed without I/O, so it is
 * reported for the session to load before the flush.
 */
final class DeleteCascade {
    private final UnitOfWork unitOfWork;
    private final List<Unloaded> unloaded = new ArrayList<>();

    DeleteCascade(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    List<Unloaded> delete(EntityState state) {
        markDeleted(state);
        return unloaded;
    }

    List<Unloaded> along(Unloaded loadedSince) {
        cascadeAlong(loadedSince.state(), loadedSince.relationship());
        return unloaded;
    }

    private void markDeleted(EntityState state) {
        if (state.status() == Status.PENDING) {
            unitOfWork.forget(state);
            return;
        }
        if (state.status() == Status.DELETED) {
            return;
        }
        state.status(Status.DELETED);
        unitOfWork.events().fire(LifecycleCallbacks.Event.PRE_REMOVE, state);
        for (RelationshipMapping relationship : state.mapping().relationships()) {
            if (relationship.cascadeRemove()) {
                cascadeAlong(state, relationship);
            }
        }
    }

    private void cascadeAlong(EntityState state, RelationshipMapping relationship) {
        Object value = relationship.accessor().get(state.entity());
        if (!state.isLoaded(relationship)) {
            unloaded.add(new Unloaded(state, relationship));
            return;
        }
        if (value == null) {
            return;
        }
        Collection<?> targets = relationship.isCollection() ? List.copyOf((Collection<?>) value) : List.of(value);
        for (Object target : targets) {
            EntityState targetState = unitOfWork.state(target);
            if (targetState != null) {
                markDeleted(targetState);
            }
        }
    }
}
