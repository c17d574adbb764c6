package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Issue 20, observation 3: pooled connections that the server closed while they sat idle in the
 * pool are replaced without the caller seeing an error, since nothing had been sent on them yet.
 */
@ValenceTest(maxPoolSize = 4, entities = Reading.class)
class KilledIdleConnectionsIT {

    @Test
    void sessionsAfterTheServerKilledEveryIdlePooledConnectionSucceedOnFreshConnections(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String batch = Faults.newBatch("killed-idle");
        Faults.insert(factory, batch, 3);
        warmUp(pool, 4);
        assertThat(pool.getMetrics().orElseThrow().idleSize()).as("idle pooled connections before the kill").isEqualTo(4);

        long killed = terminateIdleBackends(database);
        assertThat(killed).as("idle backends terminated").isEqualTo(4);
        awaitBackendsGone(database);

        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            factory.withSession(session -> session.count(Faults.all(batch)))
                    .doOnError(failures::add)
                    .onErrorResume(error -> Mono.empty())
                    .block(TIMEOUT);
        }
        System.out.println("sessions failing after 4 idle connections were killed: " + failures.size()
                + (failures.isEmpty() ? "" : " (first: " + failures.get(0) + ")"));
        assertThat(failures).as("sessions that saw an error").isEmpty();
        StepVerifier.create(factory.withSession(session -> session.count(Faults.all(batch))))
                .expectNext(3L)
                .expectComplete()
                .verify(TIMEOUT);
        Faults.assertNoneAcquired(pool);
    }

    /** Makes the pool open {@code count} connections and leaves them idle in it. */
    private static void warmUp(ConnectionPool pool, int count) {
        List<Connection> held = Flux.range(0, count).flatMap(i -> pool.create()).collectList().block(TIMEOUT);
        Flux.fromIterable(Objects.requireNonNull(held)).concatMap(Connection::close).blockLast(TIMEOUT);
    }

    /** Terminates this database's idle backends from a connection outside the pool; returns how many. */
    static long terminateIdleBackends(IsolatedDatabase database) {
        return Objects.requireNonNull(Mono.usingWhen(database.connectionFactory().create(),
                        connection -> Flux.from(connection.createStatement("SELECT count(pg_terminate_backend(pid))"
                                                + " FROM pg_stat_activity WHERE datname = current_database()"
                                                + " AND pid <> pg_backend_pid() AND state = 'idle'")
                                        .execute())
                                .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                                .next(),
                        Connection::close)
                .block(TIMEOUT));
    }

    /**
     * Waits until the terminated backends are gone on the server, and a moment more for the pool's
     * sockets to see the close (the server sends its FATAL and closes the socket; the driver reads
     * both asynchronously).
     */
    static void awaitBackendsGone(IsolatedDatabase database) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Long others = Mono.usingWhen(database.connectionFactory().create(),
                            connection -> Flux.from(connection.createStatement("SELECT count(*) FROM pg_stat_activity"
                                                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")
                                            .execute())
                                    .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                                    .next(),
                            Connection::close)
                    .block(TIMEOUT);
            if (others != null && others == 0) {
                Faults.sleep(200);
                return;
            }
            Faults.sleep(10);
        }
        throw new AssertionError("The terminated backends did not go away within " + TIMEOUT);
    }
}
