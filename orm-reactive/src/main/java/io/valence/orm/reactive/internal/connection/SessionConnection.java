package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.OrmException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The one connection of a session: taken from the factory when first needed, a transaction begun
 * on it at once, and given back exactly once at commit, rollback or close. Only the operation that
 * holds the session's guard touches it, so its fields need no locking; {@code provisioning} is read
 * by other threads for error messages and is volatile.
 */
public final class SessionConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);

    private final ConnectionFactory factory;
    private final Duration acquireTimeout;
    private Connection connection;
    private volatile boolean provisioning;

    /**
     * @param factory where the connection comes from
     * @param acquireTimeout how long to wait for a connection before failing with a clear error
     */
    public SessionConnection(ConnectionFactory factory, Duration acquireTimeout) {
        this.factory = factory;
        this.acquireTimeout = acquireTimeout;
    }

    /** @return whether a connection is being acquired right now */
    public boolean isProvisioning() {
        return provisioning;
    }

    /** @return whether the session holds a connection (and so a transaction) */
    public boolean isOpen() {
        return connection != null;
    }

    /**
     * The session's connection, acquiring it and beginning a transaction on first use. If the
     * acquisition is cancelled or fails after a connection arrived, the connection is released.
     *
     * @return a Mono of the connection
     */
    public Mono<Connection> connection() {
        if (connection != null) {
            return Mono.just(connection);
        }
        return Mono.defer(() -> {
            provisioning = true;
            return Mono.from(factory.create())
                    .timeout(acquireTimeout)
                    .onErrorMap(TimeoutException.class, this::acquireTimedOut)
                    .flatMap(acquired -> Mono.from(acquired.beginTransaction())
                            .thenReturn(acquired)
                            .onErrorResume(error -> Mono.from(acquired.close()).onErrorResume(e -> Mono.empty())
                                    .then(Mono.error(error)))
                            .doOnCancel(() -> releaseQuietly(acquired)))
                    .doOnNext(acquired -> connection = acquired)
                    .doFinally(signal -> provisioning = false);
        });
    }

    private OrmException acquireTimedOut(TimeoutException timeout) {
        String size = PoolCapacity.maxSize(factory).map(max -> " (its maximum size is " + max + ")").orElse("");
        return new OrmException("No connection became free within " + acquireTimeout.toMillis() + " ms. The pool" + size
                + " is exhausted: every connection is held by another session. Likely causes: more concurrent sessions"
                + " than the pool's size (fan-outs wider than the pool run in turns, but a session opened inside"
                + " another session's work on a full pool waits for itself), or sessions that are never closed."
                + " Close sessions (withSession/inTransaction do it for you), enlarge the pool, or raise"
                + " SessionFactory.Builder.acquireTimeout", timeout);
    }

    /**
     * Commits and gives the connection back. Without a connection there is nothing to commit.
     *
     * @return a Mono that completes after COMMIT
     */
    public Mono<Void> commit() {
        Connection current = connection;
        if (current == null) {
            return Mono.empty();
        }
        return Mono.from(current.commitTransaction()).then(Mono.defer(this::release));
    }

    /**
     * Rolls back and gives the connection back. A failing ROLLBACK (a broken connection) still
     * releases the connection; the pool then discards it.
     *
     * @return a Mono that completes after ROLLBACK and release
     */
    public Mono<Void> rollback() {
        Connection current = connection;
        if (current == null) {
            return Mono.empty();
        }
        return Mono.from(current.rollbackTransaction())
                .onErrorResume(error -> {
                    LOG.debug("ROLLBACK failed, the connection is released anyway", error);
                    return Mono.empty();
                })
                .then(Mono.defer(this::release));
    }

    private Mono<Void> release() {
        Connection current = connection;
        connection = null;
        return current == null ? Mono.empty() : Mono.from(current.close()).onErrorResume(error -> {
            LOG.debug("Releasing the connection failed", error);
            return Mono.empty();
        });
    }

    private static void releaseQuietly(Connection acquired) {
        // the acquiring operation was cancelled: nobody waits for this release, so it runs on its own
        Mono.from(acquired.close()).onErrorResume(e -> Mono.empty()).subscribe();
    }
}
