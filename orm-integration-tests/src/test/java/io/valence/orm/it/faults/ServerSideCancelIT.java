package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Issue 20, observation 4: a statement cut by a Reactor timeout while it waits for another
 * transaction's lock is cancelled on the server (a PostgreSQL cancel request), and its connection
 * goes back to the pool within a short time, while the lock is still held. Two such sessions on a
 * pool of 2 must not exhaust it.
 */
@ValenceTest(maxPoolSize = 2, entities = Reading.class)
class ServerSideCancelIT {
    private static final Duration CUT = Duration.ofMillis(500);

    @Test
    void queriesBlockedByATableLockAndCutByATimeoutAreCancelledOnTheServerAndGiveTheirConnectionsBack(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String batch = Faults.newBatch("table-lock");
        Faults.insert(factory, batch, 10);
        Faults.Lock lock = Faults.Lock.take(database, "LOCK TABLE \"reading\" IN ACCESS EXCLUSIVE MODE");
        try {
            for (int i = 0; i < 2; i++) {
                StepVerifier.create(factory.withSession(session -> session.scalars(Faults.all(batch)).collectList())
                                .timeout(CUT))
                        .expectError(TimeoutException.class)
                        .verify(CUT.plus(Duration.ofSeconds(2)));
            }

            Faults.assertReleasedWhileLockHeld(pool, database.connectionFactory());
        } finally {
            lock.release();
        }
        StepVerifier.create(factory.withSession(session -> session.count(Faults.all(batch))))
                .expectNext(10L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void flushesBlockedByARowLockAndCutByATimeoutAreCancelledOnTheServerAndGiveTheirConnectionsBack(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String batch = Faults.newBatch("row-lock");
        Faults.insert(factory, batch, 1);
        long id = Objects.requireNonNull(factory.withSession(session -> session.one(Faults.all(batch)))
                        .block(TIMEOUT))
                .id;
        Faults.Lock lock = Faults.Lock.take(database, "SELECT \"id\" FROM \"reading\" WHERE \"id\" = " + id + " FOR UPDATE");
        try {
            for (int i = 0; i < 2; i++) {
                StepVerifier.create(factory.inTransaction(session -> session.get(Reading.class, id)
                                        .flatMap(reading -> {
                                            reading.seq = 99;
                                            return session.flush();
                                        }))
                                .timeout(CUT))
                        .expectError(TimeoutException.class)
                        .verify(CUT.plus(Duration.ofSeconds(2)));
            }

            Faults.assertReleasedWhileLockHeld(pool, database.connectionFactory());
        } finally {
            lock.release();
        }
        StepVerifier.create(factory.withSession(session -> session.get(Reading.class, id).map(reading -> reading.seq)))
                .expectNext(0)
                .expectComplete()
                .verify(TIMEOUT);
    }
}
