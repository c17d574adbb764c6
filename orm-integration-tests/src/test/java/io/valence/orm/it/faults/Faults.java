package io.valence.orm.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Set-up and checks shared by the fault tests: batches of rows, the pool's acquired count, backends' states. */
final class Faults {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Faults() {}

    /** A batch name no other test of the class uses. */
    static String newBatch(String test) {
        return test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A seed for a test's random choices, printed so that a failing run can be replayed with -Dfaults.seed=…. */
    static long seed(String test) {
        String given = System.getProperty("faults.seed");
        long seed = given != null ? Long.parseLong(given) : System.nanoTime();
        System.out.println(test + ": seed " + seed + " (replay with -Dfaults.seed=" + seed + ")");
        return seed;
    }

    /** Commits {@code count} rows of a batch. Test set-up, so it blocks. */
    static void insert(SessionFactory factory, String batch, int count) {
        factory.inTransaction(session -> {
                    IntStream.range(0, count).forEach(seq -> session.add(new Reading(batch, seq)));
                    return session.flush();
                })
                .block(TIMEOUT);
    }

    /** Every row of a batch, in order. */
    static Select<Reading> all(String batch) {
        return Select.from(Reading.class).filterBy("batch", batch).orderBy("id");
    }

    /** The number of committed rows of a batch, read in a fresh session. */
    static long committed(SessionFactory factory, String batch) {
        return Objects.requireNonNull(factory.withSession(session -> session.count(Select.from(Reading.class)
                        .filterBy("batch", batch)))
                .block(TIMEOUT));
    }

    /** The number of connections the pool has handed out and not got back. */
    static int acquired(ConnectionPool pool) {
        return pool.getMetrics().orElseThrow().acquiredSize();
    }

    /** Polls the acquired count for {@code within}, and returns it: 0 as soon as every connection is back. */
    static int acquiredAfter(ConnectionPool pool, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (acquired(pool) > 0 && System.nanoTime() < deadline) {
            sleep(10);
        }
        return acquired(pool);
    }

    /** Fails unless every connection is back in the pool within 5 s (releases after a cancel run asynchronously). */
    static void assertNoneAcquired(ConnectionPool pool) {
        assertThat(acquiredAfter(pool, Duration.ofSeconds(5))).as("connections still acquired from the pool").isZero();
    }

    /** Fails if a backend of this database sits idle in a transaction (a transaction nobody will end). */
    static void assertNoIdleInTransaction(ConnectionPool pool) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long idle = idleInTransaction(pool);
        while (idle > 0 && System.nanoTime() < deadline) {
            sleep(10);
            idle = idleInTransaction(pool);
        }
        assertThat(idle).as("backends idle in transaction").isZero();
    }

    private static long idleInTransaction(ConnectionPool pool) {
        return count(pool, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'");
    }

    /** Runs a query returning one bigint on a connection of the pool, outside any session. Test set-up. */
    static long count(ConnectionPool pool, String sql) {
        return Objects.requireNonNull(Mono.usingWhen(pool.create(), connection -> Flux.from(connection.createStatement(sql)
                                .execute())
                        .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                        .next(), Connection::close)
                .block(TIMEOUT));
    }

    /** Runs SQL statements on a connection of the pool, outside any session, ignoring their results. Test set-up. */
    static List<Long> run(ConnectionPool pool, String sql) {
        return Objects.requireNonNull(Mono.usingWhen(pool.create(), connection -> Flux.from(connection.createStatement(sql)
                                .execute())
                        .flatMap(result -> result.getRowsUpdated())
                        .collectList(), Connection::close)
                .block(TIMEOUT));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
