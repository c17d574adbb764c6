package io.valence.orm.reactive;

import java.util.List;
import reactor.core.publisher.Mono;

/** The DDL of a factory's entities, for PostgreSQL. */
public interface Schema {
    /**
     * The statements that create the schema, in dependency order.
     *
     * @return CREATE SEQUENCE / TABLE / INDEX statements
     */
    List<String> ddl();

    /**
     * Creates the tables, sequences, constraints and indexes, in one transaction.
     *
     * @return a Mono that completes when the schema exists
     */
    Mono<Void> create();

    /**
     * Drops what {@link #create()} made, in reverse order, in one transaction.
     *
     * @return a Mono that completes when the schema is gone
     */
    Mono<Void> drop();
}
