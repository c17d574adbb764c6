package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.valence.orm.OrmException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * One acquisition of the connection: pool, then hand-over, unless abandoned first. The acquire
 * timeout is armed only when the pool did not answer at once: a free connection, the usual case,
 * costs no timer to schedule and cancel.
 */
final class Acquisition {
    private static final Logger LOG = LoggerFactory.getLogger(Acquisition.class);

    private final SessionConnection owner;
    private final ChannelSettings settings;
    private final MonoSink<LeasedConnection> sink;
    private Disposable pending;
    private Disposable timer;
    private boolean abandoned;
    private boolean handedOver;
    /** The pool answered, with a connection or an error. */
    private boolean settled;

    /**
     * @param owner the session's connection, which takes over the lease
     * @param settings the pool, the acquire timeout and how many closed connections to replace
     * @param sink where the lease or the error goes
     */
    Acquisition(SessionConnection owner, ChannelSettings settings, MonoSink<LeasedConnection> sink) {
        this.owner = owner;
        this.settings = settings;
        this.sink = sink;
    }

    void start() {
        owner.provisioning(true);
        sink.onCancel(this::abandon);
        Disposable subscription = acquire(settings.staleReplacements())
                .onErrorMap(Acquisition::isPoolTimeout, error -> acquireTimedOut("the pool's own acquire"
                        + " timeout (" + error.getMessage() + ")", error))
                .subscribe(this::arrived, this::failed);
        synchronized (this) {
            if (abandoned) {
                subscription.dispose();
            } else if (!settled) {
                pending = subscription;
                timer = Schedulers.parallel().schedule(this::timedOut, settings.acquireTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void timedOut() {
        Disposable toCancel;
        synchronized (this) {
            if (settled || abandoned) {
                return;
            }
            abandoned = true;
            toCancel = pending;
        }
        owner.provisioning(false);
        toCancel.dispose(); // a connection that still arrives goes back to the pool (see arrived)
        sink.error(acquireTimedOut(settings.acquireTimeout().toMillis() + " ms (the session's acquire timeout,"
                + " SessionFactory.Builder.acquireTimeout)", null));
    }

    /** Marks the pool's answer and returns the timer to cancel, if one was armed. */
    private synchronized Disposable settle() {
        settled = true;
        return timer;
    }

    private void arrived(Connection acquired) {
        disposeIfSet(settle());
        LeasedConnection leased = null;
        synchronized (this) {
            if (!abandoned) {
                handedOver = true;
                leased = owner.lease(acquired);
            }
        }
        owner.provisioning(false);
        if (leased == null) {
            SessionConnection.closeQuietly(acquired);
        } else {
            sink.success(leased);
        }
    }

    private void failed(Throwable error) {
        disposeIfSet(settle());
        owner.provisioning(false);
        sink.error(error);
    }

    private void abandon() {
        Disposable toCancel;
        Disposable armed;
        synchronized (this) {
            if (handedOver) {
                return;
            }
            abandoned = true;
            toCancel = pending;
            armed = timer;
        }
        owner.provisioning(false);
        disposeIfSet(toCancel);
        disposeIfSet(armed);
    }

    private static void disposeIfSet(Disposable disposable) {
        if (disposable != null) {
            disposable.dispose();
        }
    }

    /**
     * A connection from the pool, replacing up to {@code replacements} pooled connections that the
     * server closed while they sat idle (a restart, a failover, {@code pg_terminate_backend}):
     * r2dbc-pool's validation on acquire finds them, and since nothing was sent on them, taking the
     * next one is safe.
     */
    private Mono<Connection> acquire(int replacements) {
        Mono<Connection> acquired = Mono.from(settings.connectionFactory().create());
        if (replacements == 0) {
            return acquired;
        }
        return acquired.onErrorResume(Acquisition::isStale, stale -> {
            LOG.debug("A pooled connection was closed by the server while idle; taking another", stale);
            return acquire(replacements - 1);
        });
    }

    /** r2dbc-pool's answer when the connection it was about to hand out failed validation (and was discarded). */
    private static boolean isStale(Throwable error) {
        return error instanceof R2dbcNonTransientResourceException && "Connection validation failed".equals(error.getMessage());
    }

    /** r2dbc-pool reports its own acquire timeout (ConnectionPoolConfiguration.maxAcquireTime) this way. */
    private static boolean isPoolTimeout(Throwable error) {
        return error instanceof R2dbcTimeoutException && String.valueOf(error.getMessage()).startsWith("Connection acquisition");
    }

    /** The error for an exhausted pool, built in one place. */
    private OrmException acquireTimedOut(String which, Throwable cause) {
        Duration timeout = settings.acquireTimeout();
        Duration waited = cause == null ? timeout : ConnectionErrors.poolsOwnTimeout(cause, timeout);
        return ConnectionErrors.poolExhausted(
                which, PoolCapacity.maxSize(settings.connectionFactory()).orElse(null), waited, cause);
    }
}
