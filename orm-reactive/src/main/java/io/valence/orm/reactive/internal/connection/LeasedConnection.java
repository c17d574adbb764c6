package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;

/**
 * The session's connection as its operations see it, for one transaction. A cancelled operation
 * can still be running on another thread (cancel is asynchronous) and subscribe its next statement
 * after the session rolled back and gave the connection to the pool: that statement would then run
 * outside any transaction, or inside another session's, and be committed. So every statement and
 * savepoint call subscribes under this lease's lock and is refused once {@link #revoke()} ended the
 * lease; transaction control (COMMIT, ROLLBACK, release) goes to the real connection only after the
 * revoke, so whatever got through was queued on the connection before it.
 */
final class LeasedConnection implements Connection {
    private final Connection delegate;
    private boolean revoked;

    LeasedConnection(Connection delegate) {
        this.delegate = delegate;
    }

    /** @return the real connection, for transaction control by {@link SessionConnection} only */
    Connection delegate() {
        return delegate;
    }

    /** Ends the lease: from now on nothing reaches the connection through it. */
    synchronized void revoke() {
        revoked = true;
    }

    /** Subscribes to what {@code action} returns unless the lease was revoked, atomically with {@link #revoke()}. */
    <T> Publisher<T> live(Supplier<? extends Publisher<T>> action) {
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

    @Override
    public Statement createStatement(String sql) {
        return new LeasedStatement(delegate.createStatement(sql));
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        return live(() -> delegate.createSavepoint(name));
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return live(() -> delegate.releaseSavepoint(name));
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return live(() -> delegate.rollbackTransactionToSavepoint(name));
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return live(delegate::beginTransaction);
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        return live(() -> delegate.beginTransaction(definition));
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return live(delegate::commitTransaction);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return live(delegate::rollbackTransaction);
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
        return live(() -> delegate.setAutoCommit(autoCommit));
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return live(() -> delegate.setLockWaitTimeout(timeout));
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return live(() -> delegate.setStatementTimeout(timeout));
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
        return live(() -> delegate.setTransactionIsolationLevel(level));
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        return delegate.validate(depth);
    }

    /** A statement whose execution is subscribed only while the lease lasts. */
    private final class LeasedStatement implements Statement {
        private final Statement statement;

        LeasedStatement(Statement statement) {
            this.statement = statement;
        }

        @Override
        public Publisher<? extends Result> execute() {
            return live(this::executeNow);
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
}
