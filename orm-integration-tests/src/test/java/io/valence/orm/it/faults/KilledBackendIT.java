package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.ConnectionLostException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

/**
 * Issue 20, item 7: the server ends the session's own backend ({@code pg_terminate_backend}) at each
 * moment of its work. Before the session's first statement nothing was sent, so the pool replaces
 * the connection and the caller sees nothing; during a statement, a stream or a flush the caller
 * gets a {@link ConnectionLostException}, and during COMMIT a {@link TransactionOutcomeUnknownException};
 * then the session asks for {@code rollback()} and afterwards works on a fresh connection. After
 * each: no connection acquired, no backend idle in a transaction, no partial graph committed.
 * The pool holds one connection, so the session's backend is the pool's; observers connect outside it.
 */
@ValenceTest(maxPoolSize = 1, entities = {Crate.class, Bottle.class, Reading.class, SessionBackend.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledBackendIT {
    /** More rows than one slice of a stream read with bounded demand (5,000), so a held stream has a round trip left. */
    private static final int STREAM_ROWS = 5_500;

    private String readings;
    private Random random;

    @BeforeAll
    void schemaAndRows(SessionFactory factory, ConnectionPool pool) {
        Faults.deferUniqueCrateCodes(pool);
        Faults.mapSessionBackendToView(pool);
        readings = Faults.newBatch("killed-stream");
        Faults.insert(factory, readings, STREAM_ROWS);
        random = Faults.random("KilledBackendIT");
    }

    @RepeatedTest(3)
    void aPooledConnectionKilledBeforeTheSessionsFirstStatementIsReplacedWithoutAnError(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        ReactiveSession warm = factory.openSession();
        int killed = Faults.backendOf(warm);
        StepVerifier.create(warm.close()).expectComplete().verify(TIMEOUT);
        Faults.terminate(database.connectionFactory(), killed);
        Faults.sleep(200); // for the pool's socket to see the close, as a restart would leave it

        ReactiveSession session = factory.openSession();
        String batch = Faults.newBatch("killed-idle");
        assertThat(Faults.backendOf(session)).as("the session's backend after the kill").isNotEqualTo(killed);
        session.addAll(Crate.withBottles(batch, batch, 2).graph());
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertCleanWithCrates(pool, batch, 1);
    }

    @RepeatedTest(3)
    void aBackendKilledBetweenStatementsFailsTheNextStatementWithConnectionLostAndTheSessionRecovers(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String batch = Faults.newBatch("killed-between");
        ReactiveSession session = factory.openSession();
        session.addAll(Crate.withBottles(batch, batch + "-lost", 2).graph());
        int killed = Faults.backendOf(session); // the autoflush wrote the crate first
        Faults.terminate(database.connectionFactory(), killed);

        StepVerifier.create(session.count(Select.from(Crate.class).filterBy("batch", batch)))
                .expectErrorSatisfies(connectionLost("SELECT"))
                .verify(TIMEOUT);
        recoverOnAFreshConnection(session, killed, batch, "count()");
        assertCleanWithCrates(pool, batch, 1);
    }

    @RepeatedTest(3)
    void aBackendKilledMidStreamFailsTheStreamWithConnectionLostAndTheSessionRecovers(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String batch = Faults.newBatch("killed-stream");
        ReactiveSession session = factory.openSession();
        int killed = Faults.backendOf(session);
        int firstRows = 1 + random.nextInt(100);
        AtomicInteger rows = new AtomicInteger();

        // the first slice of rows is on its way; the stream waits for its consumer, the server for the next fetch
        StepVerifier.create(session.scalars(Faults.all(readings)).doOnNext(row -> rows.incrementAndGet()), firstRows)
                .expectNextCount(firstRows)
                .then(() -> Faults.terminate(database.connectionFactory(), killed))
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(row -> true)
                .expectErrorSatisfies(connectionLost("SELECT"))
                .verify(TIMEOUT);
        assertThat(rows.get()).as("rows read before the stream failed").isBetween(firstRows, STREAM_ROWS - 1);
        recoverOnAFreshConnection(session, killed, batch, "scalars()");
        assertCleanWithCrates(pool, batch, 1);
    }

    @RepeatedTest(3)
    void aBackendKilledMidFlushFailsTheFlushWithConnectionLostAndCommitsNoPartialGraph(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String batch = Faults.newBatch("killed-flush");
        ReactiveSession session = factory.openSession();
        int killed = Faults.backendOf(session);
        Crate crate = Crate.withBottles(batch, batch + "-lost", 2 + random.nextInt(4));
        session.addAll(crate.graph());
        // the crate's INSERT runs; its bottles' INSERT waits for a bottle code another transaction holds
        Faults.Lock lock = Faults.Lock.take(database, "INSERT INTO \"bottle\" (\"code\") VALUES ('" + crate.bottles.get(1).code + "')");
        try {
            StepVerifier.create(session.flush())
                    .then(() -> {
                        ConnectionFactory observer = database.connectionFactory();
                        assertThat(Faults.awaitLockWait(observer, "%INSERT INTO \"bottle\"%")).isEqualTo(killed);
                        Faults.terminate(observer, killed);
                    })
                    .expectErrorSatisfies(connectionLost("INSERT INTO \"bottle\""))
                    .verify(TIMEOUT);
        } finally {
            lock.release();
        }
        recoverOnAFreshConnection(session, killed, batch, "flush()");
        assertCleanWithCrates(pool, batch, 1);
    }

    @RepeatedTest(3)
    void aBackendKilledWhileCommitIsInFlightReportsTheOutcomeUnknownUntilRollback(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String batch = Faults.newBatch("killed-commit");
        ReactiveSession session = factory.openSession();
        int killed = Faults.backendOf(session);
        Crate crate = Crate.withBottles(batch, batch + "-unknown", 3);
        // another transaction holds the crate's code first: the deferred unique check makes COMMIT wait for it
        Faults.Lock lock = Faults.Lock.take(database, "INSERT INTO \"crate\" (\"batch\", \"code\", \"expected\")"
                + " VALUES ('lock', '" + crate.code + "', 0)");
        try {
            session.addAll(crate.graph());
            session.flush().block(TIMEOUT);
            StepVerifier.create(session.commit())
                    .then(() -> {
                        ConnectionFactory observer = database.connectionFactory();
                        assertThat(Faults.awaitLockWait(observer, "COMMIT")).isEqualTo(killed);
                        Faults.terminate(observer, killed);
                    })
                    .expectErrorSatisfies(KilledBackendIT::outcomeUnknown)
                    .verify(TIMEOUT);
        } finally {
            lock.release();
        }
        // until rollback(), every operation repeats that the outcome is unknown
        StepVerifier.create(session.count(Select.from(Crate.class).filterBy("batch", batch)))
                .expectErrorSatisfies(KilledBackendIT::outcomeUnknown)
                .verify(TIMEOUT);
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        assertThat(Faults.backendOf(session)).as("the session's backend after rollback()").isNotEqualTo(killed);
        session.addAll(Crate.withBottles(batch, batch + "-after", 2).graph());
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        // the server ended the backend before its COMMIT finished: the transaction was rolled back there
        assertCleanWithCrates(pool, batch, 1);
    }

    /**
     * After a lost connection: the session asks for rollback() naming the failed operation, then
     * runs on a new backend and commits a crate.
     */
    private void recoverOnAFreshConnection(ReactiveSession session, int killed, String batch, String failed) {
        StepVerifier.create(session.count(Select.from(Crate.class).filterBy("batch", batch)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(PendingRollbackException.class)
                        .hasMessageStartingWith("This session's transaction was rolled back because " + failed + " failed")
                        .hasCauseInstanceOf(ConnectionLostException.class))
                .verify(TIMEOUT);
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        assertThat(Faults.backendOf(session)).as("the session's backend after rollback()").isNotEqualTo(killed);
        session.addAll(Crate.withBottles(batch, batch + "-after", 2).graph());
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
    }

    /** The statement's error: the connection was lost (57P01 read from the server, or 08006 from the closed socket). */
    private static Consumer<Throwable> connectionLost(String sqlStart) {
        return error -> {
            assertThat(error).isInstanceOf(ConnectionLostException.class)
                    .hasMessageStartingWith("The connection to the database was lost")
                    .hasMessageContaining("call rollback()");
            ConnectionLostException lost = (ConnectionLostException) error;
            assertThat(lost.sqlState()).isIn("57P01", "08006");
            assertThat(lost.sql()).contains(sqlStart);
        };
    }

    private static void outcomeUnknown(Throwable error) {
        assertThat(error).isInstanceOf(TransactionOutcomeUnknownException.class)
                .hasMessageContaining("unknown")
                .hasMessageContaining("rollback()")
                .hasMessageNotContaining("was rolled back")
                .hasMessageNotContaining("nothing of it was committed");
        assertThat(((TransactionOutcomeUnknownException) error).sql()).isEqualTo("COMMIT");
    }

    /** Clean pool and backends, no partial graph, and {@code crates} crates of the batch committed. */
    private static void assertCleanWithCrates(ConnectionPool pool, String batch, long crates) {
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, batch);
        assertThat(Faults.crates(pool, batch)).as("committed crates of " + batch).isEqualTo(crates);
    }
}
