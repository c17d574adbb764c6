package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.PoolExhaustedException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Issue 20, item 7: a pool exhausted by other sessions fails a session with
 * {@link PoolExhaustedException} (its size and timeout as getters) after the acquire timeout, and
 * leaves that session usable; sessions waiting on a lock another transaction holds, cut by a
 * Reactor timeout or by the factory's {@code lockTimeout}/{@code statementTimeout}, give their
 * connections back while the lock is still held (PostgreSQL's cancel request ends their statement
 * first). After each: no connection acquired, no backend idle in a transaction, no partial graph.
 */
@ValenceTest(maxPoolSize = 2, entities = {Crate.class, Bottle.class})
class HeldLocksAndPoolIT {
    private static final Duration ACQUIRE = Duration.ofMillis(300);

    @Test
    void sessionsFindingThePoolHeldByOtherSessionsFailWithPoolExhaustedAfterTheAcquireTimeoutAndStayUsable(
            SessionFactory injected, ConnectionPool pool) {
        Random random = Faults.random("poolExhaustedBySessions");
        SessionFactory factory = SessionFactory.builder(pool).entities(Crate.class, Bottle.class).acquireTimeout(ACQUIRE).build();
        String batch = Faults.newBatch("exhausted");
        List<ReactiveSession> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // each holds a connection in its open transaction
            ReactiveSession holder = factory.openSession();
            holder.addAll(Crate.withBottles(batch, batch + "-held-" + i, 2).graph());
            holder.flush().block(TIMEOUT);
            holders.add(holder);
        }
        List<ReactiveSession> waiters = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            ReactiveSession waiter = factory.openSession();
            waiters.add(waiter);
            long start = System.nanoTime();
            StepVerifier.create(countOf(waiter, batch))
                    .expectErrorSatisfies(poolExhausted(2, ACQUIRE, "300 ms (the session's acquire timeout"))
                    .verify(TIMEOUT);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(280L, 3_000L);
        }
        assertThat(Faults.acquired(pool)).as("connections held by the two sessions").isEqualTo(2);

        StepVerifier.create(Flux.fromIterable(holders).concatMap(holder -> holder.commit().then(holder.close())))
                .expectComplete()
                .verify(TIMEOUT);
        // nothing was sent for the waiters: no rollback() needed
        for (ReactiveSession waiter : waiters) {
            StepVerifier.create(countOf(waiter, batch).flatMap(count -> waiter.close().thenReturn(count)))
                    .expectNext(2L)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, batch);
    }

    @Test
    void sessionsWaitingOnAHeldTableLockAndCutByATimeoutGiveTheirConnectionsBackWhileTheLockIsHeld(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        Random random = Faults.random("cutWhileLocked");
        String batch = Faults.newBatch("cut-locked");
        int sessions = 3 + random.nextInt(3); // more than the pool holds: some wait for the lock, some for a connection
        Faults.Lock lock = Faults.Lock.take(database, "LOCK TABLE \"crate\" IN ACCESS EXCLUSIVE MODE");
        try {
            Flux<Class<?>> cut = Flux.range(0, sessions)
                    .flatMap(i -> factory.withSession(session -> countOf(session, batch))
                            .timeout(Duration.ofMillis(200 + random.nextInt(200)))
                            .<Class<?>>map(Long::getClass)
                            .onErrorResume(error -> Mono.just(error.getClass())));
            StepVerifier.create(cut.collectList())
                    .assertNext(errors -> assertThat(errors).hasSize(sessions).containsOnly(TimeoutException.class))
                    .expectComplete()
                    .verify(TIMEOUT);
            Faults.assertReleasedWhileLockHeld(pool, database.connectionFactory());
            // the pool serves other work while the lock is still held
            StepVerifier.create(factory.withSession(session -> session.count(Select.from(Bottle.class)
                            .filterBy("code", batch))))
                    .expectNext(0L)
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            lock.release();
        }
        Faults.assertClean(pool);
    }

    @Test
    void flushesWaitingOnAHeldRowLockPastTheLockTimeoutFailWithStatementTimeoutAndGiveTheirConnectionBackWhileTheLockIsHeld(
            SessionFactory injected, ConnectionPool pool, IsolatedDatabase database) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Crate.class, Bottle.class)
                .lockTimeout(Duration.ofMillis(200)).build();
        String batch = Faults.newBatch("lock-timeout");
        Crate crate = Crate.withBottles(batch, batch + "-timed-out", 3);
        ReactiveSession session = factory.openSession();
        session.addAll(crate.graph());
        // the crate's INSERT runs; its bottles' INSERT waits for a bottle code another transaction holds
        Faults.Lock lock = Faults.Lock.take(database, "INSERT INTO \"bottle\" (\"code\") VALUES ('" + crate.bottles.get(2).code + "')");
        try {
            StepVerifier.create(session.flush())
                    .expectErrorSatisfies(timedOut("55P03", true, "INSERT INTO \"bottle\""))
                    .verify(TIMEOUT);
            Faults.assertReleasedWhileLockHeld(pool, database.connectionFactory());
            StepVerifier.create(countOf(session, batch))
                    .expectErrorSatisfies(pendingRollbackAfter("flush()", StatementTimeoutException.class))
                    .verify(TIMEOUT);
        } finally {
            lock.release();
        }
        commitACrateAfterRollback(session, batch);
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, batch);
        assertThat(Faults.crates(pool, batch)).as("crates committed: only the one after rollback()").isOne();
    }

    @Test
    void queriesWaitingOnAHeldTableLockPastTheStatementTimeoutFailWithStatementTimeoutAndGiveTheirConnectionBackWhileTheLockIsHeld(
            SessionFactory injected, ConnectionPool pool, IsolatedDatabase database) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Crate.class, Bottle.class)
                .statementTimeout(Duration.ofMillis(300)).build();
        String batch = Faults.newBatch("statement-timeout");
        ReactiveSession session = factory.openSession();
        Faults.Lock lock = Faults.Lock.take(database, "LOCK TABLE \"crate\" IN ACCESS EXCLUSIVE MODE");
        try {
            StepVerifier.create(countOf(session, batch))
                    .expectErrorSatisfies(timedOut("57014", false, "SELECT count(*) FROM \"crate\""))
                    .verify(TIMEOUT);
            Faults.assertReleasedWhileLockHeld(pool, database.connectionFactory());
            StepVerifier.create(countOf(session, batch))
                    .expectErrorSatisfies(pendingRollbackAfter("count()", StatementTimeoutException.class))
                    .verify(TIMEOUT);
        } finally {
            lock.release();
        }
        commitACrateAfterRollback(session, batch);
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, batch);
    }

    @Test
    void commitsWaitingOnAHeldLockAndCutByATimeoutGiveTheirConnectionBackWhileTheLockIsHeld(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        Faults.deferUniqueCrateCodes(pool);
        String batch = Faults.newBatch("commit-cut");
        Crate crate = Crate.withBottles(batch, batch + "-in-doubt", 2);
        // another transaction holds the crate's code first: the deferred unique check makes COMMIT wait for it
        Faults.Lock lock = Faults.Lock.take(database, "INSERT INTO \"crate\" (\"batch\", \"code\", \"expected\")"
                + " VALUES ('lock', '" + crate.code + "', 0)");
        try {
            StepVerifier.create(factory.inTransaction(session -> {
                                session.addAll(crate.graph());
                                return session.flush();
                            })
                            .timeout(Duration.ofMillis(500)))
                    .expectError(TimeoutException.class)
                    .verify(TIMEOUT);
            Faults.assertReleasedWhileLockHeld(pool, database.connectionFactory());
        } finally {
            lock.release();
        }
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, batch);
    }

    /** The pool's own acquire timeout (shorter than the session's) fires first. */
    @Nested
    @ValenceTest(maxPoolSize = 1, acquireTimeoutMillis = 300, entities = {Crate.class, Bottle.class})
    class WhenThePoolsOwnAcquireTimeoutFiresFirst {
        private String batch;

        @Test
        void aSessionFindingThePoolHeldByAnotherFailsWithPoolExhaustedNamingThePoolsTimeout(
                SessionFactory factory, ConnectionPool pool) {
            exhaustThenRelease(factory, pool, waiter -> StepVerifier.create(waiter.close()).expectComplete().verify(TIMEOUT));
        }

        @Test
        void aSessionFindingThePoolHeldByAnotherStaysUsableWithoutRollbackAfterThePoolsTimeout(
                SessionFactory factory, ConnectionPool pool) {
            exhaustThenRelease(factory, pool, waiter -> StepVerifier.create(countOf(waiter, batch)
                            .flatMap(count -> waiter.close().thenReturn(count)))
                    .expectNext(1L)
                    .expectComplete()
                    .verify(TIMEOUT));
        }

        /** A holder takes the only connection, a waiter fails, the holder commits a crate; then {@code after} with the waiter. */
        private void exhaustThenRelease(SessionFactory factory, ConnectionPool pool, Consumer<ReactiveSession> after) {
            batch = Faults.newBatch("exhausted-pool-timeout");
            ReactiveSession holder = factory.openSession();
            holder.addAll(Crate.withBottles(batch, batch + "-held", 2).graph());
            holder.flush().block(TIMEOUT);
            ReactiveSession waiter = factory.openSession();

            StepVerifier.create(countOf(waiter, batch))
                    .expectErrorSatisfies(poolExhausted(1, ACQUIRE, "the pool's own acquire timeout"))
                    .verify(TIMEOUT);

            StepVerifier.create(holder.commit().then(holder.close())).expectComplete().verify(TIMEOUT);
            after.accept(waiter);
            Faults.assertClean(pool);
            Faults.assertNoPartialGraph(pool, batch);
        }
    }

    /** rollback(), then the session writes and commits a crate of the batch, and closes. */
    private static void commitACrateAfterRollback(ReactiveSession session, String batch) {
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        session.addAll(Crate.withBottles(batch, batch + "-after", 2).graph());
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
    }

    private static Consumer<Throwable> timedOut(String sqlState, boolean lockTimeout, String sql) {
        return error -> {
            assertThat(error).isExactlyInstanceOf(StatementTimeoutException.class);
            StatementTimeoutException timedOut = (StatementTimeoutException) error;
            assertThat(timedOut.sqlState()).isEqualTo(sqlState);
            assertThat(timedOut.isLockTimeout()).isEqualTo(lockTimeout);
            assertThat(timedOut.sql()).contains(sql);
        };
    }

    private static Consumer<Throwable> pendingRollbackAfter(String operation, Class<? extends Throwable> cause) {
        return error -> assertThat(error).isExactlyInstanceOf(PendingRollbackException.class)
                .hasMessageStartingWith("This session's transaction was rolled back because " + operation + " failed")
                .hasCauseInstanceOf(cause);
    }

    private static Mono<Long> countOf(ReactiveSession session, String batch) {
        return session.count(Select.from(Crate.class).filterBy("batch", batch));
    }

    private static Consumer<Throwable> poolExhausted(int maxSize, Duration timeout, String which) {
        return error -> {
            assertThat(error).isExactlyInstanceOf(PoolExhaustedException.class)
                    .hasMessageStartingWith("No connection became free within " + which)
                    .hasMessageContaining("(its maximum size is " + maxSize + ")");
            PoolExhaustedException exhausted = (PoolExhaustedException) error;
            assertThat(exhausted.maxSize()).isEqualTo(OptionalInt.of(maxSize));
            assertThat(exhausted.acquireTimeout()).isEqualTo(timeout);
        };
    }
}
