package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The one connection of a session: taken from the factory when first needed and handed to the
 * session at once, and given back exactly once at commit, rollback or close. Its transaction
 * begins with the first operation that uses it: BEGIN is written together with that operation's
 * statement instead of a round trip of its own (see {@link LeasedConnection}). Only the operation
 * that holds the session's guard uses it; its fields are volatile because the hand-over runs on
 * the pool's thread and {@code provisioning} is read by other threads for error messages.
 */
final class SessionConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);

    private final ChannelSettings settings;
    private volatile LeasedConnection lease;
    private volatile boolean provisioning;

    /**
     * @param settings where the connection comes from and how long to wait for one before failing
     *     with a clear error
     */
    SessionConnection(ChannelSettings settings) {
        this.settings = settings;
    }

    /** @return whether the session holds a connection, which a commit, rollback or close gives back */
    public boolean isLeased() {
        return lease != null;
    }

    /** @return whether a connection is being acquired from the pool right now */
    public boolean isProvisioning() {
        return provisioning;
    }

    /**
     * The session's connection, acquiring it on first use. The transaction begins with the first
     * operation that uses the connection, pipelined with it: why that is safe is in
     * {@code docs/concurrency.md} ("Transactions and round trips").
     *
     * <p>The acquisition runs detached from the subscriber: a cancel that reaches it before the pool
     * handed the connection over gives the connection back, and a cancel after the hand-over does
     * nothing (the session holds the connection until commit, rollback or close). This matters
     * because Reactor operators pass {@code cancel()} up to sources that already completed, and both
     * a {@code doOnCancel} here and r2dbc-pool's own acquire publisher would then release a
     * connection the session still uses (which another session may then take, inside this
     * session's open transaction).
     *
     * @return a Mono of the connection; it fails with a clear error when the pool has none to give in time
     */
    public Mono<LeasedConnection> connection() {
        return Mono.defer(() -> {
            LeasedConnection current = lease;
            if (current != null) {
                return Mono.just(current);
            }
            return Mono.<LeasedConnection>create(sink -> new Acquisition(this, settings, sink).start());
        });
    }

    /** Marks whether a connection is being acquired, for the guard's messages. */
    void provisioning(boolean acquiring) {
        provisioning = acquiring;
    }

    /**
     * Takes over a connection the pool handed to an acquisition that is still wanted. The lease is
     * set before the hand-over can be seen, so a rollback() after it finds the connection.
     *
     * @param acquired the pooled connection
     * @return the session's lease on it
     */
    LeasedConnection lease(Connection acquired) {
        LeasedConnection leased = joined()
                ? LeasedConnection.joined(acquired)
                : new LeasedConnection(acquired, settings.beginSql(), this::beginFailed);
        lease = leased;
        return leased;
    }

    /**
     * BEGIN failed (in practice: the connection broke). The operation that sent it fails with the
     * error; the connection is given back and the session's next operation acquires a fresh one.
     */
    private void beginFailed(LeasedConnection failed, Throwable error) {
        LOG.debug("BEGIN failed, the connection is released", error);
        if (lease == failed) {
            lease = null;
        }
        quietly(failed.giveBack(), "Releasing the connection after a failed BEGIN failed").subscribe();
    }

    /**
     * Commits and gives the connection back. Without a connection, or when no operation used it
     * (no BEGIN was sent), there is nothing to commit.
     *
     * @param commitFailure translates a failure of COMMIT itself
     *
     * @return a Mono that completes after COMMIT
     */
    public Mono<Void> commit(Function<Throwable, Throwable> commitFailure) {
        return Mono.defer(() -> {
            LeasedConnection current = lease;
            if (current == null) {
                return Mono.empty();
            }
            current.revoke();
            if (joined()) {
                return release(current); // the transaction's owner commits
            }
            // only COMMIT's own failure is translated as one: a failed BEGIN means COMMIT was never sent
            return current.commitTransaction(commitFailure)
                    .then(Mono.defer(() -> release(current)));
        });
    }

    /**
     * Rolls back and gives the connection back. A failing ROLLBACK (a broken connection) still
     * releases the connection; the pool then discards it. A rollback cancelled before its ROLLBACK
     * completed keeps the lease, so the next rollback or close ends the transaction and releases it.
     *
     * @return a Mono that completes after ROLLBACK and release
     */
    public Mono<Void> rollback() {
        return Mono.defer(() -> {
            LeasedConnection current = lease;
            if (current == null) {
                return Mono.empty();
            }
            current.revoke();
            if (joined()) {
                // the owner rolls back; a statement still running would hold its ROLLBACK up
                return current.cancelAbandoned().then(Mono.defer(() -> release(current)));
            }
            return current.rollbackTransaction()
                    .onErrorResume(error -> {
                        LOG.debug("ROLLBACK failed, the connection is released anyway", error);
                        return Mono.empty();
                    })
                    .then(Mono.defer(() -> release(current)));
        });
    }

    /**
     * Rolls back and gives the connection back for a session that closes, like {@link #rollback()},
     * and sees it through even when the caller cancels: a closed session is never used again, so
     * nothing later would end the transaction and release a connection that a cancelled close left
     * behind. Cancelling the returned Mono only stops the wait.
     *
     * @return a Mono that completes after ROLLBACK and release
     */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            Sinks.Empty<Void> closed = Sinks.empty();
            rollback().subscribe(null, closed::tryEmitError, closed::tryEmitEmpty);
            return closed.asMono();
        });
    }

    /**
     * Forgets the lease and starts giving its connection back, in one call: a cancel can stop the
     * caller before or after, but never leave the lease forgotten with its connection still out.
     */
    private Mono<Void> release(LeasedConnection current) {
        if (lease == current) {
            lease = null;
        }
        // a joined transaction's connection is its owner's to release
        return joined() ? Mono.empty() : quietly(current.giveBack(), "Releasing the connection failed");
    }

    /** @return whether the session joined a transaction that someone else owns */
    boolean joined() {
        return settings.owner() == TransactionOwner.EXTERNAL;
    }

    private static Mono<Void> quietly(Mono<Void> release, String failure) {
        return release.onErrorResume(error -> {
            LOG.debug(failure, error);
            return Mono.empty();
        });
    }

    static void closeQuietly(Connection acquired) {
        // nobody waits for this release (the acquiring operation was cancelled), so it runs on its own
        quietly(Mono.defer(() -> Mono.from(acquired.close())), "Releasing an abandoned connection failed").subscribe();
    }
}
