package io.valence.orm.testkit.internal;

import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.RecordedStatement.Outcome;
import io.valence.orm.testkit.StatementKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The recorder's thread-safe list of executions. An entry is added when an execution starts
 * (so cancelled or unconsumed executions are seen too) and completed when it ends; the entries
 * in flight in between tell whether a new execution on the same connection is pipelined.
 *
 * <p>Only transaction control is something to pipeline behind: r2dbc-postgresql sends it as a
 * simple query, whose request is complete once written, so the next request on the connection
 * goes out at once. A statement with bind parameters keeps its request stream open until its
 * response ends (for a re-prepare, or the next fetch of a cursor), and everything queued behind it
 * waits for that: it costs its own round trip.
 */
public final class StatementLog {

    private final List<Entry> entries = new ArrayList<>();
    private final Set<Entry> inFlight = new HashSet<>();

    /** Creates an empty log. */
    public StatementLog() {}

    /**
     * Adds an execution that has started, pipelined when executions are in flight on its connection
     * and all of them are transaction control; complete it with {@link Entry#finish}.
     */
    synchronized Entry start(String sql, List<List<@Nullable Object>> boundValues, boolean batch, String connectionId) {
        List<Entry> ahead = inFlight.stream().filter(other -> other.connectionId.equals(connectionId)).toList();
        boolean pipelined = !ahead.isEmpty() && ahead.stream().allMatch(Entry::isTransactionControl);
        Entry entry = new Entry(this, entries.size() + 1, sql, boundValues, batch, connectionId, pipelined);
        entries.add(entry);
        inFlight.add(entry);
        return entry;
    }

    private synchronized void ended(Entry entry) {
        inFlight.remove(entry);
    }

    /**
     * A snapshot of every execution so far, in the order they started.
     *
     * @return an immutable list
     */
    public synchronized List<RecordedStatement> snapshot() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    /** Forgets everything recorded, executions still in flight included; numbering starts again at 1. */
    public synchronized void clear() {
        entries.clear();
        inFlight.clear();
    }

    /** One execution; its outcome is written by whichever thread finishes it. */
    static final class Entry {
        private final StatementLog log;
        private final int number;
        private final String sql;
        private final List<List<@Nullable Object>> boundValues;
        private final boolean batch;
        private final String connectionId;
        private final boolean pipelined;
        private Outcome outcome = Outcome.UNFINISHED;
        private Duration elapsed = Duration.ZERO;
        private @Nullable String failure;

        private Entry(StatementLog log, int number, String sql, List<List<@Nullable Object>> boundValues, boolean batch,
                String connectionId, boolean pipelined) {
            this.log = log;
            this.number = number;
            this.sql = sql;
            this.boundValues = boundValues;
            this.batch = batch;
            this.connectionId = connectionId;
            this.pipelined = pipelined;
        }

        /**
         * Records how the execution ended. r2dbc-proxy may report an execution more than once
         * (an error while consuming a result, then the cancellation of the execute publisher
         * reported as success with the error still attached), so a failure is never overwritten.
         * The first report ends the execution's time in flight.
         */
        void finish(boolean success, @Nullable Duration took, @Nullable Throwable error) {
            log.ended(this);
            record(success, took, error);
        }

        private synchronized void record(boolean success, @Nullable Duration took, @Nullable Throwable error) {
            if (outcome == Outcome.FAILED) {
                return;
            }
            outcome = success && error == null ? Outcome.SUCCEEDED : Outcome.FAILED;
            elapsed = took == null ? Duration.ZERO : took;
            failure = error == null ? null : error.toString();
        }

        private boolean isTransactionControl() {
            return SqlInspection.kindOf(sql) == StatementKind.TRANSACTION;
        }

        private synchronized RecordedStatement snapshot() {
            return new RecordedStatement(number, SqlInspection.kindOf(sql), sql, boundValues.size(), batch, connectionId,
                    pipelined, outcome, elapsed, failure, boundValues);
        }
    }
}
