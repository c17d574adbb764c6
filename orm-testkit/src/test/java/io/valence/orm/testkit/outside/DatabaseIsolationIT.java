package io.valence.orm.testkit.outside;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Two test classes (nested, in one JVM) each create a table {@code t}: neither sees the other's.
 * Lives outside the testkit's package, as users' tests do, so only the public API is used.
 */
@ValenceTest
class DatabaseIsolationIT {

    private static final Set<String> DATABASES_SEEN = ConcurrentHashMap.newKeySet();

    private static void createTableAndSeeOnlyOwnRows(ConnectionPool pool, IsolatedDatabase database, String marker) {
        assertThat(DATABASES_SEEN.add(database.name())).as("each class has a database of its own").isTrue();

        Mono<List<String>> work = Mono.usingWhen(
                pool.create(),
                connection -> execute(connection, "CREATE TABLE t (marker text)")
                        .then(execute(connection, "INSERT INTO t VALUES ('" + marker + "')"))
                        .then(strings(connection, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'")
                                .concatWith(strings(connection, "SELECT marker FROM t"))
                                .collectList()),
                Connection::close);

        StepVerifier.create(work).expectNext(List.of("t", marker)).expectComplete().verify(Duration.ofSeconds(30));
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    private static Flux<String> strings(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class)));
    }

    @Nested
    class FirstClass {
        @Test
        void seesOnlyItsOwnTableAndRows(ConnectionPool pool, IsolatedDatabase database) {
            createTableAndSeeOnlyOwnRows(pool, database, "first");
        }
    }

    @Nested
    class SecondClass {
        @Test
        void seesOnlyItsOwnTableAndRows(ConnectionPool pool, IsolatedDatabase database) {
            createTableAndSeeOnlyOwnRows(pool, database, "second");
        }
    }
}
