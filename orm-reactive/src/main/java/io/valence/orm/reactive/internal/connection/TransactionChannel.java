package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.R2dbcException;
import io.valence.orm.internal.load.ResultRow;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.reactive.internal.execution.StatementRunner;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything a session (and the schema) sends to the database, and nothing else: statements,
 * savepoints, COMMIT, ROLLBACK and close, over one lazily acquired connection. It owns the lease
 * (acquired on the first statement, given back exactly once), BEGIN pipelined with the first
 * statement, and error translation (through the {@link StatementRunner}). Callers see Valence's
 * types only: SQL as {@link SqlStatement}, rows as {@link ResultRow}.
 *
 * <p>Only the operation holding the session's guard calls it; its publishers are cold.
 */
public final class TransactionChannel {
    private final SessionConnection connection;
    private final StatementRunner runner;
    /** Whether a statement failed in the open transaction, so that PostgreSQL aborted it. */
    private volatile boolean aborted;

    private TransactionChannel(SessionConnection connection, StatementRunner runner) {
        this.connection = connection;
        this.runner = runner;
    }

    /**
     * A channel that takes its connection from {@code factory} when first needed.
     *
     * @param settings where connections come from and how long to wait for one
     * @param runner runs statements and translates their errors
     * @return the channel, holding no connection yet
     */
    public static TransactionChannel open(ChannelSettings settings, StatementRunner runner) {
        return new TransactionChannel(new SessionConnection(settings), runner);
    }

    /**
     * Whether the channel works inside a transaction someone else owns (Spring's): then
     * {@link #commit()} and {@link #rollback()} end only the channel's use of the connection, and
     * the owner commits or rolls back.
     *
     * @return true for a joined transaction
     */
    public boolean isJoined() {
        return connection.joined();
    }

    /** @return whether a connection is being acquired from the pool right now, for the guard's messages */
    public boolean isProvisioning() {
        return connection.isProvisioning();
    }

    /** @return whether the channel holds a connection, which commit, rollback or close give back */
    public boolean isLeased() {
        return connection.isLeased();
    }

    /**
     * Whether PostgreSQL aborted the open transaction: a statement or savepoint call failed in it,
     * and no rollback (to a savepoint, or of the whole transaction) recovered it since. A failure
     * Valence raised before sending anything leaves the transaction as it was.
     *
     * @return true while the transaction accepts nothing but a rollback
     */
    public boolean isAborted() {
        return aborted;
    }

    /**
     * Streams a statement's rows, all of them in one exchange.
     *
     * @param statement the SQL and binds
     * @param mapper reads one row, as it arrives
     * @param <T> the row type
     * @return a Flux of mapped rows
     */
    public <T> Flux<T> rows(SqlStatement statement, Function<ResultRow, T> mapper) {
        return connection.connection().flatMapMany(open -> runner.rows(open, statement, mapper).doOnError(this::failed));
    }

    /**
     * Streams a query's rows in the form its subscriber's demand calls for: one exchange for an
     * unbounded demand, a cursor read {@code sliceSize} rows per round trip for a bounded one.
     *
     * @param statement the SQL and binds
     * @param sliceSize rows per round trip when the demand is bounded
     * @param mapper reads one row, as it is demanded
     * @param <T> the row type
     * @return a Flux of mapped rows
     */
    public <T> Flux<T> stream(SqlStatement statement, int sliceSize, Function<ResultRow, T> mapper) {
        return connection.connection()
                .flatMapMany(open -> runner.stream(open, statement, sliceSize, mapper).doOnError(this::failed));
    }

    /**
     * Runs a statement and reads all of its rows.
     *
     * @param statement the SQL and binds
     * @param mapper reads one row
     * @param <T> the row type
     * @return a Mono of the rows, in order
     */
    public <T> Mono<List<T>> list(SqlStatement statement, Function<ResultRow, T> mapper) {
        return rows(statement, mapper).collectList();
    }

    /**
     * Runs a statement that returns no rows.
     *
     * @param statement the SQL and binds
     * @return a Mono of the count of rows it changed
     */
    public Mono<Long> update(SqlStatement statement) {
        return connection.connection().flatMap(open -> runner.update(open, statement).doOnError(this::failed));
    }

    /**
     * Creates a savepoint, beginning the transaction first if no statement has.
     *
     * @param name the savepoint's name, chosen by Valence (never user input)
     * @return a Mono that completes once the savepoint exists
     */
    public Mono<Void> savepoint(String name) {
        return control(open -> open.createSavepoint(name));
    }

    /**
     * Releases a savepoint, keeping what was done since it.
     *
     * @param name the savepoint's name
     * @return a Mono that completes once released
     */
    public Mono<Void> releaseSavepoint(String name) {
        return control(open -> open.releaseSavepoint(name));
    }

    /**
     * Rolls back to a savepoint, undoing what was done since it and recovering an aborted transaction.
     *
     * @param name the savepoint's name
     * @return a Mono that completes once rolled back to it
     */
    public Mono<Void> rollbackToSavepoint(String name) {
        return control(open -> open.rollbackToSavepoint(name)).doOnSuccess(done -> aborted = false);
    }

    /**
     * Commits and gives the connection back; nothing to do without a connection or a transaction.
     *
     * @return a Mono that completes after COMMIT and release; it fails with
     *     {@code TransactionOutcomeUnknownException} when the connection broke while COMMIT was in flight
     */
    public Mono<Void> commit() {
        return connection.commit(runner::translateCommit).doFinally(signal -> aborted = false);
    }

    /**
     * Rolls back and gives the connection back, which is released even when ROLLBACK fails.
     *
     * @return a Mono that completes after ROLLBACK and release
     */
    public Mono<Void> rollback() {
        return connection.rollback().doFinally(signal -> aborted = false);
    }

    /**
     * Rolls back and gives the connection back for good, even when the caller cancels.
     *
     * @return a Mono that completes after ROLLBACK and release; cancelling it only stops the wait
     */
    public Mono<Void> close() {
        return connection.close().doFinally(signal -> aborted = false);
    }

    private Mono<Void> control(Function<LeasedConnection, Mono<Void>> call) {
        return connection.connection().flatMap(open -> call.apply(open).doOnError(this::failed));
    }

    /** A failure the database raised (possibly wrapped by the translation) aborted the transaction. */
    private void failed(Throwable error) {
        if (error instanceof R2dbcException || error.getCause() instanceof R2dbcException) {
            aborted = true;
        }
    }
}
