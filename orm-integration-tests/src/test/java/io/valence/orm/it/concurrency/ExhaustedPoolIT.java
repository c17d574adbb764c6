package io.valence.orm.it.concurrency;

import static io.valence.orm.it.concurrency.Marks.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.valence.orm.PoolExhaustedException;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A session that needs a connection while its own caller holds the only one (a session opened
 * inside another session's work, on a pool of 1) fails after the acquire timeout with a
 * {@link PoolExhaustedException} naming the pool's size, the timeout and the likely cause, instead
 * of hanging.
 */
@ValenceTest(entities = Mark.class, maxPoolSize = 1)
class ExhaustedPoolIT {
    /** What follows the timeout in the message; the whole text is asserted by {@code ConnectionErrorsTest}. */
    private static final String EXHAUSTED = ". The pool (its maximum size is 1) is exhausted: every connection is"
            + " held by another session. Likely causes:";

    /** Opens an inner session while the outer one holds the pool's only connection. */
    static Mono<Long> nestedSession(SessionFactory factory, String batch) {
        return factory.withSession(outer -> Marks.write(outer, batch, 1, 1)
                .then(factory.withSession(inner -> inner.count(Select.from(Mark.class).filterBy("batch", batch)))));
    }

    @Test
    void sessionOpenedInsideAnotherSessionsWorkFailsAfterTheSessionAcquireTimeout(
            SessionFactory injected, ConnectionPool pool) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Mark.class)
                .acquireTimeout(Duration.ofMillis(500)).build();
        String batch = Marks.newBatch("nested");

        long start = System.nanoTime();
        StepVerifier.create(nestedSession(factory, batch))
                .expectErrorSatisfies(error -> {
                    assertThat(error)
                            .isExactlyInstanceOf(PoolExhaustedException.class)
                            .hasMessageStartingWith("No connection became free within 500 ms (the session's acquire"
                                    + " timeout, SessionFactory.Builder.acquireTimeout)" + EXHAUSTED);
                    assertThat(((PoolExhaustedException) error).maxSize()).isEqualTo(OptionalInt.of(1));
                    assertThat(((PoolExhaustedException) error).acquireTimeout()).isEqualTo(Duration.ofMillis(500));
                })
                .verify(TIMEOUT);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsed).isBetween(450L, 3_000L);
        Marks.assertNoneAcquired(pool);
        StepVerifier.create(injected.withSession(session -> session.count(Select.from(Mark.class).filterBy("batch", batch))))
                .expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    /** The same mistake where the pool's own acquire timeout (shorter than the session's) fires first. */
    @Nested
    @ValenceTest(entities = Mark.class, maxPoolSize = 1, acquireTimeoutMillis = 300)
    class WhenThePoolTimesOutFirst {

        @Test
        void sessionOpenedInsideAnotherSessionsWorkFailsWithTheSameClearMessage(SessionFactory factory, ConnectionPool pool) {
            String batch = Marks.newBatch("nested-pool");

            StepVerifier.create(nestedSession(factory, batch))
                    .expectErrorSatisfies(error -> {
                        assertThat(error)
                                .isExactlyInstanceOf(PoolExhaustedException.class)
                                .hasMessageStartingWith("No connection became free within the pool's own acquire"
                                        + " timeout (Connection acquisition timed out after 300ms)" + EXHAUSTED)
                                .hasCauseInstanceOf(R2dbcTimeoutException.class);
                        assertThat(((PoolExhaustedException) error).maxSize()).isEqualTo(OptionalInt.of(1));
                        assertThat(((PoolExhaustedException) error).acquireTimeout()).as("the pool's, not the session's")
                                .isEqualTo(Duration.ofMillis(300));
                    })
                    .verify(TIMEOUT);
            Marks.assertNoneAcquired(pool);
        }
    }
}
