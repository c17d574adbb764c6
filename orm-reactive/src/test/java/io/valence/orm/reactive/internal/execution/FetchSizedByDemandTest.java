package io.valence.orm.reactive.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

class FetchSizedByDemandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A FetchSizedByDemand over {@code source} that notes each demand it was built for in {@code demands}. */
    private static Flux<Integer> noting(List<Long> demands, Flux<Integer> source) {
        return new FetchSizedByDemand<>(demand -> {
            demands.add(demand);
            return source;
        });
    }

    @Test
    void theSourceIsBuiltFromTheFirstRequestAndLaterRequestsReachIt() {
        List<Long> demands = new ArrayList<>();
        Flux<Integer> flux = noting(demands, Flux.range(1, 5));

        StepVerifier.create(flux, 2)
                .expectNext(1, 2)
                .thenRequest(3)
                .expectNext(3, 4, 5)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(demands).containsExactly(2L);
    }

    @Test
    void anUnboundedSubscriberIsSeenAsSuch() {
        List<Long> demands = new ArrayList<>();
        Flux<Integer> flux = noting(demands, Flux.range(1, 3));

        StepVerifier.create(flux.collectList()).expectNext(List.of(1, 2, 3)).expectComplete().verify(TIMEOUT);
        assertThat(demands).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void aCancelBeforeAnyRequestNeverBuildsTheSource() {
        List<Long> demands = new ArrayList<>();
        Flux<Integer> flux = noting(demands, Flux.just(1));

        StepVerifier.create(flux, 0).thenCancel().verify(TIMEOUT);
        assertThat(demands).isEmpty();
    }

    @Test
    void aCancelReachesTheSourceAndItsErrorsReachTheSubscriber() {
        TestPublisher<Integer> cancelled = TestPublisher.create();
        StepVerifier.create(new FetchSizedByDemand<>(demand -> cancelled), 1)
                .then(() -> cancelled.next(1))
                .expectNext(1)
                .thenCancel()
                .verify(TIMEOUT);
        cancelled.assertCancelled();

        TestPublisher<Integer> failing = TestPublisher.create();
        StepVerifier.create(new FetchSizedByDemand<>(demand -> failing))
                .then(() -> failing.error(new IllegalStateException("boom")))
                .expectErrorMessage("boom")
                .verify(TIMEOUT);
    }
}
