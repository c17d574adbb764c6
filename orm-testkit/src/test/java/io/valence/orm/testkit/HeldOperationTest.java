package io.valence.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class HeldOperationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void holdsAStreamAtItsFirstElementUntilReleasedThenReturnsEveryElement() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        Flux<Integer> rows = Flux.range(1, 5).publishOn(Schedulers.parallel(), 1).doOnRequest(requests::add);

        HeldOperation<Integer> held = HeldOperation.hold(rows);

        assertThat(held.awaitFirst(TIMEOUT)).isEqualTo(1);
        assertThat(held.isEnded()).isFalse();
        assertThat(held.values()).containsExactly(1);
        assertThat(requests).containsExactly(1L);
        assertThat(held.release(TIMEOUT)).containsExactly(1, 2, 3, 4, 5);
        assertThat(held.isEnded()).isTrue();
    }

    @Test
    void cancelEndsTheStream() {
        AtomicBoolean cancelled = new AtomicBoolean();
        HeldOperation<Integer> held = HeldOperation.hold(Flux.range(1, 5).doOnCancel(() -> cancelled.set(true)));
        held.awaitFirst(TIMEOUT);

        held.cancel();

        assertThat(cancelled).isTrue();
        assertThat(held.isEnded()).isTrue();
    }

    @Test
    void awaitFirstFailsClearlyWhenTheStreamFailsBeforeItsFirstElement() {
        IllegalStateException failure = new IllegalStateException("no connection");
        HeldOperation<Object> held = HeldOperation.hold(Flux.error(failure));

        assertThatThrownBy(() -> held.awaitFirst(TIMEOUT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ended before its first element, failing with java.lang.IllegalStateException:"
                        + " no connection")
                .hasCause(failure);
    }

    @Test
    void awaitFirstFailsClearlyWhenNothingArrivesInTime() {
        HeldOperation<Object> held = HeldOperation.hold(Mono.never());

        assertThatThrownBy(() -> held.awaitFirst(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("emitted no element within 50 ms");
        held.cancel();
    }

    @Test
    void releaseReportsAFailureOfTheRestOfTheStream() {
        IllegalStateException failure = new IllegalStateException("connection lost");
        HeldOperation<Integer> held = HeldOperation.hold(Flux.just(1, 2).concatWith(Flux.error(failure)));
        held.awaitFirst(TIMEOUT);

        assertThatThrownBy(() -> held.release(TIMEOUT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed: java.lang.IllegalStateException: connection lost")
                .hasCause(failure);
    }
}
