package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

/**
 * Issue 20, observation 2: synchronous bookkeeping calls ({@code add}) from two threads at once on
 * one idle session are either both applied or one is rejected with
 * {@link ConcurrentSessionUseException}; nothing is lost silently and nothing else is thrown.
 */
@ValenceTest(entities = Reading.class)
class ConcurrentBookkeepingIT {
    private static final int ROUNDS = 1_000;
    private static final int CALLS_PER_THREAD = 20;

    /** What one thread saw in one round: calls that returned normally, rejections, and anything else thrown. */
    private record Tally(int accepted, int rejected, List<Throwable> unexpected) {}

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // 1,000 rounds: 15 s on an idle machine, past 60 s under a full build's load
    void twoThreadsAddingToOneIdleSessionHaveEveryAcceptedCallCommittedOrAreRejected(
            SessionFactory factory, ConnectionPool pool) throws Exception {
        long seed = Faults.seed("twoThreadsAddingToOneIdleSessionHaveEveryAcceptedCallCommittedOrAreRejected");
        String batchPrefix = Faults.newBatch("add-race") + "-" + seed % 1000;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int lossyRounds = 0;
        int roundsWithRejections = 0;
        long acceptedTotal = 0;
        long committedTotal = 0;
        List<Throwable> unexpected = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String batch = batchPrefix + "-" + round;
                ReactiveSession session = factory.openSession();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Tally> first = threads.submit(() -> addAll(session, batch, start));
                Future<Tally> second = threads.submit(() -> addAll(session, batch, start));
                Tally a = first.get(30, TimeUnit.SECONDS);
                Tally b = second.get(30, TimeUnit.SECONDS);
                unexpected.addAll(a.unexpected());
                unexpected.addAll(b.unexpected());
                int accepted = a.accepted() + b.accepted();
                if (a.rejected() + b.rejected() > 0) {
                    roundsWithRejections++;
                }
                StepVerifier.create(session.commit().onErrorResume(error -> {
                                    unexpected.add(error);
                                    return session.rollback();
                                })
                                .then(session.close()))
                        .expectComplete()
                        .verify(TIMEOUT);
                long committed = Faults.committed(factory, batch);
                acceptedTotal += accepted;
                committedTotal += committed;
                if (committed != accepted) {
                    lossyRounds++;
                }
            }
        } finally {
            threads.shutdownNow();
        }

        System.out.println("accepted " + acceptedTotal + ", committed " + committedTotal + ", rounds losing rows "
                + lossyRounds + ", rounds with a rejection " + roundsWithRejections + ", unexpected errors "
                + unexpected.size() + (unexpected.isEmpty() ? "" : " (first: " + unexpected.get(0) + ")"));
        assertThat(unexpected).as("errors other than ConcurrentSessionUseException").isEmpty();
        assertThat(lossyRounds).as("rounds that committed fewer rows than add() accepted").isZero();
        assertThat(committedTotal).isEqualTo(acceptedTotal);
        Faults.assertNoneAcquired(pool);
    }

    private static Tally addAll(ReactiveSession session, String batch, CyclicBarrier start) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        int accepted = 0;
        int rejected = 0;
        List<Throwable> unexpected = new ArrayList<>();
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            try {
                session.add(new Reading(batch, i));
                accepted++;
            } catch (ConcurrentSessionUseException expected) {
                rejected++;
            } catch (RuntimeException | Error other) {
                unexpected.add(other);
            }
        }
        return new Tally(accepted, rejected, unexpected);
    }
}
