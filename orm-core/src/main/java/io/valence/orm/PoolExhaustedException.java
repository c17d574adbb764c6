package io.valence.orm;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * No connection became free within the acquire timeout: every connection of the pool is held by
 * another session. Close sessions (withSession/inTransaction do it for you), enlarge the pool, or
 * raise {@code SessionFactory.Builder.acquireTimeout}. Nothing was sent to the database.
 */
public class PoolExhaustedException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final Integer maxSize;
    private final Duration acquireTimeout;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which pool, and what to do
     * @param maxSize the pool's maximum size, or {@code null} when the connection factory is not a known pool
     * @param acquireTimeout how long the session waited
     * @param cause the pool's own timeout error, or {@code null}
     */
    public PoolExhaustedException(String message, Integer maxSize, Duration acquireTimeout, Throwable cause) {
        super(message, cause);
        this.maxSize = maxSize;
        this.acquireTimeout = acquireTimeout;
    }

    /**
     * The pool's maximum size.
     *
     * @return the size, or empty when the connection factory is not a pool Valence can read
     */
    public OptionalInt maxSize() {
        return maxSize == null ? OptionalInt.empty() : OptionalInt.of(maxSize);
    }

    /**
     * How long the session waited for a connection.
     *
     * @return the acquire timeout
     */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }
}
