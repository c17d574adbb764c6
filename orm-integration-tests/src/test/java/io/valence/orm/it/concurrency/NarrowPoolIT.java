package io.valence.orm.it.concurrency;

import static io.valence.orm.it.concurrency.Marks.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.OrmException;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Pools smaller than the work: fan-outs run in turns, atomic fan-outs refuse at once, nested sessions time out clearly. */
@ValenceTest(entities = Mark.class, maxPoolSize = 3)
class NarrowPoolIT {

    @Test
    void twentyBranchFanOutOnAPoolOfThreeCompletesInTurns(SessionFactory factory, ConnectionPool pool) {
        String batch = Marks.newBatch("twenty");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Function<ReactiveSession, Mono<Integer>>> branches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int owner = i;
            branches.add(session -> Marks.write(session, batch, owner, 2)
                    .then(Mono.fromRunnable(() -> mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max)))
                    .then(Mono.delay(Duration.ofMillis(20)))
                    .then(Mono.fromCallable(() -> {
                        running.decrementAndGet();
                        return owner;
                    })));
        }

        StepVerifier.create(factory.fanOut(branches))
                .assertNext(results -> assertThat(results).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList()))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(mostAtOnce.get()).as("branches holding a connection at once").isBetween(1, 3);
        assertThat(Marks.committed(factory, batch)).hasSize(20).allSatisfy((owner, rows) -> assertThat(rows).isEqualTo(2));
        Marks.assertNoneAcquired(pool);
    }

    @Test
    void fanOutAtomicWiderThanThePoolFailsAtOnceBeforeAnyBranchRuns(SessionFactory factory) {
        AtomicInteger started = new AtomicInteger();
        List<Function<ReactiveSession, Mono<Integer>>> branches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            branches.add(session -> Mono.fromCallable(started::incrementAndGet));
        }

        long start = System.nanoTime();
        StepVerifier.create(factory.fanOutAtomic(branches))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(OrmException.class)
                        .hasMessage("fanOutAtomic needs 4 connections at the same time (each branch keeps its"
                                + " transaction open until all succeed), but the pool holds at most 3. Enlarge the pool,"
                                + " use fewer branches, or use fanOut(...) if each branch may commit on its own"))
                .verify(TIMEOUT);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
        assertThat(started).hasValue(0);
    }
}
