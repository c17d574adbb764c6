package io.valence.orm.reactive.internal.session;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.schema.SchemaRenderer;
import io.valence.orm.reactive.Schema;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the DDL of a factory's entities on one connection, in one transaction. */
final class DefaultSchema implements Schema {
    private final ConnectionFactory connectionFactory;
    private final Metamodel metamodel;

    DefaultSchema(ConnectionFactory connectionFactory, Metamodel metamodel) {
        this.connectionFactory = connectionFactory;
        this.metamodel = metamodel;
    }

    @Override
    public List<String> ddl() {
        return SchemaRenderer.create(metamodel);
    }

    @Override
    public Mono<Void> create() {
        return run(SchemaRenderer.create(metamodel));
    }

    @Override
    public Mono<Void> drop() {
        return run(SchemaRenderer.drop(metamodel));
    }

    private Mono<Void> run(List<String> statements) {
        return Mono.usingWhen(
                Mono.from(connectionFactory.create()),
                connection -> Mono.from(connection.beginTransaction())
                        .thenMany(Flux.fromIterable(statements).concatMap(sql -> execute(connection, sql), 1))
                        .then(Mono.from(connection.commitTransaction())),
                Connection::close,
                (connection, error) -> Mono.from(connection.rollbackTransaction()).onErrorResume(e -> Mono.empty())
                        .then(Mono.from(connection.close())),
                Connection::close);
    }

    private static Mono<Long> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.getRowsUpdated())
                .reduce(0L, Long::sum);
    }
}
