package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import io.valence.orm.reactive.internal.execution.RowGate;
import io.valence.orm.reactive.internal.execution.StatementTarget;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;

/**
 * The session's connection as its operations see it, for one transaction.
 *
 * <p><b>BEGIN goes out with the first statement.</b> The lease starts without a transaction; the
 * first statement subscribes BEGIN and then itself, in the same call. r2dbc-postgresql sends a
 * statement when its {@link Result} is consumed, not when {@code execute()} is subscribed, and
 * Valence consumes each result as soon as it arrives, still inside that call: the statement is
 * queued right behind BEGIN, and since BEGIN is a simple query whose request is complete once
 * written, the driver writes the statement without waiting for BEGIN's answer. The driver reads
 * answers in order, so the statement's rows come after BEGIN's success; if BEGIN fails, the
 * statement fails with BEGIN's error and the connection is given back. Results pass through at
 * once and are never held: a held r2dbc-postgresql result that gets discarded consumes itself,
 * which would send its statement whenever that happens, after ROLLBACK for instance. Rows are
 * read as their subscriber demands them, never ahead (see {@code docs/concurrency.md}). Calls
 * whose effect depends on the transaction status r2dbc-postgresql sees when they are subscribed
 * (savepoints, COMMIT, ROLLBACK: it skips COMMIT while the status still reads idle, and
 * {@code createSavepoint} sends a BEGIN of its own) are subscribed only after BEGIN completed.
 *
 * <p><b>Nothing gets through after the transaction ended.</b> A cancelled operation can still be
 * running on another thread (cancel is asynchronous) and subscribe its next statement after the
 * session rolled back and gave the connection to the pool: that statement would then run outside
 * any transaction, or inside another session's, and be committed. So every statement and savepoint
 * call subscribes under this lease's lock and is refused once {@link #revoke()} ended the lease;
 * transaction control (COMMIT, ROLLBACK, release) goes to the real connection only after the
 * revoke, so whatever got through was queued on the connection before it.
 */
final class LeasedConnection implements StatementTarget {
    private final Connection delegate;
    /** BEGIN with the factory's limits as one simple query, or null for the driver's plain BEGIN. */
    private final String beginSql;
    private final BiConsumer<LeasedConnection, Throwable> beginFailed;
    private boolean revoked;
    /** The outcome of giving the connection back, once {@link #giveBack()} started it, else null. Guarded by this. */
    private Sinks.Empty<Void> givenBack;
    /** BEGIN's outcome once the first operation sent it, else null. Guarded by this. */
    private Sinks.Empty<Void> begin;
    /** Whether BEGIN succeeded: from then on operations go straight to the connection. */
    private volatile boolean begun;
    /** BEGIN's error once it failed, else null. */
    private volatile Throwable beginError;
    /**
     * Whether the last statement was cancelled before its response ended, so that it may still run
     * on the server (blocked on a lock, say). The driver answers statements in order, so a later
     * statement that ends clears it.
     */
    private volatile boolean abandoned;

    /**
     * @param delegate the pooled connection, with no transaction open yet
     * @param beginSql BEGIN with the factory's limits, or null for the driver's plain BEGIN
     * @param beginFailed told when BEGIN failed, before the operations waiting for it fail
     */
    LeasedConnection(Connection delegate, String beginSql, BiConsumer<LeasedConnection, Throwable> beginFailed) {
        this.delegate = delegate;
        this.beginSql = beginSql;
        this.beginFailed = beginFailed;
    }

    /**
     * A lease on a connection whose transaction someone else opened (and will end): statements go
     * straight to it, with no BEGIN.
     *
     * @param delegate the connection, inside its owner's open transaction
     * @return the lease
     */
    static LeasedConnection joined(Connection delegate) {
        LeasedConnection joined = new LeasedConnection(delegate, null, (lease, error) -> {});
        joined.begun = true;
        return joined;
    }

    /** @return BEGIN's error once it failed, else null */
    Throwable beginError() {
        return beginError;
    }

    /** @return whether BEGIN succeeded: from then on statements go straight to the connection */
    boolean isBegun() {
        return begun;
    }

    /** Ends the lease: from now on nothing reaches the connection through it. */
    synchronized void revoke() {
        revoked = true;
    }

    /**
     * Ends the transaction with {@code control} (COMMIT or ROLLBACK on the real connection) once its
     * BEGIN completed. Call after {@link #revoke()}, which settles whether BEGIN was ever sent.
     *
     * @param control the transaction-control call
     * @return a Mono that completes after {@code control}; at once when no operation sent BEGIN (there
     *     is no transaction), and with BEGIN's error when BEGIN failed
     */
    Mono<Void> endTransaction(Function<Connection, Publisher<Void>> control) {
        Sinks.Empty<Void> sent;
        synchronized (this) {
            sent = begin;
        }
        if (sent == null) {
            return Mono.empty();
        }
        Mono<Void> end = Mono.defer(() -> Mono.from(control.apply(delegate)));
        return begun ? end : sent.asMono().then(end);
    }

    /**
     * Commits like {@link #endTransaction(Function)}. COMMIT runs detached from the caller, whose
     * cancel only stops the wait: COMMIT can wait on the server (a deferred unique check waiting for
     * another transaction's row), so until it answers it counts as abandoned, and the rollback that
     * follows a cancel cancels it there first; its late answer then ends here instead of being
     * dropped by the driver as an error nobody handles.
     *
     * @param commitFailure translates a failure of COMMIT itself
     * @return a Mono that completes after COMMIT
     */
    Mono<Void> commitTransaction(Function<Throwable, Throwable> commitFailure) {
        return endTransaction(open -> {
            Sinks.Empty<Void> answer = Sinks.empty();
            abandoned = true;
            Detached.run(Mono.from(open.commitTransaction()), outcome -> abandoned = false, answer);
            return answer.asMono().onErrorMap(commitFailure);
        });
    }

    /**
     * Rolls the transaction back like {@link #endTransaction(Function)}, first cancelling on the
     * server a statement that was abandoned while still running: otherwise ROLLBACK would queue
     * behind it, and the connection stay out, for as long as the statement runs (a lock wait can
     * last until the other transaction ends).
     *
     * @return a Mono that completes after ROLLBACK
     */
    Mono<Void> rollbackTransaction() {
        return cancelAbandoned().then(endTransaction(Connection::rollbackTransaction));
    }

    /**
     * Cancels on the server a statement that was abandoned while still running, so that whatever
     * ends the transaction next does not queue behind it.
     *
     * @return a Mono that completes once the server took the cancel request; at once when nothing was abandoned
     */
    Mono<Void> cancelAbandoned() {
        return Mono.defer(() -> abandoned ? ServerCancel.send(delegate) : Mono.empty());
    }

    /**
     * Revokes the lease and closes the real connection, which gives it back to the pool. The first
     * call starts the close, at the call and not at subscription; later calls wait for the same
     * outcome.
     *
     * <p>The close runs on its own, not in the caller's subscription. Its callers (commit, rollback,
     * close) are cancelled whenever a timeout says so, and r2dbc-pool tells its pool a connection
     * is back only when the close is requested: a cancel arriving between the session letting go
     * of the connection and that request left the connection acquired for good, with nobody left
     * to release it ({@code CancellationIT}'s 200 sessions caught it under load). Cancelling the
     * returned Mono only stops the wait.
     *
     * @return a Mono that completes when the connection was given back
     */
    Mono<Void> giveBack() {
        Sinks.Empty<Void> outcome;
        synchronized (this) {
            revoked = true;
            if (givenBack != null) {
                return givenBack.asMono();
            }
            outcome = Sinks.empty();
            givenBack = outcome;
        }
        Detached.run(Mono.defer(() -> Mono.from(delegate.close())), closed -> { }, outcome);
        return outcome.asMono();
    }

    /** Subscribes to what {@code action} returns unless the lease was revoked, atomically with {@link #revoke()}. */
    private <T> Publisher<T> live(Supplier<? extends Publisher<T>> action) {
        return subscriber -> {
            synchronized (this) {
                if (!revoked) {
                    action.get().subscribe(subscriber);
                    return;
                }
            }
            Operators.error(subscriber, ConnectionErrors.usedAfterGivenBack());
        };
    }

    /** A statement's execution, sending BEGIN first while no statement has; see the class comment. */
    private Publisher<Result> execute(Supplier<Publisher<? extends Result>> statement) {
        return live(() -> {
            if (begun) {
                // r2dbc-postgresql encodes the bind values when the statement is subscribed, and on a
                // closed connection never frees them; it knows locally (no I/O) whether it is closed
                return Mono.from(delegate.validate(ValidationDepth.LOCAL)).flatMapMany(open -> open
                        ? statement.get()
                        : Flux.error(ConnectionErrors.closedBeforeStatement()));
            }
            Mono<Void> began = begin();
            return Flux.from(statement.get()).map(result -> new PipelinedResult(result, this, began));
        });
    }

    /** A call subscribed once BEGIN completed (sending BEGIN first if no operation has yet). */
    private <T> Publisher<T> afterBegin(Supplier<? extends Publisher<T>> action) {
        return live(() -> begun ? action.get() : begin().then(Mono.defer(() -> Mono.from(live(action)))));
    }

    /** BEGIN's outcome, subscribing BEGIN the first time; runs under the lock of a live lease. */
    private Mono<Void> begin() {
        if (begin == null) {
            // detached from the operation that sent it: cancelling that operation must not leave
            // the lease unsure whether its transaction began
            begin = Sinks.empty();
            Detached.run(Mono.defer(this::sendBegin), error -> {
                if (error == null) {
                    begun = true;
                } else {
                    beginError = error;
                    beginFailed.accept(this, error);
                }
            }, begin);
        }
        return begin.asMono();
    }

    /**
     * BEGIN as a simple query: complete once written, so the first statement goes out right behind
     * it. With limits, {@code SET LOCAL} rides in the same query; r2dbc-postgresql reads the
     * transaction status from the server's answer either way.
     */
    private Mono<Void> sendBegin() {
        if (beginSql == null) {
            return Mono.from(delegate.beginTransaction());
        }
        return Flux.from(delegate.createStatement(beginSql).execute()).concatMap(Result::getRowsUpdated).then();
    }

    @Override
    public Statement createStatement(String sql) {
        return delegate.createStatement(sql);
    }

    @Override
    public <T> Flux<T> execute(Statement statement, BiFunction<Result, RowGate, Publisher<T>> reader) {
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                ExchangeRelay<T> relay = new ExchangeRelay<>(actual, LeasedConnection.this);
                Flux.from(execute(statement::execute))
                        .concatMap(result -> reader.apply(result, relay))
                        .subscribe(relay);
            }
        };
    }

    /** A statement's exchange ended: the driver answers in order, so nothing of this lease runs on the server. */
    void exchangeEnded() {
        abandoned = false;
    }

    /** A statement's exchange was cancelled before it ended: it may still run on the server. */
    void exchangeAbandoned() {
        abandoned = true;
    }

    /** Creates a savepoint once BEGIN completed (sending BEGIN first if no statement has). */
    Mono<Void> createSavepoint(String name) {
        return Mono.from(afterBegin(() -> delegate.createSavepoint(name)));
    }

    /** Releases a savepoint. */
    Mono<Void> releaseSavepoint(String name) {
        return Mono.from(afterBegin(() -> delegate.releaseSavepoint(name)));
    }

    /** Rolls back to a savepoint. */
    Mono<Void> rollbackToSavepoint(String name) {
        return Mono.from(afterBegin(() -> delegate.rollbackTransactionToSavepoint(name)));
    }
}
