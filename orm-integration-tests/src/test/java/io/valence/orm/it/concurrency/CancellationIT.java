package io.valence.orm.it.concurrency;

import static io.valence.orm.it.concurrency.Marks.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.valence.orm.ConnectionLostException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.HeldOperation;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Cancellation never wedges a session or leaks a connection; a lost connection is reported and recovered from. */
@ValenceTest(entities = {Mark.class, Ticket.class, Voucher.class})
class CancellationIT {

    @Test
    void cancellingAQueryStreamEarlyLeavesTheSessionUsable(SessionFactory factory) {
        String batch = Marks.newBatch("take");
        factory.inTransaction(session -> Marks.write(session, batch, 1, 1_200)).block(TIMEOUT);
        Select<Mark> all = Select.from(Mark.class).filterBy("batch", batch).orderBy("id");

        Mono<Long> afterTake = factory.withSession(session -> session.scalars(all)
                .take(3)
                .count()
                .flatMap(taken -> session.count(all).map(count -> count * 10 + taken)));

        StepVerifier.create(afterTake).expectNext(12_003L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void cancellingAHeldQueryStreamLeavesTheSessionUsableForWrites(SessionFactory factory) {
        String batch = Marks.newBatch("held-cancel");
        factory.inTransaction(session -> Marks.write(session, batch, 1, 50)).block(TIMEOUT);
        ReactiveSession session = factory.openSession();
        HeldOperation<Mark> held = HeldOperation.hold(session.scalars(Select.from(Mark.class).filterBy("batch", batch)));
        held.awaitFirst(TIMEOUT);

        held.cancel();

        StepVerifier.create(Marks.write(session, batch, 2, 1).then(session.commit()).then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(1, 50, 2, 1));
    }

    @Test
    void cancellingAFlushPartWayLeavesTheSessionNeedingRollbackAndItWorksAfterwards(
            SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("flush-cancel");
        ReactiveSession session = factory.openSession();
        Marks.write(session, batch, 1, 1).block(TIMEOUT);
        Blocker blocker = Blocker.holding(pool, "ticket", batch);
        try {
            session.add(new Ticket(batch));
            Disposable flush = session.flush().subscribe();
            Blocker.awaitWaitingForLock(pool);

            flush.dispose();

            StepVerifier.create(session.count(Select.from(Mark.class).filterBy("batch", batch)))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isExactlyInstanceOf(PendingRollbackException.class)
                            .hasMessage("flush() was cancelled part-way, so this session's transaction is in doubt"
                                    + " (some statements may have run). Call rollback() before using the session again"))
                    .verify(TIMEOUT);
            StepVerifier.create(session.commit()).expectError(PendingRollbackException.class).verify(TIMEOUT);
        } finally {
            blocker.close();
        }

        StepVerifier.create(session.rollback().then(Marks.write(session, batch, 3, 1)).then(session.commit())
                        .then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(3, 1));
        StepVerifier.create(factory.withSession(other -> other.count(Select.from(Ticket.class).filterBy("code", batch))))
                .expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void cancelDuringFirstStatementReleasesTheConnection(
            SessionFactory factory, ConnectionPool pool, StatementRecorder recorder) {
        String batch = Marks.newBatch("first-cancel");
        ReactiveSession session = factory.openSession();
        session.add(new Ticket(batch));
        Blocker blocker = Blocker.holding(pool, "ticket", batch);
        recorder.reset();
        Mono<Void> close;
        try {
            Disposable flush = session.flush().subscribe();
            // the session's first statement (sent with its BEGIN) waits on the server for the blocker
            Blocker.awaitWaitingForLock(pool);

            flush.dispose();
            close = session.close().cache();
            close.subscribe(); // its ROLLBACK queues behind the cancelled INSERT, which waits for the blocker
        } finally {
            blocker.close();
        }

        StepVerifier.create(close).expectComplete().verify(TIMEOUT);
        assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero();
        String sessionConnection = recorder.statements().stream()
                .filter(statement -> statement.kind() == StatementKind.INSERT)
                .findFirst()
                .orElseThrow()
                .connectionId();
        List<RecordedStatement> onSessionConnection = recorder.statements().stream()
                .filter(statement -> statement.connectionId().equals(sessionConnection))
                .toList();
        assertThat(onSessionConnection)
                .extracting(RecordedStatement::kind, RecordedStatement::pipelined)
                .containsExactly(
                        tuple(StatementKind.TRANSACTION, false),
                        tuple(StatementKind.INSERT, true),
                        tuple(StatementKind.TRANSACTION, false));
        assertThat(onSessionConnection.get(0).sql()).startsWith("BEGIN");
        assertThat(onSessionConnection.get(2).sql()).startsWith("ROLLBACK");
        StepVerifier.create(factory.withSession(other -> other.count(Select.from(Ticket.class).filterBy("code", batch))))
                .as("the INSERT ran once the blocker let go, inside the session's transaction, and was rolled back")
                .expectNext(0L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aConnectionLostWhileCommitIsInFlightReportsAnUnknownOutcomeUntilRollback(SessionFactory factory, ConnectionPool pool) {
        Blocker.deferUniqueVoucherCodes(pool);
        String batch = Marks.newBatch("commit-lost");
        ReactiveSession session = factory.openSession();
        Blocker blocker = Blocker.holding(pool, "voucher", batch);
        try {
            session.add(new Voucher(batch));
            session.flush().block(TIMEOUT);
            Mono<Void> commit = session.commit().cache();
            commit.subscribe(done -> {}, error -> {});
            Blocker.awaitWaitingForLock(pool);

            terminate(pool, waitingForLockBackend(pool));

            StepVerifier.create(commit)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isExactlyInstanceOf(TransactionOutcomeUnknownException.class)
                            .hasMessageContaining("Whether the transaction was committed is unknown")
                            .hasMessageNotContaining("was rolled back"))
                    .verify(TIMEOUT);
            StepVerifier.create(session.count(Select.from(Voucher.class).filterBy("code", batch)))
                    .expectError(TransactionOutcomeUnknownException.class)
                    .verify(TIMEOUT);
        } finally {
            blocker.close();
        }
        Marks.assertNoneAcquired(pool);

        StepVerifier.create(session.rollback().then(Marks.write(session, batch, 2, 1)).then(session.commit())
                        .then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(2, 1));
    }

    @Test
    void cancellingACommitPartWayLeavesTheSessionNeedingRollbackAndItWorksAfterwards(
            SessionFactory factory, ConnectionPool pool) {
        Blocker.deferUniqueVoucherCodes(pool);
        String batch = Marks.newBatch("commit-cancel");
        ReactiveSession session = factory.openSession();
        Blocker blocker = Blocker.holding(pool, "voucher", batch);
        try {
            // inserted after the blocker's row, so the deferred check at COMMIT must wait for the blocker
            session.add(new Voucher(batch));
            session.flush().block(TIMEOUT);
            Disposable commit = session.commit().subscribe();
            Blocker.awaitWaitingForLock(pool);

            commit.dispose();

            StepVerifier.create(session.get(Voucher.class, 1L))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isExactlyInstanceOf(PendingRollbackException.class)
                            .hasMessage("commit() was cancelled part-way, so this session's transaction is in doubt"
                                    + " (some statements may have run). Call rollback() before using the session again"))
                    .verify(TIMEOUT);
        } finally {
            blocker.close();
        }

        StepVerifier.create(session.rollback().then(Marks.write(session, batch, 2, 1)).then(session.commit())
                        .then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(2, 1));
        // the cancelled COMMIT had reached the server: once the blocker gave way it committed. That is
        // what "in doubt" means, and why the session asks for rollback() instead of guessing
        StepVerifier.create(factory.withSession(other -> other.count(Select.from(Voucher.class).filterBy("code", batch))))
                .expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void connectionKilledByTheServerMidTransactionGivesAClearErrorAndAfterRollbackTheSessionContinuesOnAFreshConnection(
            SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("killed");
        ReactiveSession session = factory.openSession();
        Marks.write(session, batch, 1, 3).block(TIMEOUT);
        int killed = idleInTransactionBackend(pool);
        terminate(pool, killed);

        // the driver reports the server's FATAL (57P01) when it reads that message before it sees the
        // socket close (08006): which comes first is a matter of timing, and both mean the same
        StepVerifier.create(Marks.write(session, batch, 2, 3))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(ConnectionLostException.class);
                    assertThat(((ConnectionLostException) error).sqlState()).isIn("08006", "57P01");
                    assertThat(((ConnectionLostException) error).sql()).contains("INSERT INTO \"mark\"");
                })
                .verify(TIMEOUT);
        StepVerifier.create(session.count(Select.from(Mark.class).filterBy("batch", batch)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(PendingRollbackException.class)
                        .hasMessageContaining("Call rollback() before using the session again"))
                .verify(TIMEOUT);

        StepVerifier.create(session.rollback().then(Marks.write(session, batch, 3, 2))).expectComplete().verify(TIMEOUT);
        assertThat(idleInTransactionBackend(pool)).as("the session's new backend").isNotEqualTo(killed);
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);

        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(3, 2));
        Marks.assertNoneAcquired(pool);
        StepVerifier.create(factory.withSession(other -> other.count(Select.from(Mark.class).filterBy("batch", batch))))
                .expectNext(2L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void twoHundredSessionsWithRandomTimeoutsOnAPoolOfFourLeaveNoConnectionAcquiredAndOnlyCommittedWork(
            SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("timeouts");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<Integer> commitStarted = ConcurrentHashMap.newKeySet();
        Set<Integer> committed = ConcurrentHashMap.newKeySet();
        Set<Integer> timedOut = ConcurrentHashMap.newKeySet();
        Set<Integer> flushed = ConcurrentHashMap.newKeySet();
        List<Mono<Void>> sessions = new ArrayList<>();
        for (int owner = 0; owner < 200; owner++) {
            int id = owner;
            Sinks.One<Boolean> firstFlushDone = Sinks.one();
            // every tenth session has no deadline, so some work surely commits; one in ten more is
            // cancelled the moment its first flush is done, so some work surely stops in the middle
            // however fast or slow the machine runs; the others get 1 to 60 ms
            Mono<?> deadline = switch (owner % 10) {
                case 0 -> Mono.delay(TIMEOUT);
                case 5 -> firstFlushDone.asMono();
                default -> Mono.delay(Duration.ofMillis(1 + random.nextInt(60)));
            };
            Runnable onFirstFlush = () -> {
                flushed.add(id);
                firstFlushDone.tryEmitValue(true);
            };
            Mono<Void> work = factory.withSession(session -> sessionWork(session, batch, id, onFirstFlush)
                            .then(session.commit().doOnSubscribe(s -> commitStarted.add(id)))
                            .doOnSuccess(done -> committed.add(id)))
                    .timeout(deadline)
                    .onErrorResume(TimeoutException.class, timeout -> Mono.fromRunnable(() -> timedOut.add(id)));
            sessions.add(work);
        }

        StepVerifier.create(Flux.merge(sessions)).as("seed " + seed).expectComplete().verify(TIMEOUT);

        Marks.assertNoneAcquired(pool);
        Map<Integer, Integer> rows = Marks.committed(factory, batch);
        // a session can also time out after its COMMIT, while closing: it counts as committed
        assertThat(committed).as("committed sessions, seed " + seed).isNotEmpty();
        assertThat(timedOut).as("sessions cancelled in the middle of their work, seed " + seed)
                .containsAnyElementsOf(flushed);
        assertThat(rows.values()).as("rows per session: all or nothing, seed " + seed).containsOnly(3);
        assertThat(rows.keySet()).as("sessions with rows, seed " + seed)
                .containsAll(committed)
                .isSubsetOf(commitStarted);
    }

    /** Writes three rows, with a query before, between or after, so a timeout lands mid-query or mid-flush. */
    private static Mono<Void> sessionWork(ReactiveSession session, String batch, int owner, Runnable firstFlushDone) {
        Select<Mark> mine = Select.from(Mark.class).filterBy("batch", batch).filterBy("owner", owner);
        return switch (owner % 3) {
            case 0 -> Marks.write(session, batch, owner, 3).doOnSuccess(done -> firstFlushDone.run());
            case 1 -> Marks.write(session, batch, owner, 3)
                    .doOnSuccess(done -> firstFlushDone.run())
                    .thenMany(session.scalars(mine).take(2))
                    .then();
            default -> session.count(Select.from(Mark.class).filterBy("batch", batch))
                    .then(Marks.write(session, batch, owner, 2))
                    .doOnSuccess(done -> firstFlushDone.run())
                    .then(session.scalars(mine).collectList())
                    .then(Marks.write(session, batch, owner, 1));
        };
    }

    /** The pid of the one backend of this database that waits for a lock: the session's, behind the blocker. */
    private static int waitingForLockBackend(ConnectionPool pool) {
        return backend(pool, "wait_event_type = 'Lock'");
    }

    /** The pid of the one backend of this database that sits idle in a transaction: the session's. */
    private static int idleInTransactionBackend(ConnectionPool pool) {
        return backend(pool, "state = 'idle in transaction'");
    }

    private static int backend(ConnectionPool pool, String condition) {
        List<Integer> pids = Flux.usingWhen(pool.create(),
                        connection -> Flux.from(connection.createStatement("SELECT pid FROM pg_stat_activity"
                                        + " WHERE datname = current_database() AND " + condition
                                        + " AND pid <> pg_backend_pid()").execute())
                                .flatMap(result -> result.map(row -> row.get(0, Integer.class))),
                        Connection::close)
                .collectList()
                .block(TIMEOUT);
        assertThat(pids).as("backends where " + condition).hasSize(1);
        return pids.get(0);
    }

    private static void terminate(ConnectionPool pool, int pid) {
        Boolean terminated = Mono.usingWhen(pool.create(),
                        connection -> Mono.from(connection.createStatement("SELECT pg_terminate_backend($1, 5000)")
                                        .bind(0, pid).execute())
                                .flatMap(result -> Mono.from(result.map(row -> row.get(0, Boolean.class)))),
                        Connection::close)
                .block(TIMEOUT);
        assertThat(terminated).isTrue();
    }
}
