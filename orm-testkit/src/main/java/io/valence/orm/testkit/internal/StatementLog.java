package io.valence.orm.testkit.internal;

import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.RecordedStatement.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The recorder's thread-safe list of executions. An entry is added when an execution starts
 * (so cancelled or unconsumed executions are seen too) and completed when it ends.
 */
public final class StatementLog {

    private final List<Entry> entries = new ArrayList<>();

    /** Creates an empty log. */
    public StatementLog() {}

    /** Adds an execution that has started; complete it with {@link Entry#finish}. */
    synchronized Entry start(String sql, int bindings, boolean batch, String connectionId) {
        Entry entry = new Entry(entries.size() + 1, sql, bindings, batch, connectionId);
        entries.add(entry);
        return entry;
    }

    /**
     * A snapshot of every execution so far, in the order they started.
     *
     * @return an immutable list
     */
    public synchronized List<RecordedStatement> snapshot() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    /** Forgets everything recorded; numbering starts again at 1. */
    public synchronized void clear() {
        entries.clear();
    }

    /** One execution; its outcome is written by whichever thread finishes it. */
    static final class Entry {
        private final int number;
        private final String sql;
        private final int bindings;
        private final boolean batch;
        private final String connectionId;
        private Outcome outcome = Outcome.UNFINISHED;
        private Duration elapsed = Duration.ZERO;
        private @Nullable String failure;

        private Entry(int number, String sql, int bindings, boolean batch, String connectionId) {
            this.number = number;
            this.sql = sql;
            this.bindings = bindings;
            this.batch = batch;
            this.connectionId = connectionId;
        }

        /**
         * Records how the execution ended. r2dbc-proxy may report an execution more than once
         * (an error while consuming a result, then the cancellation of the execute publisher
         * reported as success with the error still attached), so a failure is never overwritten.
         */
        synchronized void finish(boolean success, @Nullable Duration took, @Nullable Throwable error) {
            if (outcome == Outcome.FAILED) {
                return;
            }
            outcome = success && error == null ? Outcome.SUCCEEDED : Outcome.FAILED;
            elapsed = took == null ? Duration.ZERO : took;
            failure = error == null ? null : error.toString();
        }

        private synchronized RecordedStatement snapshot() {
            return new RecordedStatement(number, SqlInspection.kindOf(sql), sql, bindings, batch, connectionId,
                    outcome, elapsed, failure);
        }
    }
}
