package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.List;

/** What the flushes of the current transaction inserted and deleted, so a rollback can undo it in memory. */
public final class TransactionJournal {
    private final List<EntityState> inserted = new ArrayList<>();
    private final List<EntityState> deleted = new ArrayList<>();

    void inserted(EntityState state) {
        inserted.add(state);
    }

    void deleted(EntityState state) {
        deleted.add(state);
    }

    List<EntityState> insertedStates() {
        return inserted;
    }

    List<EntityState> deletedStates() {
        return deleted;
    }

    void clear() {
        inserted.clear();
        deleted.clear();
    }
}
