package io.valence.orm.reactive.internal.connection;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.valence.orm.PoolExhaustedException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the errors of taking and using a connection, one factory per message. */
final class ConnectionErrors {
    /** How r2dbc-pool (1.0.2) words its own acquire timeout, {@code ConnectionPoolConfiguration.maxAcquireTime}. */
    private static final Pattern POOL_TIMEOUT = Pattern.compile("Connection acquisition timed out after (\\d+)ms");

    private ConnectionErrors() {}

    /**
     * No connection became free in time.
     *
     * @param which the timeout that fired, as the message shows it, e.g. {@code 500 ms (the session's acquire timeout, …)}
     * @param maxSize the pool's maximum size, or {@code null} when the connection factory is not a known pool
     * @param timeout how long the session waited
     * @param cause the pool's own timeout error, or {@code null} when the session's timeout fired
     * @return the exception
     */
    static PoolExhaustedException poolExhausted(String which, Integer maxSize, Duration timeout, Throwable cause) {
        String size = maxSize == null ? "" : " (its maximum size is " + maxSize + ")";
        return new PoolExhaustedException("No connection became free within " + which + ". The pool" + size
                + " is exhausted: every connection is held by another session. Likely causes: more concurrent sessions"
                + " than the pool's size (fan-outs wider than the pool run in turns, but a session opened inside"
                + " another session's work on a full pool waits for itself), or sessions that are never closed."
                + " Close sessions (withSession/inTransaction do it for you), enlarge the pool, or raise"
                + " SessionFactory.Builder.acquireTimeout", maxSize, timeout, cause);
    }

    /**
     * How long the session waited when the pool's own acquire timeout fired, read from the pool's
     * error, since r2dbc-pool does not expose its configuration.
     *
     * @param poolTimeout r2dbc-pool's timeout error
     * @param otherwise the wait to report when the error does not say
     * @return the pool's acquire timeout
     */
    static Duration poolsOwnTimeout(Throwable poolTimeout, Duration otherwise) {
        Matcher matcher = POOL_TIMEOUT.matcher(String.valueOf(poolTimeout.getMessage()));
        return matcher.find() ? Duration.ofMillis(Long.parseLong(matcher.group(1))) : otherwise;
    }

    /**
     * The connection was found closed before a statement was sent. A driver error (SQLSTATE 08006,
     * as r2dbc-postgresql reports a closed channel) so that the statement runner translates it as
     * any lost connection, naming the statement.
     *
     * @return the exception
     */
    static R2dbcNonTransientResourceException closedBeforeStatement() {
        return new R2dbcNonTransientResourceException(
                "The connection was closed (by the server or the network) before the statement was sent", "08006");
    }

    /**
     * An operation that was cancelled tried to use its session's connection after the session gave
     * it back to the pool; it is refused so that it cannot run in no transaction or in another
     * session's.
     *
     * @return the exception
     */
    static IllegalStateException usedAfterGivenBack() {
        return new IllegalStateException("This connection was given back to the pool when its session's transaction"
                + " ended; an operation that was cancelled tried to use it afterwards, and was refused");
    }
}
