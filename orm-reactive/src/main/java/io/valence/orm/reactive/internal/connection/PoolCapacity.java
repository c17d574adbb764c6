package io.valence.orm.reactive.internal.connection;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Optional;

/** Reads how many connections a connection factory can hand out at once, for checks and messages. */
public final class PoolCapacity {
    private PoolCapacity() {}

    /**
     * The maximum size of an r2dbc-pool, if the connection factory is one.
     *
     * @param connectionFactory any connection factory
     * @return the pool's maximum size, or empty when it is not a pool
     */
    public static Optional<Integer> maxSize(ConnectionFactory connectionFactory) {
        if (connectionFactory instanceof ConnectionPool pool) {
            return pool.getMetrics().map(metrics -> metrics.getMaxAllocatedSize());
        }
        return Optional.empty();
    }
}
