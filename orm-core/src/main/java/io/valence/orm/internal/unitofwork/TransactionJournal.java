package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.List;

/**
 * What the current transaction wrote, so a rollback can undo it in memory: rows its flushes inserted
 * and deleted, and objects that statements (DML, get-or-create) brought into the session.
 */
public final class TransactionJournal {
    private final List<EntityState> inserted = new ArrayList<>();
    private final List<EntityState> deleted = new ArrayList<>();
    private final List<EntityState> entered = new ArrayList<>();

    void inserted(EntityState state) {
        inserted.add(state);
    }

    void deleted(EntityState state) {
        deleted.add(state);
    }

    void entered(EntityState state) {
        entered.add(state);
    }

    List<EntityState> enteredStates() {
        return entered;
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
        entered.clear();
    }
}
