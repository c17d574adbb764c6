package io.valence.orm.reactive.internal.session;

import io.valence.orm.OrmException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.SessionClosedException;
import io.valence.orm.TransactionOutcomeUnknownException;
import java.util.function.BooleanSupplier;

/**
 * Where a session's transaction stands, as SQLAlchemy's session state machine keeps it: one
 * explicit phase, the cause that put it there, and the depth of open savepoints. It builds the
 * messages that report each phase, so every operation reports it the same way. Written by the
 * operation holding the session's guard; fields are volatile because a cancel (which marks the
 * transaction in doubt) arrives on another thread.
 */
final class TransactionState {
    /** The phases of a session's transaction. */
    enum Phase {
        /** No transaction: no statement was sent since the last commit or rollback. */
        IDLE,
        /** A connection is held and its transaction is open. */
        ACTIVE,
        /** A statement failed or was cancelled part-way: only {@code rollback()} is accepted. */
        PENDING_ROLLBACK,
        /** The connection broke during COMMIT: whether it committed is unknown; only {@code rollback()} is accepted. */
        OUTCOME_UNKNOWN,
        /** Closed for good. */
        CLOSED
    }

    private final BooleanSupplier leased;
    private volatile boolean closed;
    /** Why the transaction needs rollback(), or null. */
    private volatile OrmException failure;
    /** SAVEPOINTs of nested() taken and not yet released or rolled back to. */
    private int savepointDepth;

    /**
     * @param leased tells whether the session's channel holds a connection (an open transaction)
     */
    TransactionState(BooleanSupplier leased) {
        this.leased = leased;
    }

    Phase phase() {
        if (closed) {
            return Phase.CLOSED;
        }
        OrmException current = failure;
        if (current != null) {
            return current instanceof TransactionOutcomeUnknownException ? Phase.OUTCOME_UNKNOWN : Phase.PENDING_ROLLBACK;
        }
        return leased.getAsBoolean() ? Phase.ACTIVE : Phase.IDLE;
    }

    /** The error of {@code rollback()} in a session that joined a transaction someone else owns. */
    static OrmException joinedRollbackRefused() {
        return new OrmException("rollback() cannot end this session's transaction: the session joined a transaction"
                + " that its owner (Spring's transaction manager) opened and ends. Let the transactional method fail"
                + " (or call setRollbackOnly() on its ReactiveTransaction) to roll it back");
    }

    /** Fails with the exception for the phase when it accepts no operation but {@code rollback()}/{@code close()}. */
    void checkUsable() {
        switch (phase()) {
            case CLOSED -> throw new SessionClosedException("This session is closed; open a new one with"
                    + " SessionFactory.openSession() (or use withSession/inTransaction)");
            case OUTCOME_UNKNOWN -> {
                TransactionOutcomeUnknownException unknown = (TransactionOutcomeUnknownException) failure;
                throw new TransactionOutcomeUnknownException(unknown.getMessage(), unknown.sqlState(), unknown.getCause());
            }
            case PENDING_ROLLBACK -> throw new PendingRollbackException(failure.getMessage(), failure.getCause());
            default -> { }
        }
    }

    boolean isClosed() {
        return closed;
    }

    int savepointDepth() {
        return savepointDepth;
    }

    void enteredSavepoint() {
        savepointDepth++;
    }

    void leftSavepoint() {
        savepointDepth--;
    }

    /**
     * A database error aborted the transaction. Outside a savepoint the session asks for
     * {@code rollback()}; inside one, nested() rolls back to its savepoint, which recovers it.
     *
     * @param operation what failed, for the message
     * @param error the failure
     */
    void failed(String operation, Throwable error) {
        if (savepointDepth > 0) {
            failure = new PendingRollbackException(operation + " failed inside nested(): " + error.getMessage()
                    + ". The nested work is rolled back to its savepoint when it ends", error);
            return;
        }
        failure = new PendingRollbackException("This session's transaction was rolled back because " + operation
                + " failed: " + error.getMessage() + ". Call rollback() before using the session again; it discards"
                + " what the transaction wrote and what the session added in it", error);
    }

    /** Whether {@code error} is what put the transaction in need of rollback already. */
    boolean isFailedBy(Throwable error) {
        OrmException current = failure;
        return current != null && current.getCause() == error;
    }

    /**
     * The connection broke while COMMIT was in flight.
     *
     * @param unknown the error the caller gets, whose message the session repeats until rollback()
     */
    void outcomeUnknown(TransactionOutcomeUnknownException unknown) {
        failure = unknown;
    }

    /**
     * An operation was cancelled part-way through a write: some statements may have run.
     *
     * @param operation the cancelled operation, for the message
     */
    void inDoubt(String operation) {
        failure = new PendingRollbackException(operation + " was cancelled part-way, so this session's transaction is"
                + " in doubt (some statements may have run). Call rollback() before using the session again", null);
    }

    /** A rollback to a savepoint recovered the transaction. */
    void recovered() {
        failure = null;
    }

    /** The transaction was rolled back: the session is as new. */
    void rolledBack() {
        failure = null;
        savepointDepth = 0;
    }

    void close() {
        closed = true;
    }
}
