package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.ConnectionLostException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Issue 20, observation 6 ("scalars, count and execute mark the session as needing rollback after a
 * database error; get, refresh, merge and fetch do not"): for every operation that sends a
 * statement, a database failure of that statement (the session's backend terminated, or the
 * factory's {@code statementTimeout} over a statement blocked by a held lock) reaches the caller
 * with its type, and the session's next operation fails with {@link PendingRollbackException}
 * naming the failed operation until {@code rollback()}; then the same operation runs. After each:
 * no connection acquired, no backend idle in a transaction, no partial graph committed.
 */
@ValenceTest(entities = {Crate.class, Bottle.class, SessionBackend.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationFailuresIT {
    private Random random;

    /** The operations, each set up on a session (which may load what it needs) and returned ready to run. */
    enum Operation {
        GET("get()", (session, fixture) -> () -> session.get(Crate.class, fixture.crateId())), // a miss: it queries
        REFRESH("refresh()", (session, fixture) -> {
            Crate crate = fixture.load(session);
            return () -> session.refresh(crate);
        }),
        MERGE("merge()", (session, fixture) -> () -> session.merge(fixture.detached())), // its row is not in the session
        FETCH("fetch()", (session, fixture) -> {
            Crate crate = fixture.load(session);
            return () -> session.fetch(crate, "bottles");
        }),
        SCALARS("scalars()", (session, fixture) -> () -> session.scalars(Select.from(Crate.class)
                .filterBy("batch", fixture.batch()))),
        COUNT("count()", (session, fixture) -> () -> session.count(Select.from(Crate.class)
                .filterBy("batch", fixture.batch()))),
        EXECUTE("execute()", (session, fixture) -> () -> session.execute(Insert.into(Crate.class)
                .values(Map.of("batch", fixture.batch(), "code", fixture.batch() + "-inserted", "expected", 0))
                .returning())),
        GET_OR_CREATE("getOrCreate()", (session, fixture) -> () -> session.getOrCreate(Crate.class,
                Map.of("code", fixture.batch() + "-created"), Map.of("batch", fixture.batch(), "expected", 0)));

        private final String method;
        private final BiFunction<ReactiveSession, Fixture, Supplier<Publisher<?>>> setUp;

        Operation(String method, BiFunction<ReactiveSession, Fixture, Supplier<Publisher<?>>> setUp) {
            this.method = method;
            this.setUp = setUp;
        }
    }

    /** A committed crate with bottles, and the same crate detached (loaded by a session that closed). */
    record Fixture(String batch, long crateId, Crate detached) {
        static Fixture commit(SessionFactory factory, String batch, int bottles) {
            Crate crate = Crate.withBottles(batch, batch + "-fixture", bottles);
            factory.inTransaction(session -> {
                        session.addAll(crate.graph());
                        return session.flush();
                    })
                    .block(TIMEOUT);
            Crate detached = factory.withSession(session -> session.get(Crate.class, crate.id)).block(TIMEOUT);
            return new Fixture(batch, crate.id, Objects.requireNonNull(detached));
        }

        Crate load(ReactiveSession session) {
            return Objects.requireNonNull(session.get(Crate.class, crateId).block(TIMEOUT));
        }
    }

    @BeforeAll
    void view(SessionFactory factory, ConnectionPool pool) {
        Faults.mapSessionBackendToView(pool);
        random = Faults.random("OperationFailuresIT");
    }

    @ParameterizedTest(name = "{0} whose connection is lost")
    @EnumSource(Operation.class)
    void anOperationWhoseBackendIsTerminatedFailsWithConnectionLostAndTheSessionAsksForRollbackNamingIt(
            Operation operation, SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        Fixture fixture = Fixture.commit(factory, Faults.newBatch("lost-" + operation), 1 + random.nextInt(4));
        ReactiveSession session = factory.openSession();
        Supplier<Publisher<?>> run = operation.setUp.apply(session, fixture);
        int pid = Faults.backendOf(session); // the transaction is open, on this backend
        Faults.terminate(database.connectionFactory(), pid);

        StepVerifier.create(run.get())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ConnectionLostException.class))
                .verify(TIMEOUT);
        assertAsksForRollbackNaming(session, fixture, operation, ConnectionLostException.class);

        runsAgainAfterRollback(session, run);
        assertThat(Faults.backendOf(session)).as("the session's backend after rollback()").isNotEqualTo(pid);
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, fixture.batch());
    }

    @ParameterizedTest(name = "{0} past the statement timeout")
    @EnumSource(Operation.class)
    void anOperationBlockedPastTheStatementTimeoutFailsWithStatementTimeoutAndTheSessionAsksForRollbackNamingIt(
            Operation operation, SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        SessionFactory limited = SessionFactory.builder(pool).entities(Crate.class, Bottle.class, SessionBackend.class)
                .statementTimeout(Duration.ofMillis(300)).build();
        Fixture fixture = Fixture.commit(factory, Faults.newBatch("timeout-" + operation), 1 + random.nextInt(4));
        ReactiveSession session = limited.openSession();
        Supplier<Publisher<?>> run = operation.setUp.apply(session, fixture);
        // ends the transaction the set-up may have opened: its own locks would hold the LOCK below
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        Faults.Lock lock = Faults.Lock.take(database, "LOCK TABLE \"crate\", \"bottle\" IN ACCESS EXCLUSIVE MODE");
        try {
            StepVerifier.create(run.get())
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(StatementTimeoutException.class);
                        assertThat(((StatementTimeoutException) error).sqlState()).isEqualTo("57014");
                    })
                    .verify(TIMEOUT);
            Faults.assertReleasedWhileLockHeld(pool, database.connectionFactory());
            assertAsksForRollbackNaming(session, fixture, operation, StatementTimeoutException.class);
        } finally {
            lock.release();
        }

        runsAgainAfterRollback(session, run);
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, fixture.batch());
    }

    /** The next operation (a count) fails with PendingRollbackException naming the failed one, with its error as cause. */
    private static void assertAsksForRollbackNaming(
            ReactiveSession session, Fixture fixture, Operation failed, Class<? extends Throwable> cause) {
        StepVerifier.create(session.count(Select.from(Crate.class).filterBy("batch", fixture.batch())))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(PendingRollbackException.class)
                        .hasMessageStartingWith("This session's transaction was rolled back because " + failed.method + " failed")
                        .hasMessageContaining("Call rollback() before using the session again")
                        .hasCauseInstanceOf(cause))
                .verify(TIMEOUT);
    }

    /** After rollback(), the operation that failed runs to its end. */
    private static void runsAgainAfterRollback(ReactiveSession session, Supplier<Publisher<?>> run) {
        StepVerifier.create(session.rollback().thenMany(Flux.from(run.get())).then())
                .expectComplete()
                .verify(TIMEOUT);
    }
}
