package io.valence.orm.reactive.internal.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class BranchFailuresTest {

    @Test
    void withoutFailuresThereIsNothingToRaiseAndNoStop() {
        BranchFailures failures = new BranchFailures();

        assertThat(failures.first()).isNull();
        StepVerifier.create(failures.stopped()).expectSubscription().expectNoEvent(Duration.ofMillis(20)).thenCancel()
                .verify();
    }

    @Test
    void firstFailureIsRaisedAndStopsTheOthersAndLaterOnesAreSuppressedInOrder() {
        BranchFailures failures = new BranchFailures();
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");
        IllegalStateException third = new IllegalStateException("third");

        failures.record(first);
        failures.record(second);
        failures.record(first);
        failures.record(third);

        assertThat(failures.first()).isSameAs(first);
        assertThat(first.getSuppressed()).containsExactly(second, third);
        StepVerifier.create(failures.stopped()).expectNext(true).expectComplete().verify(Duration.ofSeconds(1));
    }

    @Test
    void failuresRecordedFromManyThreadsAtOnceKeepExactlyOneFirstAndSuppressEveryOther() throws Exception {
        BranchFailures failures = new BranchFailures();
        int threads = 8;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Throwable> errors = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            IllegalStateException error = new IllegalStateException("branch " + i);
            errors.add(error);
            Thread worker = new Thread(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                failures.record(error);
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(5_000);
        }

        Throwable first = failures.first();
        assertThat(errors).contains(first);
        assertThat(first.getSuppressed()).hasSize(threads - 1).doesNotContain(first);
        assertThat(errors).containsAll(List.of(first.getSuppressed()));
    }
}
