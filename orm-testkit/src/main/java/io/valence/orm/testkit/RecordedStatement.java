package io.valence.orm.testkit;

import io.valence.orm.internal.sql.BindText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One execution seen by a {@link StatementRecorder}: a {@code Statement.execute()} with all its
 * bindings (one round trip however many {@code add()} calls it had), a {@code Batch.execute()},
 * or a transaction-control call on a {@code Connection}.
 *
 * @param number position in the recording, from 1, in the order executions started
 * @param kind what the statement does
 * @param sql the SQL text; for a batch, its statements joined by {@code ";\n"}; for a
 *     {@code Connection} call, e.g. {@code COMMIT (Connection.commitTransaction)}
 * @param bindings how many sets of bind values were executed ({@code add()}ed bindings), 0 for none
 * @param batch whether this was a {@code Batch}
 * @param connectionId r2dbc-proxy's id of the connection it ran on
 * @param pipelined whether it started while transaction control on the same connection was still
 *     in flight (and nothing else was), so that r2dbc-postgresql wrote it without waiting for that
 *     answer and it adds no round trip: a session's first statement behind its BEGIN. In flight
 *     means from the subscription of the execute publisher, or of the transaction-control call's
 *     publisher, until its results were consumed, or the call completed, failed or was cancelled
 *     (r2dbc-proxy's before and after callbacks). Behind a statement nothing is pipelined: a
 *     statement with bind parameters holds back what follows it until its response ended
 * @param outcome whether it succeeded, failed or is not finished (results not consumed yet, or cancelled)
 * @param elapsed from subscription to the end of its results; zero while unfinished
 * @param failure the error's {@code toString()} when it failed, else null
 * @param boundValues the values of each binding, in parameter order ({@code null} for a NULL); empty
 *     without bindings
 */
public record RecordedStatement(
        int number,
        StatementKind kind,
        String sql,
        int bindings,
        boolean batch,
        String connectionId,
        boolean pipelined,
        Outcome outcome,
        Duration elapsed,
        @Nullable String failure,
        List<List<@Nullable Object>> boundValues) {

    /**
     * Creates a recorded statement; all components but {@code failure} are required.
     *
     * @param number position in the recording, from 1
     * @param kind what the statement does
     * @param sql the SQL text
     * @param bindings sets of bind values executed
     * @param batch whether this was a batch
     * @param connectionId the connection it ran on
     * @param pipelined whether it started while only transaction control was in flight on its connection
     * @param outcome how it ended
     * @param elapsed how long it took
     * @param failure the error, or null
     * @param boundValues the values of each binding
     */
    public RecordedStatement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        boundValues = boundValues.stream().map(values -> Collections.unmodifiableList(new ArrayList<>(values))).toList();
    }

    /**
     * The bound values as a log line shows them: arrays as lists, long text and long arrays elided.
     *
     * @return {@code $1=[1, 2], $2='text'} for one binding; one such group per binding, each in
     *     parentheses, for several; empty without bindings
     */
    public String boundValuesText() {
        if (boundValues.size() == 1) {
            return BindText.ofValues(boundValues.get(0));
        }
        return boundValues.stream().map(values -> "(" + BindText.ofValues(values) + ")").collect(Collectors.joining(" "));
    }

    /** How an execution ended. */
    public enum Outcome {
        /** Its results were consumed without error. */
        SUCCEEDED,
        /** The driver or the server reported an error. */
        FAILED,
        /** Started, but its results were not (yet) fully consumed, or it was cancelled. */
        UNFINISHED
    }
}
