package io.valence.orm.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The schema Valence creates, read back from PostgreSQL's catalog. */
@ValenceTest(entities = {Parent.class, Child.class, Storage.class, ReservedWords.class})
class SchemaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void everyForeignKeyColumnGetsAnIndexAndParentHasOnlyItsPrimaryKey(SessionFactory factory, ConnectionPool pool) {
        assertThat(factory.schema().ddl()).isNotEmpty(); // asking for the factory creates the schema
        Map<String, List<String>> indexes = query(pool,
                "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('parent', 'child')"
                        + " ORDER BY indexname",
                row -> row.get(0, String.class) + "|" + row.get(1, String.class))
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(line -> line.substring(0, line.indexOf('|')), TreeMap::new,
                        java.util.stream.Collectors.mapping(line -> line.substring(line.indexOf('|') + 1),
                                java.util.stream.Collectors.toList())));
        assertThat(indexes.get("parent")).singleElement().asString().contains("UNIQUE INDEX parent_pkey");
        assertThat(indexes.get("child")).anyMatch(def -> def.contains("(parent_id)") && !def.contains("UNIQUE"));
        assertThat(indexes.get("child")).hasSize(2);
    }

    @Test
    void nullabilityFollowsPrimitivesIdsAndNullableFalse(SessionFactory factory, ConnectionPool pool) {
        assertThat(factory.schema().ddl()).isNotEmpty(); // asking for the factory creates the schema
        List<String> columns = query(pool,
                "SELECT table_name || '.' || column_name || ' ' || is_nullable || ' ' || data_type"
                        + " FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name IN ('parent', 'child', 'populate_existing_storage', 'order')"
                        + " ORDER BY table_name, column_name",
                row -> row.get(0, String.class));
        assertThat(columns).containsExactly(
                "child.id NO bigint",
                "child.parent_id YES bigint",
                "child.value YES character varying",
                "order.id NO bigint",
                "order.select NO integer",
                "order.user NO text",
                "parent.id NO bigint",
                "parent.value YES character varying",
                "populate_existing_storage.id NO bigint",
                "populate_existing_storage.key NO character varying",
                "populate_existing_storage.value NO character varying");
    }

    @Test
    void uniqueColumnAndForeignKeyConstraintsExist(SessionFactory factory, ConnectionPool pool) {
        assertThat(factory.schema().ddl()).isNotEmpty(); // asking for the factory creates the schema
        List<String> constraints = query(pool,
                "SELECT conrelid::regclass::text || ' ' || contype::text FROM pg_constraint"
                        + " WHERE connamespace = 'public'::regnamespace AND contype IN ('u', 'f') ORDER BY 1",
                row -> row.get(0, String.class));
        assertThat(constraints).contains("child f", "populate_existing_storage u");
    }

    @Test
    void reservedWordsWorkAsTableAndColumnNames(SessionFactory factory) {
        Mono<Integer> roundTrip = factory.inTransaction(session -> {
                    session.add(new ReservedWords("alice", 7));
                    return Mono.empty();
                })
                .then(factory.withSession(session -> session.one(Select.from(ReservedWords.class).filterBy("user", "alice"))))
                .map(row -> row.select);
        StepVerifier.create(roundTrip).expectNext(7).expectComplete().verify(TIMEOUT);
    }

    @Test
    void dropRemovesEveryTableAndCreateRestoresThem(SessionFactory factory, ConnectionPool pool) {
        String tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
        factory.schema().drop().block(TIMEOUT);
        assertThat(query(pool, tables, row -> row.get(0, Long.class))).containsExactly(0L);
        factory.schema().create().block(TIMEOUT);
        assertThat(query(pool, tables, row -> row.get(0, Long.class))).containsExactly(4L);
    }

    private static <T> List<T> query(ConnectionPool pool, String sql, java.util.function.Function<io.r2dbc.spi.Row, T> mapper) {
        return Mono.usingWhen(pool.create(),
                        (Connection connection) -> Flux.from(connection.createStatement(sql).execute())
                                .concatMap(result -> result.map((row, metadata) -> mapper.apply(row)))
                                .collectList(),
                        Connection::close)
                .block(TIMEOUT);
    }
}
