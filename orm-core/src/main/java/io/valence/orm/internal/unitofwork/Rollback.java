package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.identity.IdentityMap;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.state.StateTable;
import io.valence.orm.internal.state.Status;
import java.util.List;

/**
 * Undoes in memory what a rolled-back transaction, or its part after a savepoint, did to the
 * session's objects, from what the {@link TransactionJournal} recorded and the add sequence. The
 * journal only records; this class decides what a rollback means for the tracked objects.
 */
final class Rollback {
    private final UnitOfWork unitOfWork;
    private final StateTable states;
    private final IdentityMap identityMap;

    Rollback(UnitOfWork unitOfWork, StateTable states, IdentityMap identityMap) {
        this.unitOfWork = unitOfWork;
        this.states = states;
        this.identityMap = identityMap;
    }

    /** Undoes in memory what the journal holds from a position on, and what was added from a sequence number on. */
    void undoSince(long position, long sequence) {
        for (TransactionJournal.Entry entry : unitOfWork.journal().takeSince(position)) {
            EntityState state = entry.state();
            switch (entry.kind()) {
                case DELETED -> {
                    states.put(state.entity(), state);
                    identityMap.put(state.mapping().type(), state.id(), state.entity());
                }
                case INSERTED -> {
                    unitOfWork.forget(state);
                    unitOfWork.clearGeneratedId(state);
                }
                case ENTERED -> unitOfWork.forget(state);
            }
        }
        for (EntityState state : List.copyOf(states.values())) {
            if (state.status() == Status.PENDING) {
                if (state.order() >= sequence) {
                    unitOfWork.forget(state);
                }
            } else {
                state.status(Status.PERSISTENT);
                state.expire(unitOfWork.values().snapshot(state));
            }
        }
    }
}
