package io.valence.orm.reactive;

import java.util.List;
import reactor.core.publisher.Mono;

/** The DDL of a factory's entities, for PostgreSQL, and its comparison with a database. */
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
     * Compares the database with the mapping: every table, column, column type and nullability, unique
     * constraint and foreign key index the mapping expects (extra nullable columns and extra indexes
     * are fine). Two catalog queries on one connection of this factory, in no transaction; nothing
     * happens until subscribed.
     *
     * @return a Mono that completes when the database matches, or errors with
     *     {@link io.valence.orm.SchemaMismatchException} listing every difference and its fix
     */
    Mono<Void> validate();

    /**
     * Drops what {@link #create()} made, in reverse order, in one transaction.
     *
     * @return a Mono that completes when the schema is gone
     */
    Mono<Void> drop();
}
