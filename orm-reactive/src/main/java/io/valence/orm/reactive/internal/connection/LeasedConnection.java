package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.valence.orm.reactive.internal.execution.Relay;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
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
final class LeasedConnection implements Connection {
    private final Connection delegate;
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
     * @param delegate the pooled connection, with no transaction open yet
     * @param beginFailed told when BEGIN failed, before the operations waiting for it fail
     */
    LeasedConnection(Connection delegate, BiConsumer<LeasedConnection, Throwable> beginFailed) {
        this.delegate = delegate;
        this.beginFailed = beginFailed;
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
        Mono.defer(() -> Mono.from(delegate.close())).subscribe(null, outcome::tryEmitError, outcome::tryEmitEmpty);
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
            Operators.error(subscriber, new IllegalStateException("This connection was given back to the pool when its"
                    + " session's transaction ended; an operation that was cancelled tried to use it afterwards"));
        };
    }

    /** A statement's execution, sending BEGIN first while no statement has; see the class comment. */
    private Publisher<Result> execute(Supplier<Publisher<Result>> statement) {
        return live(() -> {
            if (begun) {
                return statement.get();
            }
            Mono<Void> began = begin();
            return Flux.from(statement.get()).map(result -> new PipelinedResult(result, began));
        });
    }

    /** A call subscribed once BEGIN completed (sending BEGIN first if no operation has yet). */
    private <T> Publisher<T> afterBegin(Supplier<? extends Publisher<T>> action) {
        return live(() -> begun ? action.get() : begin().then(Mono.defer(() -> Mono.from(live(action)))));
    }

    /** BEGIN's outcome, subscribing BEGIN the first time; runs under the lock of a live lease. */
    private Mono<Void> begin() {
        if (begin == null) {
            Sinks.Empty<Void> outcome = Sinks.empty();
            begin = outcome;
            // detached from the operation that sent it: cancelling that operation must not leave
            // the lease unsure whether its transaction began
            Mono.defer(() -> Mono.from(delegate.beginTransaction())).subscribe(null, error -> {
                beginError = error;
                beginFailed.accept(this, error);
                outcome.tryEmitError(error);
            }, () -> {
                begun = true;
                outcome.tryEmitEmpty();
            });
        }
        return begin.asMono();
    }

    @Override
    public Statement createStatement(String sql) {
        return new LeasedStatement(delegate.createStatement(sql));
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        return afterBegin(() -> delegate.createSavepoint(name));
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return afterBegin(() -> delegate.releaseSavepoint(name));
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return afterBegin(() -> delegate.rollbackTransactionToSavepoint(name));
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return afterBegin(delegate::beginTransaction);
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        return afterBegin(() -> delegate.beginTransaction(definition));
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return afterBegin(delegate::commitTransaction);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return afterBegin(delegate::rollbackTransaction);
    }

    @Override
    public Publisher<Void> close() {
        return subscriber -> Operators.error(subscriber, new UnsupportedOperationException(
                "A session's connection is closed by its SessionConnection, not by an operation"));
    }

    @Override
    public Batch createBatch() {
        throw new UnsupportedOperationException("Valence runs statements one by one (see docs/flush.md), not as batches");
    }

    @Override
    public boolean isAutoCommit() {
        return delegate.isAutoCommit();
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return delegate.getTransactionIsolationLevel();
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
        return afterBegin(() -> delegate.setAutoCommit(autoCommit));
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return afterBegin(() -> delegate.setLockWaitTimeout(timeout));
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return afterBegin(() -> delegate.setStatementTimeout(timeout));
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
        return afterBegin(() -> delegate.setTransactionIsolationLevel(level));
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        return delegate.validate(depth);
    }

    /** A statement whose execution is subscribed only while the lease lasts, pipelined with BEGIN when it is the first. */
    private final class LeasedStatement implements Statement {
        private final Statement statement;

        LeasedStatement(Statement statement) {
            this.statement = statement;
        }

        @Override
        public Publisher<? extends Result> execute() {
            return LeasedConnection.this.execute(this::executeNow);
        }

        @SuppressWarnings("unchecked")
        private Publisher<Result> executeNow() {
            return (Publisher<Result>) statement.execute();
        }

        @Override
        public Statement add() {
            statement.add();
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            statement.bind(index, value);
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            statement.bind(name, value);
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            statement.bindNull(index, type);
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            statement.bindNull(name, type);
            return this;
        }

        @Override
        public Statement fetchSize(int rows) {
            statement.fetchSize(rows);
            return this;
        }

        @Override
        public Statement returnGeneratedValues(String... columns) {
            statement.returnGeneratedValues(columns);
            return this;
        }
    }

    /**
     * A result of a statement sent right behind BEGIN: reading it subscribes the real result at once
     * (which sends the statement), and its rows and counts follow BEGIN's success.
     */
    private final class PipelinedResult implements Result {
        private final Result result;
        private final Mono<Void> began;

        PipelinedResult(Result result, Mono<Void> began) {
            this.result = result;
            this.began = began;
        }

        @Override
        public Publisher<Long> getRowsUpdated() {
            return afterBegin(result.getRowsUpdated());
        }

        @Override
        public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
            return afterBegin(result.map(mappingFunction));
        }

        @Override
        public <T> Publisher<T> map(Function<? super Readable, ? extends T> mappingFunction) {
            return afterBegin(result.map(mappingFunction));
        }

        @Override
        public Result filter(Predicate<Segment> filter) {
            return new PipelinedResult(result.filter(filter), began);
        }

        @Override
        public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
            return afterBegin(result.flatMap(mappingFunction));
        }

        /**
         * Subscribes {@code signals} now and relays them with exactly the subscriber's demand: no row
         * is read ahead of it, since reading a row is what loads an object into the session, and
         * one read ahead would still be loading on the driver's thread after the operation was
         * cancelled, while the session's next operation reads the unit of work. Rows need not wait
         * for BEGIN: the driver reads answers in order, so BEGIN's has been read before the
         * statement's first row. If BEGIN failed, rows are refused and the outcome is BEGIN's error.
         */
        private <T> Flux<T> afterBegin(Publisher<? extends T> signals) {
            return new Flux<>() {
                @Override
                public void subscribe(CoreSubscriber<? super T> actual) {
                    signals.subscribe(new BegunRelay<T>(actual, began));
                }
            };
        }
    }

    /**
     * Relays a pipelined statement's signals (see {@link PipelinedResult}); its end waits for BEGIN's
     * outcome, which it almost always finds already there. One subscriber instead of a chain of
     * operators, as the first statement of every transaction passes through it.
     */
    private final class BegunRelay<T> extends Relay<T> {
        private final Mono<Void> began;
        private boolean done;
        private volatile Disposable waiting;

        BegunRelay(CoreSubscriber<? super T> actual, Mono<Void> began) {
            super(actual);
            this.began = began;
        }

        @Override
        public void onNext(T value) {
            if (done) {
                Operators.onNextDropped(value, actual.currentContext());
                return;
            }
            Throwable failed = beginError;
            if (failed == null) {
                actual.onNext(value);
                return;
            }
            done = true;
            super.cancel();
            actual.onError(failed);
        }

        @Override
        public void onError(Throwable error) {
            if (done) {
                Operators.onErrorDropped(error, actual.currentContext());
                return;
            }
            done = true;
            afterBeginSettled(() -> actual.onError(error));
        }

        @Override
        public void onComplete() {
            if (!done) {
                done = true;
                afterBeginSettled(actual::onComplete);
            }
        }

        /** Runs {@code end} once BEGIN succeeded; if BEGIN failed, the subscriber gets BEGIN's error instead. */
        private void afterBeginSettled(Runnable end) {
            if (begun) {
                end.run();
                return;
            }
            waiting = began.subscribe(null, actual::onError, end);
        }

        @Override
        public void cancel() {
            super.cancel();
            Disposable wait = waiting;
            if (wait != null) {
                wait.dispose();
            }
        }
    }
}
