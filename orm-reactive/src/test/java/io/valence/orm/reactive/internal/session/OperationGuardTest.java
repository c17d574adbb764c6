package io.valence.orm.reactive.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.PendingRollbackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/** The claim/release state machine of {@link OperationGuard}, without a database. */
class OperationGuardTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AtomicBoolean provisioning = new AtomicBoolean();
    /** The writes the guard reported in doubt, each with whether the session was still claimed then. */
    private final List<String> inDoubt = new ArrayList<>();
    private final OperationGuard guard = new OperationGuard(provisioning::get, write -> inDoubt.add(write
            + (claimed() ? " (while claimed)" : " (after release)")));

    @Test
    void anOperationClaimsWhenSubscribedNotWhenCreated() {
        Mono<Integer> unsubscribed = guard.mono("get()", claim -> Mono.never());

        StepVerifier.create(guard.mono("flush()", claim -> Mono.just(1))).expectNext(1).expectComplete().verify(TIMEOUT);
        assertThat(unsubscribed).isNotNull();
        guard.exclusive("add()", () -> {});
    }

    @Test
    void secondClaimWhileTheFirstIsHeldFailsWithTheBusyMessageNamingBothOperations() {
        Sinks.One<String> first = Sinks.one();
        StepVerifier.create(guard.mono("scalars()", claim -> first.asMono()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(10)).then(() -> StepVerifier
                        .create(guard.mono("get()", claim -> Mono.just("second")))
                        .expectErrorSatisfies(error -> assertThat(error)
                                .isExactlyInstanceOf(ConcurrentSessionUseException.class)
                                .hasMessage("This session is busy with another operation (scalars()); concurrent"
                                        + " operations are not permitted. Use a separate session for each concurrent"
                                        + " task, for example SessionFactory.fanOut(...). (get() was rejected.)"))
                        .verify(TIMEOUT))
                .then(() -> first.tryEmitValue("first"))
                .expectNext("first")
                .expectComplete()
                .verify(TIMEOUT);
        guard.exclusive("add()", () -> {});
    }

    @Test
    void claimWhileTheConnectionIsBeingAcquiredFailsWithTheProvisioningMessage() {
        Disposable held = guard.mono("get()", claim -> Mono.never()).subscribe();
        provisioning.set(true);

        StepVerifier.create(guard.mono("get()", claim -> Mono.just(2)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isExactlyInstanceOf(ConcurrentSessionUseException.class)
                        .hasMessage("This session is provisioning a new connection; concurrent operations are not"
                                + " permitted. Use a separate session for each concurrent task, for example"
                                + " SessionFactory.fanOut(...). (get() was rejected.)"))
                .verify(TIMEOUT);
        held.dispose();
    }

    @Test
    void busyMessageNamesWhatTheHolderIsDoingNow() {
        Disposable held = guard.mono("commit()", claim -> {
            claim.activity("flush() started by commit()");
            return Mono.never();
        }).subscribe();

        assertThatThrownBy(() -> guard.exclusive("add()", () -> {}))
                .isExactlyInstanceOf(ConcurrentSessionUseException.class)
                .hasMessageStartingWith("This session is busy with another operation (flush() started by commit());"
                        + " concurrent operations are not permitted.")
                .hasMessageContaining("SessionFactory.fanOut(...)")
                .hasMessageContaining("add() was rejected");
        held.dispose();
    }

    @Test
    void rejectedClaimLeavesTheHolderUndisturbedAndItsReleaseFreesTheSession() {
        Sinks.One<Integer> first = Sinks.one();
        List<Integer> received = new ArrayList<>();
        guard.mono("get()", claim -> first.asMono()).subscribe(received::add);

        StepVerifier.create(guard.mono("flush()", claim -> Mono.just(2))).expectError(ConcurrentSessionUseException.class)
                .verify(TIMEOUT);
        assertThatThrownBy(() -> guard.exclusive("delete()", () -> {})).isInstanceOf(ConcurrentSessionUseException.class);

        first.tryEmitValue(1);
        assertThat(received).containsExactly(1);
        guard.exclusive("delete()", () -> {});
    }

    @Test
    void monoReleasesBeforeItsValueGoesDownstreamSoAFlatMapChainRunsInTurn() {
        Mono<String> chain = guard.mono("get()", claim -> Mono.just("a").publishOn(Schedulers.parallel()))
                .flatMap(a -> guard.mono("get()", claim -> Mono.just(a + "b")))
                .flatMap(ab -> guard.mono("one()", claim -> Mono.just(ab + "c")));

        StepVerifier.create(chain).expectNext("abc").expectComplete().verify(TIMEOUT);
    }

    @Test
    void emptyMonoReleasesBeforeItCompletesSoThenRunsInTurn() {
        Mono<Integer> chain = guard.mono("flush()", claim -> Mono.<Void>empty())
                .then(guard.mono("commit()", claim -> Mono.just(1)));

        StepVerifier.create(chain).expectNext(1).expectComplete().verify(TIMEOUT);
    }

    @Test
    void failedOperationReleasesBeforeItsErrorGoesDownstreamSoARecoveryMayUseTheSession() {
        Mono<String> recovered = guard.mono("flush()", claim -> Mono.<String>error(new IllegalStateException("boom")))
                .onErrorResume(error -> guard.mono("rollback()", claim -> Mono.just("rolled back")));

        StepVerifier.create(recovered).expectNext("rolled back").expectComplete().verify(TIMEOUT);
    }

    @Test
    void fluxReleasesBeforeItCompletesSoCollectListThenFlatMapRunsInTurn() {
        Mono<List<Integer>> chain = guard.flux("scalars()", claim -> Flux.range(1, 3).publishOn(Schedulers.parallel()))
                .collectList()
                .flatMap(list -> guard.flux("scalars()", claim -> Flux.fromIterable(list).map(i -> i * 10)).collectList());

        StepVerifier.create(chain).expectNext(List.of(10, 20, 30)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void streamHeldOpenHoldsTheSessionUntilItCompletes() {
        TestPublisher<Integer> rows = TestPublisher.create();
        StepVerifier.create(guard.flux("scalars()", claim -> rows.flux()), 1)
                .then(() -> rows.next(1))
                .expectNext(1)
                .then(() -> assertThatThrownBy(() -> guard.exclusive("expunge()", () -> {}))
                        .hasMessageContaining("busy with another operation (scalars())"))
                .thenRequest(2)
                .then(() -> rows.next(2, 3).complete())
                .expectNext(2, 3)
                .expectComplete()
                .verify(TIMEOUT);
        guard.exclusive("expunge()", () -> {});
    }

    @Test
    void cancellingAStreamReleasesTheSession() {
        Mono<Long> chain = guard.flux("scalars()", claim -> Flux.range(1, 1000))
                .take(1)
                .then(guard.mono("count()", claim -> Mono.just(1L)));

        StepVerifier.create(chain).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void cancellingAMonoReleasesTheSession() {
        Disposable held = guard.mono("flush()", claim -> Mono.never()).subscribe();
        held.dispose();

        guard.exclusive("add()", () -> {});
    }

    @Test
    void cancellingAWriteInFlightReportsItInDoubtBeforeTheSessionIsFree() {
        Disposable held = guard.mono("commit()", claim -> {
            assertThat(claim.beginWrite("commit()")).isTrue();
            return Mono.never();
        }).subscribe();

        held.dispose();

        assertThat(inDoubt).containsExactly("commit() (while claimed)");
        assertThat(claimed()).isFalse();
    }

    @Test
    void cancellingBetweenWritesLeavesNothingInDoubtAndTheNextWriteNeverStarts() {
        AtomicReference<OperationGuard.Claim> held = new AtomicReference<>();
        Disposable commit = guard.mono("commit()", claim -> {
            held.set(claim);
            assertThat(claim.beginWrite("flush()")).isTrue();
            claim.endWrite(); // the flush completed; COMMIT is about to be subscribed on the driver's thread
            return Mono.never();
        }).subscribe();

        commit.dispose();

        assertThat(inDoubt).isEmpty();
        // Reactor may subscribe the next statement after the cancel: it must not start writing
        assertThat(held.get().beginWrite("commit()")).isFalse();
    }

    @Test
    void aWriteThatEndedBeforeTheOperationCompletedIsNotInDoubt() {
        StepVerifier.create(guard.mono("flush()", claim -> {
            claim.beginWrite("flush()");
            claim.endWrite();
            return Mono.just(1);
        })).expectNext(1).expectComplete().verify(TIMEOUT);

        assertThat(inDoubt).isEmpty();
    }

    private boolean claimed() {
        try {
            guard.exclusive("probe", () -> {});
            return false;
        } catch (ConcurrentSessionUseException busy) {
            return true;
        }
    }

    @Test
    void operationWhoseBodyThrowsReleasesTheSession() {
        Mono<Object> failing = guard.mono("get()", claim -> {
            throw new PendingRollbackException("Call rollback() first", null);
        });
        StepVerifier.create(failing).expectError(PendingRollbackException.class).verify(TIMEOUT);
        Flux<Object> failingStream = guard.flux("execute()", claim -> {
            throw new PendingRollbackException("Call rollback() first", null);
        });
        StepVerifier.create(failingStream).expectError(PendingRollbackException.class).verify(TIMEOUT);

        guard.exclusive("add()", () -> {});
        StepVerifier.create(guard.mono("rollback()", claim -> Mono.just("ok"))).expectNext("ok").expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void lateSignalsOfAReleasedOperationDoNotReleaseTheNextHolder() {
        TestPublisher<Integer> first = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
        Disposable held = guard.flux("scalars()", claim -> first.flux()).subscribe();
        held.dispose();
        Disposable next = guard.mono("flush()", claim -> Mono.never()).subscribe();

        first.next(1).complete();

        assertThatThrownBy(() -> guard.exclusive("add()", () -> {})).hasMessageContaining("(flush())");
        next.dispose();
    }

    @Test
    void claimsFromManyThreadsAtOnceNeverOverlap() throws Exception {
        int threads = 4;
        int rounds = 2_000;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int round = 0; round < rounds; round++) {
                    await(barrier);
                    guard.mono("get()", claim -> Mono.fromCallable(() -> {
                                if (inside.incrementAndGet() > 1) {
                                    overlaps.incrementAndGet();
                                }
                                Thread.onSpinWait();
                                inside.decrementAndGet();
                                return 1;
                            }))
                            .subscribe(value -> succeeded.incrementAndGet(), error -> {
                                if (error instanceof ConcurrentSessionUseException) {
                                    rejected.incrementAndGet();
                                } else {
                                    other.incrementAndGet();
                                }
                            });
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(TIMEOUT.toMillis() * 4);
        }

        assertThat(overlaps).hasValue(0);
        assertThat(other).hasValue(0);
        assertThat(succeeded.get() + rejected.get()).isEqualTo(threads * rounds);
        assertThat(succeeded.get()).isGreaterThanOrEqualTo(rounds);
        guard.exclusive("add()", () -> {});
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
