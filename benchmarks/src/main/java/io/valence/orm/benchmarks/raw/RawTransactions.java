package io.valence.orm.benchmarks.raw;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Runs work on one pooled connection inside a transaction, as a raw R2DBC user writes it: begin,
 * work, commit (rollback on error or cancel), connection back to the pool.
 */
final class RawTransactions {

    private final ConnectionFactory pool;

    RawTransactions(ConnectionFactory pool) {
        this.pool = pool;
    }

    <T> Mono<T> inTransaction(Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(
                pool.create(),
                connection -> Mono.from(connection.beginTransaction()).then(work.apply(connection)),
                connection -> Mono.from(connection.commitTransaction()).then(Mono.from(connection.close())),
                (connection, error) -> Mono.from(connection.rollbackTransaction()).then(Mono.from(connection.close())),
                connection -> Mono.from(connection.rollbackTransaction()).then(Mono.from(connection.close())));
    }
}
