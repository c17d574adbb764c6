package io.valence.orm.reactive.internal.session;

import io.valence.orm.SchemaDifference;
import io.valence.orm.SchemaMismatchException;
import io.valence.orm.internal.schema.DatabaseCatalog;
import io.valence.orm.internal.schema.SchemaComparison;
import io.valence.orm.internal.schema.SchemaRenderer;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.reactive.Schema;
import io.valence.orm.reactive.internal.connection.TransactionChannel;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the DDL of a factory's entities through one transaction channel, in one transaction, and reads
 * the catalog for {@link #validate()} through one; orm-core's {@link SchemaComparison} decides what differs.
 */
final class DefaultSchema implements Schema {
    private final SessionServices services;

    DefaultSchema(SessionServices services) {
        this.services = services;
    }

    @Override
    public List<String> ddl() {
        return SchemaRenderer.create(services.metamodel());
    }

    @Override
    public Mono<Void> create() {
        return run(SchemaRenderer.create(services.metamodel()));
    }

    @Override
    public Mono<Void> drop() {
        return run(SchemaRenderer.drop(services.metamodel()));
    }

    @Override
    public Mono<Void> validate() {
        List<String> tables = SchemaComparison.tables(services.metamodel());
        return Mono.usingWhen(
                Mono.fromSupplier(services::openChannel),
                channel -> channel.list(DatabaseCatalog.columnsOf(tables), DatabaseCatalog.Column::read)
                        .zipWhen(columns -> channel.list(DatabaseCatalog.indexesOf(tables), DatabaseCatalog.Index::read))
                        .flatMap(catalog -> {
                            List<SchemaDifference> differences = SchemaComparison.compare(
                                    services.metamodel(), new DatabaseCatalog(catalog.getT1(), catalog.getT2()));
                            return differences.isEmpty() ? Mono.<Void>empty() : Mono.error(SchemaMismatchException.of(differences));
                        }),
                TransactionChannel::close,
                (channel, error) -> channel.close(),
                TransactionChannel::close);
    }

    private Mono<Void> run(List<String> statements) {
        return Mono.usingWhen(
                Mono.fromSupplier(services::openChannel),
                channel -> Flux.fromIterable(statements)
                        .concatMap(sql -> channel.update(new SqlStatement(sql, List.of())), 1)
                        .then(channel.commit()),
                channel -> Mono.empty(),
                (channel, error) -> channel.rollback(),
                TransactionChannel::close);
    }
}
