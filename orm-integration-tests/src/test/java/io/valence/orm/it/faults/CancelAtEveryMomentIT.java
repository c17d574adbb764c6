package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.valence.orm.SessionClosedException;
import io.valence.orm.it.faults.CancelRound.Left;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Select;
import io.valence.orm.query.Update;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Issue 20, item 7: a cancel at every moment of a session's life (acquiring its connection, its
 * first statement with BEGIN, a statement blocked on the server, a stream, a flush, COMMIT, close)
 * leaves the session usable (a cancelled query) or asking for {@code rollback()} (a cancelled
 * write), never wedged; and after each round no connection is acquired, no backend is idle in a
 * transaction, and no crate is committed without all of its bottles. Each test draws its pauses
 * (0 to 5 ms) and choices from a printed seed: replay with {@code -Dfaults.seed=…}.
 */
@ValenceTest(maxPoolSize = 3, entities = {Crate.class, Bottle.class, Reading.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancelAtEveryMomentIT {
    private static final int STREAM_ROWS = 300;
    private static final String FLUSH = "flush()";
    private static final String COMMIT = "commit()";
    private static final String EXECUTE = "execute()";

    private String readings;

    @BeforeAll
    void rowsAndConstraints(SessionFactory factory, ConnectionPool pool) {
        Faults.deferUniqueCrateCodes(pool);
        readings = Faults.newBatch("stream");
        Faults.insert(factory, readings, STREAM_ROWS);
    }

    @Test
    void operationsCancelledWhileTheirConnectionIsAcquiredFromAnExhaustedPoolLeaveTheSessionUsableOrAskingForRollback(
            SessionFactory factory, ConnectionPool pool) {
        String test = "cancelWhileAcquiring";
        Random random = Faults.random(test);
        CancelRound.Tally tally = new CancelRound.Tally();
        CancelRound.repeat(test, 40, i -> {
            List<Connection> held = new ArrayList<>(Objects.requireNonNull(Flux.range(0, 3).flatMap(n -> pool.create())
                    .collectList().block(TIMEOUT)));
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                boolean write = random.nextBoolean();
                if (write) {
                    round.addCrate("cancelled", 3);
                }
                round.start(write ? round.session().flush() : countOf(round.session(), round.batch()));
                // the pool hands a connection over either before the cancel (which then lands in the
                // hand-over, BEGIN or the statement) or after it (the cancel abandons a waiting acquisition)
                boolean releaseFirst = random.nextBoolean();
                Faults.randomPause(random);
                if (releaseFirst) {
                    release(held);
                    Faults.randomPause(random);
                }
                round.cutOnly();
                release(held);
                Left left = round.afterCut(FLUSH);
                tally.add(left);
                round.recover(left);
                round.finish();
            } finally {
                release(held);
            }
        });
        tally.print(test);
    }

    @Test
    void firstStatementsOfSessionsCancelledWhileTheirBeginIsInFlightLeaveTheSessionUsableOrAskingForRollback(
            SessionFactory factory, ConnectionPool pool) {
        String test = "cancelInBegin";
        Random random = Faults.random(test);
        CancelRound.Tally tally = new CancelRound.Tally();
        CancelRound.repeat(test, 60, i -> {
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                boolean write = random.nextBoolean();
                if (write) {
                    round.addCrate("cancelled", 3);
                }
                round.start(write ? round.session().flush() : countOf(round.session(), round.batch()));
                Faults.randomPause(random);
                Left left = round.cancel(FLUSH);
                tally.add(left);
                round.recover(left);
                round.finish();
            }
        });
        tally.print(test);
    }

    @Test
    void queriesCancelledWhileBlockedOnTheServerLeaveTheSessionUsableAndARollbackReturnsTheConnectionWhileTheLockIsHeld(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String test = "cancelMidStatement";
        Random random = Faults.random(test);
        AtomicInteger rolledBackWhileLocked = new AtomicInteger();
        CancelRound.repeat(test, 30, i -> {
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                Faults.Lock lock = Faults.Lock.take(database, "LOCK TABLE \"crate\" IN ACCESS EXCLUSIVE MODE");
                try {
                    round.start(random.nextBoolean()
                            ? round.session().get(Crate.class, -1L)
                            : round.session().scalars(Select.from(Crate.class).filterBy("batch", round.batch())));
                    Faults.awaitLockWait(pool, "SELECT%");
                    Faults.randomPause(random);
                    round.cutOnly();
                    if (random.nextBoolean()) {
                        // the statement still waits on the server: rollback() cancels it there
                        round.rollbackWhileLocked();
                        rolledBackWhileLocked.incrementAndGet();
                    }
                } finally {
                    lock.release();
                }
                round.assertUsable(); // a cancelled query: usable, with or without the rollback
                round.finish();
            }
        });
        System.out.println(test + ": rolled back while locked " + rolledBackWhileLocked + " of 30");
    }

    @Test
    void bulkStatementsCancelledWhileBlockedOnTheServerAskForRollbackAndChangeNothing(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String test = "cancelInBulkDml";
        Random random = Faults.random(test);
        CancelRound.Tally tally = new CancelRound.Tally();
        CancelRound.repeat(test, 20, i -> {
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                round.addCrate("kept", 2);
                round.session().commit().block(TIMEOUT);
                Faults.Lock lock = Faults.Lock.take(database, "LOCK TABLE \"crate\" IN ACCESS EXCLUSIVE MODE");
                try {
                    Left left = round.cancelWhileBlocked(random.nextBoolean()
                            ? round.session().execute(Update.of(Crate.class).set("expected", 99)
                                    .where(Condition.eq("batch", round.batch())))
                            : round.session().execute(Delete.from(Crate.class).where(Condition.eq("batch", "none"))),
                            "%\"crate\"%", random, EXECUTE);
                    assertThat(left).as("a bulk statement cut while it waited on the server").isEqualTo(Left.NEEDS_ROLLBACK);
                    tally.add(left);
                    round.rollbackWhileLocked();
                } finally {
                    lock.release();
                }
                round.assertUsable();
                round.finish();
                assertThat(Faults.count(pool, "SELECT count(*) FROM \"crate\" WHERE \"batch\" = $1 AND \"expected\" = 99",
                        round.batch())).as("crates the cancelled UPDATE changed").isZero();
            }
        });
        tally.print(test);
    }

    @Test
    void streamsCancelledByTheirConsumerAfterARandomNumberOfRowsLeaveTheSessionUsable(
            SessionFactory factory, ConnectionPool pool) {
        cancelStreams("cancelMidStreamByTake", factory, pool, (stream, random) -> {
            int rows = 1 + random.nextInt(STREAM_ROWS - 1);
            return stream.take(rows); // take cancels the stream, on the driver's thread, after that many rows
        });
    }

    @Test
    void streamsCancelledFromAnotherThreadAtARandomMomentLeaveTheSessionUsable(
            SessionFactory factory, ConnectionPool pool) {
        cancelStreams("cancelMidStreamByDispose", factory, pool, (stream, random) -> stream);
    }

    /** Streams cut by {@code cut} (or, when it returns the stream itself, disposed after a random pause). */
    private void cancelStreams(String test, SessionFactory factory, ConnectionPool pool,
            BiFunction<Flux<Reading>, Random, Flux<Reading>> cut) {
        Random random = Faults.random(test);
        CancelRound.Tally tally = new CancelRound.Tally();
        CancelRound.repeat(test, 50, i -> {
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                boolean writeFirst = random.nextBoolean();
                if (writeFirst) { // the stream then runs inside an open transaction with a written crate
                    round.addCrate("before", 2);
                    round.session().flush().block(TIMEOUT);
                }
                Flux<Reading> stream = round.session().scalars(Faults.all(readings));
                Flux<Reading> cutStream = cut.apply(stream, random);
                round.start(cutStream);
                if (cutStream == stream) {
                    Faults.randomPause(random);
                }
                Left left = round.cancel();
                tally.add(left);
                round.recover(left);
                round.finish();
                assertThat(Faults.crates(pool, round.batch())).as("crates committed by the round").isEqualTo(writeFirst ? 2 : 1);
            }
        });
        tally.print(test);
    }

    @Test
    void flushesCancelledPartWayAskForRollbackAndLeaveNoPartialGraph(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String test = "cancelMidFlush";
        Random random = Faults.random(test);
        CancelRound.Tally tally = new CancelRound.Tally();
        CancelRound.repeat(test, 50, i -> {
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                Crate crate = round.addCrate("cancelled", 4);
                if (i % 2 == 0) {
                    // the crate's INSERT ran; its bottles' INSERT waits for a bottle code held by another transaction
                    Faults.Lock lock = Faults.Lock.take(database, "INSERT INTO \"bottle\" (\"code\") VALUES ('"
                            + crate.bottles.get(2).code + "')");
                    try {
                        Left left = round.cancelWhileBlocked(round.session().flush(), "%INSERT INTO \"bottle\"%", random,
                                FLUSH);
                        assertThat(left).as("a flush cut while its statement waited on the server").isEqualTo(Left.NEEDS_ROLLBACK);
                        tally.add(left);
                        round.rollbackWhileLocked();
                    } finally {
                        lock.release();
                    }
                    round.assertUsable();
                } else {
                    boolean commit = random.nextBoolean();
                    round.start(commit ? round.session().commit() : round.session().flush());
                    Faults.randomPause(random);
                    Left left = round.cancel(FLUSH, COMMIT);
                    tally.add(left);
                    round.recover(left);
                }
                round.finish();
            }
        });
        tally.print(test);
    }

    @Test
    void commitsCancelledWhileCommitIsInFlightAskForRollbackAndCommitTheWholeGraphOrNothing(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String test = "cancelInCommit";
        Random random = Faults.random(test);
        CancelRound.Tally tally = new CancelRound.Tally();
        CancelRound.repeat(test, 30, i -> {
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                Crate crate = round.addCrate("cancelled", 3);
                // another transaction holds the same crate code before the session inserts it: the
                // deferred unique check makes the session's COMMIT wait for that transaction
                Faults.Lock lock = Faults.Lock.take(database, "INSERT INTO \"crate\" (\"batch\", \"code\", \"expected\")"
                        + " VALUES ('lock', '" + crate.code + "', 0)");
                Left left;
                try {
                    round.session().flush().block(TIMEOUT);
                    left = round.cancelWhileBlocked(round.session().commit(), "COMMIT", random, COMMIT);
                    assertThat(left).as("a commit cut while COMMIT waited on the server").isEqualTo(Left.NEEDS_ROLLBACK);
                    tally.add(left);
                } finally {
                    lock.release(); // the cancelled COMMIT may now complete on the server: that is "in doubt"
                }
                round.recover(left);
                round.finish();
            }
        });
        tally.print(test);
    }

    @Test
    void closesCancelledAtAnyMomentStillRollBackAndReturnTheConnection(
            SessionFactory factory, ConnectionPool pool, IsolatedDatabase database) {
        String test = "cancelInClose";
        Random random = Faults.random(test);
        CancelRound.repeat(test, 40, i -> {
            try (CancelRound round = new CancelRound(factory, pool, test + "-" + i)) {
                ReactiveSession session = round.session();
                round.addCrate("uncommitted", 2);
                Faults.Lock lock = null;
                switch (random.nextInt(3)) {
                    case 0 -> { } // pending only: no connection yet
                    case 1 -> session.flush().block(TIMEOUT); // an open transaction
                    default -> { // an open transaction and an abandoned statement still waiting on the server
                        session.flush().block(TIMEOUT);
                        // (on a table the session did not write: its own transaction would block the LOCK)
                        lock = Faults.Lock.take(database, "LOCK TABLE \"reading\" IN ACCESS EXCLUSIVE MODE");
                        round.start(session.scalars(Faults.all(readings)));
                        Faults.awaitLockWait(pool, "SELECT%");
                        round.cutOnly();
                    }
                }
                try {
                    round.start(session.close());
                    Faults.randomPause(random);
                    round.cutOnly();
                    // close() runs its ROLLBACK and release to the end, and the session is closed at once
                    StepVerifier.create(countOf(session, round.batch())).expectError(SessionClosedException.class).verify(TIMEOUT);
                    assertThat(Faults.acquiredAfter(pool, Duration.ofSeconds(3))).as("acquired after a cancelled close")
                            .isZero();
                } finally {
                    if (lock != null) {
                        lock.release();
                    }
                }
                round.checkPoolAndData();
                assertThat(Faults.crates(pool, round.batch())).as("crates of a session closed without commit").isZero();
            }
        });
    }

    private static Publisher<Long> countOf(ReactiveSession session, String batch) {
        return session.count(Select.from(Crate.class).filterBy("batch", batch));
    }

    /** Gives held connections back to the pool; a second call does nothing. */
    private static void release(List<Connection> held) {
        Flux.fromIterable(List.copyOf(held)).concatMap(Connection::close).blockLast(TIMEOUT);
        held.clear();
    }
}
