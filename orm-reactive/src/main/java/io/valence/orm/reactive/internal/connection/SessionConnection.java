package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.OrmException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The one connection of a session: taken from the factory when first needed, a transaction begun
 * on it at once, and given back exactly once at commit, rollback or close. Only the operation that
 * holds the session's guard uses it; its fields are volatile because the hand-over after BEGIN runs
 * on the driver's thread and {@code provisioning} is read by other threads for error messages.
 */
public final class SessionConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);

    private final ConnectionFactory factory;
    private final Duration acquireTimeout;
    private volatile LeasedConnection lease;
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
        return lease != null;
    }

    /**
     * The session's connection, acquiring it and beginning a transaction on first use.
     *
     * <p>The acquisition runs detached from the subscriber: a cancel that reaches it before the
     * connection was handed over gives the connection back (after its BEGIN, if that is in flight),
     * and a cancel after the hand-over does nothing. This matters because Reactor operators pass
     * {@code cancel()} up to sources that already completed, and both a {@code doOnCancel} here and
     * r2dbc-pool's own acquire publisher would then release a connection the session still uses (which
     * another session may then take, inside this session's open transaction).
     *
     * @return a Mono of the connection; it fails with a clear error when the pool has none to give in time
     */
    public Mono<Connection> connection() {
        return Mono.defer(() -> {
            LeasedConnection current = lease;
            if (current != null) {
                return Mono.just(current);
            }
            return Mono.<Connection>create(sink -> new Acquisition(sink).start());
        });
    }

    /** One acquisition of the connection: pool, then BEGIN, then hand-over, unless abandoned first. */
    private final class Acquisition {
        private final MonoSink<Connection> sink;
        private Disposable pending;
        private Connection arrived;
        private boolean abandoned;
        private boolean handedOver;

        Acquisition(MonoSink<Connection> sink) {
            this.sink = sink;
        }

        void start() {
            provisioning = true;
            sink.onCancel(this::abandon);
            Disposable subscription = Mono.from(factory.create())
                    .timeout(acquireTimeout, Mono.error(() -> acquireTimedOut(acquireTimeout.toMillis() + " ms (the"
                            + " session's acquire timeout, SessionFactory.Builder.acquireTimeout)", null)))
                    .onErrorMap(SessionConnection::isPoolTimeout, error -> acquireTimedOut("the pool's own acquire"
                            + " timeout (" + error.getMessage() + ")", error))
                    .subscribe(this::arrived, this::failed);
            synchronized (this) {
                if (abandoned && arrived == null) {
                    subscription.dispose();
                } else {
                    pending = subscription;
                }
            }
        }

        private void arrived(Connection acquired) {
            synchronized (this) {
                if (!abandoned) {
                    arrived = acquired;
                }
            }
            if (arrived != acquired) {
                closeQuietly(acquired);
                return;
            }
            Mono.from(acquired.beginTransaction()).subscribe(null, this::beginFailed, this::began);
        }

        private void began() {
            boolean handOver;
            synchronized (this) {
                handOver = !abandoned;
                handedOver = handOver;
            }
            provisioning = false;
            if (handOver) {
                LeasedConnection leased = new LeasedConnection(arrived);
                lease = leased;
                sink.success(leased);
            } else {
                // closing a pooled connection that began a transaction rolls it back first
                closeQuietly(arrived);
            }
        }

        private void beginFailed(Throwable error) {
            provisioning = false;
            closeQuietly(arrived);
            sink.error(error);
        }

        private void failed(Throwable error) {
            provisioning = false;
            sink.error(error);
        }

        private void abandon() {
            Disposable toCancel;
            synchronized (this) {
                if (handedOver) {
                    return;
                }
                abandoned = true;
                // with a connection here, its BEGIN is in flight: began() or beginFailed() closes it
                toCancel = arrived == null ? pending : null;
            }
            provisioning = false;
            if (toCancel != null) {
                toCancel.dispose();
            }
        }
    }

    /** r2dbc-pool reports its own acquire timeout (ConnectionPoolConfiguration.maxAcquireTime) this way. */
    private static boolean isPoolTimeout(Throwable error) {
        return error instanceof R2dbcTimeoutException && String.valueOf(error.getMessage()).startsWith("Connection acquisition");
    }

    /** The error for an exhausted pool, built in one place. */
    private OrmException acquireTimedOut(String which, Throwable cause) {
        String size = PoolCapacity.maxSize(factory).map(max -> " (its maximum size is " + max + ")").orElse("");
        return new OrmException("No connection became free within " + which + ". The pool" + size
                + " is exhausted: every connection is held by another session. Likely causes: more concurrent sessions"
                + " than the pool's size (fan-outs wider than the pool run in turns, but a session opened inside"
                + " another session's work on a full pool waits for itself), or sessions that are never closed."
                + " Close sessions (withSession/inTransaction do it for you), enlarge the pool, or raise"
                + " SessionFactory.Builder.acquireTimeout", cause);
    }

    /**
     * Commits and gives the connection back. Without a connection there is nothing to commit.
     *
     * @return a Mono that completes after COMMIT
     */
    public Mono<Void> commit() {
        return Mono.defer(() -> {
            LeasedConnection current = lease;
            if (current == null) {
                return Mono.empty();
            }
            current.revoke();
            return Mono.from(current.delegate().commitTransaction()).then(Mono.defer(this::release));
        });
    }

    /**
     * Rolls back and gives the connection back. A failing ROLLBACK (a broken connection) still
     * releases the connection; the pool then discards it.
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
            return Mono.from(current.delegate().rollbackTransaction())
                    .onErrorResume(error -> {
                        LOG.debug("ROLLBACK failed, the connection is released anyway", error);
                        return Mono.empty();
                    })
                    .then(Mono.defer(this::release));
        });
    }

    private Mono<Void> release() {
        LeasedConnection current = lease;
        lease = null;
        if (current == null) {
            return Mono.empty();
        }
        current.revoke();
        return Mono.defer(() -> Mono.from(current.delegate().close())).onErrorResume(error -> {
            LOG.debug("Releasing the connection failed", error);
            return Mono.empty();
        });
    }

    private static void closeQuietly(Connection acquired) {
        // nobody waits for this release (the acquiring operation was cancelled), so it runs on its own
        Mono.defer(() -> Mono.from(acquired.close()))
                .onErrorResume(error -> {
                    LOG.debug("Releasing an abandoned connection failed", error);
                    return Mono.empty();
                })
                .subscribe();
    }
}
