package io.valence.orm.it.concurrency;

import static io.valence.orm.it.concurrency.Marks.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.OrmException;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.reactive.Settled;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/** Structured fan-out across sessions: TaskGroup, gather(return_exceptions) and all-or-nothing semantics. */
@ValenceTest(entities = Mark.class)
class FanOutIT {

    /** A branch that writes {@code rows} rows of its own, then does {@code after}. */
    private static <T> Function<ReactiveSession, Mono<T>> writing(String batch, int owner, int rows, Mono<T> after) {
        return session -> Marks.write(session, batch, owner, rows).then(after);
    }

    @Test
    void firstFailureCancelsTheSleepingBranchAtOnceAndOnlyItsWritesAreGone(SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("taskgroup");
        List<Function<ReactiveSession, Mono<String>>> branches = List.of(
                writing(batch, 0, 2, Mono.delay(Duration.ofSeconds(5)).thenReturn("slept")),
                writing(batch, 1, 1, Mono.delay(Duration.ofMillis(200))
                        .then(Mono.error(new IllegalStateException("branch 1 failed")))),
                writing(batch, 2, 3, Mono.just("quick")));

        long start = System.nanoTime();
        StepVerifier.create(factory.fanOut(branches))
                .expectErrorSatisfies(error -> assertThat(error).hasMessage("branch 1 failed"))
                .verify(TIMEOUT);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMillis).as("time until the error arrived").isLessThan(1_000);
        assertThat(Marks.acquired(pool)).as("connections still held when the error arrived").isZero();
        assertThat(Marks.committed(factory, batch)).as("only the branch that succeeded committed").isEqualTo(Map.of(2, 3));
    }

    @Test
    void resultsKeepTheOrderOfTheBranchesNotOfTheirCompletion(SessionFactory factory) {
        String batch = Marks.newBatch("order");
        List<Function<ReactiveSession, Mono<Integer>>> branches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int owner = i;
            branches.add(writing(batch, owner, 1, Mono.delay(Duration.ofMillis(40L * (4 - owner))).thenReturn(owner)));
        }
        branches.add(session -> Mono.empty());

        StepVerifier.create(factory.fanOut(branches))
                .assertNext(results -> assertThat(results).containsExactly(0, 1, 2, 3, null))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(0, 1, 1, 1, 2, 1, 3, 1));
    }

    @Test
    void eachBranchRunsConcurrentlyInItsOwnSession(SessionFactory factory) {
        CountDownLatch allStarted = new CountDownLatch(3);
        Set<ReactiveSession> sessions = ConcurrentHashMap.newKeySet();
        Function<ReactiveSession, Mono<Boolean>> branch = session -> Mono.fromCallable(() -> {
            sessions.add(session);
            allStarted.countDown();
            return allStarted.await(5, TimeUnit.SECONDS);
        }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());

        StepVerifier.create(factory.fanOut(List.of(branch, branch, branch)))
                .expectNext(List.of(true, true, true))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(sessions).hasSize(3);
    }

    @Test
    void errorOfABranchThatFailedWhileTheFirstFailureWasHandledIsSuppressed(SessionFactory factory) {
        Sinks.Empty<Void> secondMayFail = Sinks.empty();
        IllegalStateException first = new IllegalStateException("first failure");
        IllegalStateException second = new IllegalStateException("second failure");
        List<Function<ReactiveSession, Mono<Object>>> branches = List.of(
                session -> secondMayFail.asMono().then(Mono.error(first)),
                session -> Mono.error(second).doOnError(error -> secondMayFail.tryEmitEmpty()),
                session -> Mono.never());

        StepVerifier.create(factory.fanOut(branches))
                .expectErrorSatisfies(error -> assertThat(error).isIn(first, second))
                .verify(TIMEOUT);

        Throwable raised = first.getSuppressed().length > 0 ? first : second;
        Throwable other = raised == first ? second : first;
        assertThat(raised.getSuppressed()).containsExactly(other);
    }

    @Test
    void typedTwoAndThreeBranchFanOutsReturnTuplesInBranchOrder(SessionFactory factory) {
        String batch = Marks.newBatch("typed");
        Mono<Tuple2<String, Long>> two = factory.fanOut(
                writing(batch, 0, 1, Mono.delay(Duration.ofMillis(50)).thenReturn("zero")),
                writing(batch, 1, 2, Mono.just(1L)));
        Mono<Tuple3<Integer, String, Boolean>> three = factory.fanOut(
                session -> Mono.just(3),
                writing(batch, 2, 1, Mono.just("two")),
                session -> Mono.delay(Duration.ofMillis(30)).thenReturn(true));

        StepVerifier.create(two)
                .assertNext(tuple -> {
                    assertThat(tuple.getT1()).isEqualTo("zero");
                    assertThat(tuple.getT2()).isEqualTo(1L);
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(three)
                .assertNext(tuple -> assertThat(tuple.toList()).containsExactly(3, "two", true))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(0, 1, 1, 2, 2, 1));
    }

    @Test
    void typedBranchThatCompletesEmptyFailsTheFanOutClearly(SessionFactory factory) {
        StepVerifier.create(factory.fanOut(session -> Mono.just(1), session -> Mono.empty()))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(OrmException.class)
                        .hasMessage("A branch of a typed fanOut completed without a value; typed fan-outs return"
                                + " tuples, which cannot hold an empty result: emit a value, or use fanOut(List) which"
                                + " keeps null for empty branches"))
                .verify(TIMEOUT);
    }

    @Test
    void fanOutSettledRunsEveryBranchToItsEndAndReportsEach(SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("settled");
        IllegalStateException failure = new IllegalStateException("branch 1 failed");
        List<Function<ReactiveSession, Mono<String>>> branches = List.of(
                writing(batch, 0, 1, Mono.delay(Duration.ofMillis(300)).thenReturn("late")),
                writing(batch, 1, 2, Mono.error(failure)),
                writing(batch, 2, 1, Mono.just("early")));

        StepVerifier.create(factory.fanOutSettled(branches))
                .assertNext(settled -> {
                    assertThat(settled).extracting(Settled::isSuccess).containsExactly(true, false, true);
                    assertThat(settled.get(0).value()).isEqualTo("late");
                    assertThat(settled.get(1).error()).isSameAs(failure);
                    assertThat(settled.get(2).value()).isEqualTo("early");
                })
                .expectComplete()
                .verify(TIMEOUT);
        Marks.assertNoneAcquired(pool);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(0, 1, 2, 1));
    }

    @Test
    void fanOutAtomicWithOneLateFailureLeavesNoRowFromAnyBranch(SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("atomic-fail");
        List<Function<ReactiveSession, Mono<String>>> branches = List.of(
                writing(batch, 0, 2, Mono.just("zero")),
                writing(batch, 1, 1, Mono.just("one")),
                writing(batch, 2, 3, Mono.delay(Duration.ofMillis(300))
                        .then(Mono.error(new IllegalStateException("late failure")))));

        StepVerifier.create(factory.fanOutAtomic(branches))
                .expectErrorSatisfies(error -> assertThat(error).hasMessage("late failure"))
                .verify(TIMEOUT);

        assertThat(Marks.acquired(pool)).as("connections still held when the error arrived").isZero();
        assertThat(Marks.committed(factory, batch)).isEmpty();
    }

    @Test
    void fanOutAtomicCommitsEveryBranchOnceAllSucceeded(SessionFactory factory) {
        String batch = Marks.newBatch("atomic-ok");
        List<Function<ReactiveSession, Mono<Integer>>> branches = List.of(
                writing(batch, 0, 2, Mono.delay(Duration.ofMillis(100)).thenReturn(0)),
                writing(batch, 1, 1, Mono.just(1)),
                session -> Mono.empty());

        StepVerifier.create(factory.fanOutAtomic(branches))
                .assertNext(results -> assertThat(results).containsExactly(0, 1, null))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(Marks.committed(factory, batch)).isEqualTo(Map.of(0, 2, 1, 1));
    }

    @Test
    void cancellingTheSubscriberOfAFanOutCancelsAndRollsBackEveryBranch(SessionFactory factory, ConnectionPool pool) {
        for (String kind : List.of("fanOut", "fanOutSettled", "fanOutAtomic")) {
            String batch = Marks.newBatch("cancel-" + kind);
            CountDownLatch flushed = new CountDownLatch(3);
            List<Function<ReactiveSession, Mono<Object>>> branches = new ArrayList<>();
            for (int owner = 0; owner < 3; owner++) {
                branches.add(writing(batch, owner, 2, Mono.fromRunnable(flushed::countDown).then(Mono.never())));
            }
            Mono<?> fanOut = switch (kind) {
                case "fanOut" -> factory.fanOut(branches);
                case "fanOutSettled" -> factory.fanOutSettled(branches);
                default -> factory.fanOutAtomic(branches);
            };

            Disposable subscriber = fanOut.subscribe();
            assertThat(await(flushed)).as(kind + ": every branch flushed").isTrue();
            subscriber.dispose();

            Marks.assertNoneAcquired(pool);
            assertThat(Marks.committed(factory, batch)).as(kind).isEmpty();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
