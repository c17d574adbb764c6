package io.valence.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void reportsEachPublishersOutcomeInTheOrderGiven() {
        IllegalStateException failure = new IllegalStateException("second fails");

        List<Race.Outcome> outcomes = Race.run(TIMEOUT, Mono.just("one"), Mono.error(failure), Flux.range(1, 3),
                Mono.empty());

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0).isSuccess()).isTrue();
        assertThat(outcomes.get(0).value()).isEqualTo("one");
        assertThat(outcomes.get(1).isSuccess()).isFalse();
        assertThat(outcomes.get(1).error()).isSameAs(failure);
        assertThat(outcomes.get(2).values()).containsExactly(1, 2, 3);
        assertThat(outcomes.get(3).isSuccess()).isTrue();
        assertThat(outcomes.get(3).value()).isNull();
    }

    @Test
    void subscribesEveryPublisherAtTheSameTimeFromItsOwnThread() {
        // each publisher waits, at subscription, until all have been subscribed: one after the other
        // on a single thread the first would wait in vain
        int contenders = 4;
        CountDownLatch subscribed = new CountDownLatch(contenders);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Mono<Boolean> contender = Mono.fromCallable(() -> {
            threads.add(Thread.currentThread().getName());
            subscribed.countDown();
            return subscribed.await(2, TimeUnit.SECONDS);
        });

        List<Race.Outcome> outcomes = Race.run(TIMEOUT, contender, contender, contender, contender);

        assertThat(outcomes).extracting(Race.Outcome::value).containsOnly(true);
        assertThat(threads).hasSize(contenders).allSatisfy(name -> assertThat(name).startsWith("valence-race-"));
    }

    @Test
    void publisherThatNeverEndsFailsTheRaceNamingItsPositionAndIsCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();

        assertThatThrownBy(() -> Race.run(Duration.ofMillis(200), Mono.just(1),
                        Mono.never().doOnCancel(() -> cancelled.set(true))))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Race: the publishers at positions [1] neither completed nor failed within 200 ms, so they"
                        + " were cancelled. A publisher that waits for something another holds (a connection, a lock,"
                        + " an unconsumed stream) never ends; consume or cancel what it waits for, or give the race a"
                        + " longer timeout");
        assertThat(cancelled).isTrue();
    }

    @Test
    void raceWithoutPublishersIsAnArgumentError() {
        assertThatThrownBy(() -> Race.run(TIMEOUT, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Race.run needs at least one publisher");
    }
}
