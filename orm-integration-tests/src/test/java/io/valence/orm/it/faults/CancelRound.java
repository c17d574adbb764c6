package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * One round of {@link CancelAtEveryMomentIT}: a session of its own (and a batch of its own), one
 * operation subscribed and cancelled at some moment, and then what the session says: usable again
 * (a cancelled query), or {@link PendingRollbackException} naming the cancelled write until
 * {@code rollback()}, after which it writes and commits a crate. Then the checks every round ends
 * with: no connection acquired, no backend idle in a transaction, no partial crate committed.
 */
final class CancelRound implements AutoCloseable {
    /** What the cancelled operation left the session in. */
    enum Left {
        /** It had completed before the cancel reached it. */
        COMPLETED,
        /** Cancelled, and the session's next operation ran. */
        USABLE,
        /** Cancelled part-way through a write: the next operation asked for rollback(). */
        NEEDS_ROLLBACK
    }

    private final ConnectionPool pool;
    private final ReactiveSession session;
    private final String batch;
    private Disposable running;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean completedBeforeCut;

    CancelRound(SessionFactory factory, ConnectionPool pool, String batch) {
        this.pool = pool;
        this.session = factory.openSession();
        this.batch = batch;
    }

    ReactiveSession session() {
        return session;
    }

    String batch() {
        return batch;
    }

    /** Adds a crate of this round's batch with {@code bottles} bottles to the session, coded {@code batch-code}. */
    Crate addCrate(String code, int bottles) {
        Crate crate = Crate.withBottles(batch, batch + "-" + code, bottles);
        session.addAll(crate.graph());
        return crate;
    }

    /** Subscribes the operation; it runs until it ends or {@link #cancel} cuts it. */
    void start(Publisher<?> operation) {
        running = Flux.from(operation).subscribe(value -> { }, error -> {
            failure.set(error);
            ended.set(true);
        }, () -> ended.set(true));
    }

    /** Cancels the operation without asking the session anything yet. */
    void cutOnly() {
        running.dispose();
        completedBeforeCut = ended.get();
        assertThat(failure.get()).as("the operation failed before it was cancelled").isNull();
    }

    /**
     * Cancels the operation and asks the session for its next one, a count of the batch.
     *
     * @param cancelledWrites the operations that may report themselves cancelled part-way
     *     ({@code "flush()"}, {@code "commit()"}); none for a query, which must leave the session usable
     * @return what the cancel left behind
     */
    Left cancel(String... cancelledWrites) {
        cutOnly();
        return afterCut(cancelledWrites);
    }

    /**
     * Starts the operation, waits until its statement is blocked on the server (a lock another
     * transaction holds), and cancels it after a random pause; see {@link #cancel}.
     *
     * @param waitingLike a LIKE pattern of the blocked statement, as pg_stat_activity shows it
     */
    Left cancelWhileBlocked(Publisher<?> operation, String waitingLike, Random random, String... cancelledWrites) {
        start(operation);
        Faults.awaitLockWait(pool, waitingLike);
        Faults.randomPause(random);
        return cancel(cancelledWrites);
    }

    /** What the session says after {@link #cutOnly()}; see {@link #cancel}. */
    Left afterCut(String... cancelledWrites) {
        Left left = probe(cancelledWrites);
        if (completedBeforeCut) {
            assertThat(left).as("the operation had completed; the session must be usable").isEqualTo(Left.USABLE);
            return Left.COMPLETED;
        }
        assertThat(left == Left.USABLE || cancelledWrites.length > 0).as("a cancelled query leaves the session usable")
                .isTrue();
        return left;
    }

    /** After {@link Left#NEEDS_ROLLBACK}: rolls back, and the session's next operation runs. */
    void recover(Left left) {
        if (left == Left.NEEDS_ROLLBACK) {
            StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        }
        assertUsable();
    }

    /** The session's next operation runs. */
    void assertUsable() {
        assertThat(probe()).as("the session's next operation").isEqualTo(Left.USABLE);
    }

    /** The session's next operation: a count, which runs ({@link Left#USABLE}) or asks for rollback. */
    private Left probe(String... cancelledWrites) {
        AtomicReference<Left> left = new AtomicReference<>();
        Mono<Left> next = session.count(Select.from(Crate.class).filterBy("batch", batch))
                .map(count -> Left.USABLE)
                .onErrorResume(PendingRollbackException.class, pending -> {
                    assertThat(Arrays.stream(cancelledWrites).anyMatch(write -> pending.getMessage().startsWith(write
                                    + " was cancelled part-way, so this session's transaction is in doubt")))
                            .as("%s names one of the cancelled writes %s", pending.getMessage(), Arrays.toString(cancelledWrites))
                            .isTrue();
                    assertThat(pending).hasMessageEndingWith("Call rollback() before using the session again");
                    return Mono.just(Left.NEEDS_ROLLBACK);
                });
        StepVerifier.create(next).consumeNextWith(left::set).expectComplete().verify(TIMEOUT);
        return left.get();
    }

    /**
     * Rolls back while a lock still holds the cancelled statement on the server: the statement is
     * cancelled there, so the rollback ends and the connection goes back to the pool at once.
     */
    void rollbackWhileLocked() {
        StepVerifier.create(session.rollback()).expectComplete().verify(Duration.ofSeconds(5));
        assertThat(Faults.acquiredAfter(pool, Duration.ofSeconds(2))).as("connections acquired after rollback(),"
                + " while the lock still holds the cancelled statement").isZero();
    }

    /** Writes and commits one more crate in the session, closes it, and checks what the round left. */
    void finish() {
        addCrate("after", 2);
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertThat(Faults.count(pool, "SELECT count(*) FROM \"crate\" WHERE \"code\" = $1", batch + "-after"))
                .as("the crate committed after the cancel").isOne();
        checkPoolAndData();
    }

    /** No connection acquired, no backend idle in a transaction, no crate committed without all of its bottles. */
    void checkPoolAndData() {
        Faults.assertClean(pool);
        Faults.assertNoPartialGraph(pool, batch);
    }

    /** Closes the session whatever the round left it in, so that a failing round does not hold a connection. */
    @Override
    public void close() {
        session.close().onErrorResume(error -> Mono.empty()).block(TIMEOUT);
    }

    /** Runs {@code rounds} rounds, naming the round and its test in a failure. */
    static void repeat(String test, int rounds, IntConsumer round) {
        for (int i = 0; i < rounds; i++) {
            try {
                round.accept(i);
            } catch (RuntimeException | AssertionError failure) {
                throw new AssertionError(test + ": round " + i + " of " + rounds + " failed: " + failure.getMessage(), failure);
            }
        }
    }

    /** Counts outcomes per kind for a test's summary line. */
    static final class Tally {
        private final Map<Left, Integer> counts = new EnumMap<>(Left.class);

        void add(Left left) {
            counts.merge(left, 1, Integer::sum);
        }

        int of(Left left) {
            return counts.getOrDefault(left, 0);
        }

        void print(String test) {
            System.out.println(test + ": " + counts);
        }
    }
}
