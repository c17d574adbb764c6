package io.valence.orm.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.valence.orm.SchemaDifference;
import io.valence.orm.SchemaMismatchException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Schema.validate() against the catalog of a real PostgreSQL: silent on the schema Valence made, precise on drift. */
@ValenceTest(entities = {Parent.class, Child.class, Storage.class, ReservedWords.class})
class SchemaValidationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theSchemaValenceCreatedMatchesItsMapping(SessionFactory factory, ConnectionPool pool) {
        StepVerifier.create(factory.schema().validate()).expectComplete().verify(TIMEOUT);
        assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero();
    }

    @Test
    void aDriftedSchemaFailsWithEveryDifferenceAndItsFix(SessionFactory factory, ConnectionPool pool) {
        run(pool, "ALTER TABLE \"child\" DROP COLUMN \"value\"", "DROP INDEX \"child_parent_id_idx\"",
                "ALTER TABLE \"order\" ALTER COLUMN \"user\" DROP NOT NULL");
        try {
            StepVerifier.create(factory.schema().validate())
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(SchemaMismatchException.class).hasMessageStartingWith(
                                "The database schema does not match the entity mapping (3 differences)");
                        assertThat(((SchemaMismatchException) error).differences()).extracting(SchemaDifference::fix)
                                .containsExactlyInAnyOrder(
                                        "ALTER TABLE \"child\" ADD COLUMN \"value\" varchar(50)",
                                        "CREATE INDEX \"child_parent_id_idx\" ON \"child\" (\"parent_id\")",
                                        "ALTER TABLE \"order\" ALTER COLUMN \"user\" SET NOT NULL, or map it as nullable");
                    })
                    .verify(TIMEOUT);
        } finally {
            run(pool, "ALTER TABLE \"child\" ADD COLUMN \"value\" varchar(50)",
                    "CREATE INDEX \"child_parent_id_idx\" ON \"child\" (\"parent_id\")",
                    "ALTER TABLE \"order\" ALTER COLUMN \"user\" SET NOT NULL");
        }
        assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero();
    }

    private static void run(ConnectionPool pool, String... statements) {
        Mono.usingWhen(pool.create(),
                        (Connection connection) -> Flux.fromArray(statements)
                                .concatMap(sql -> Flux.from(connection.createStatement(sql).execute())
                                        .concatMap(result -> result.getRowsUpdated()))
                                .then(),
                        Connection::close)
                .block(TIMEOUT);
    }
}
