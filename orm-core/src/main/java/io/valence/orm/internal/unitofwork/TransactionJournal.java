package io.valence.orm.internal.unitofwork;

import io.valence.orm.internal.state.EntityState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the current transaction wrote, so a rollback can undo it in memory: rows its flushes inserted
 * and deleted, and objects that statements (DML, get-or-create) brought into the session. Entries
 * are numbered, so a savepoint is a number; an expunged object's entry is dropped at once, so the
 * journal never keeps objects the session let go of.
 */
public final class TransactionJournal {
    /** What happened to an object in this transaction. */
    enum Kind {
        INSERTED,
        DELETED,
        ENTERED
    }

    /** One journaled object, numbered in the order of the writes. */
    record Entry(EntityState state, Kind kind, long position) {}

    private final Map<EntityState, Entry> entries = new LinkedHashMap<>();
    private long position;

    void inserted(EntityState state) {
        record(state, Kind.INSERTED);
    }

    void entered(EntityState state) {
        record(state, Kind.ENTERED);
    }

    void deleted(EntityState state) {
        Entry earlier = entries.get(state);
        if (earlier != null && earlier.kind() != Kind.DELETED) {
            entries.remove(state); // written and deleted within this transaction: a rollback has nothing to restore
            return;
        }
        record(state, Kind.DELETED);
    }

    /** Drops an object the session let go of (expunge): a rollback no longer touches it. */
    void forget(EntityState state) {
        entries.remove(state);
    }

    /** @return the number the next entry gets; a savepoint remembers it */
    long position() {
        return position;
    }

    /** Removes and returns the entries written at or after a position, oldest first. */
    List<Entry> takeSince(long from) {
        List<Entry> taken = new ArrayList<>();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.position() >= from) {
                taken.add(entry);
                it.remove();
            }
        }
        return taken;
    }

    void clear() {
        entries.clear();
    }

    private void record(EntityState state, Kind kind) {
        entries.put(state, new Entry(state, kind, position++));
    }
}
