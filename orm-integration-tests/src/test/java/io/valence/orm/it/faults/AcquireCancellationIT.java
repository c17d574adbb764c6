package io.valence.orm.it.faults;

import static io.valence.orm.it.faults.Faults.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Issue 20, observation 1: sessions cut by a timeout while their connection is being acquired give
 * it back. 200 sessions, 16 in flight, on a pool of 4: every connection the pool hands over passes
 * through reactor-pool's pending queue, and a 1 ms timeout lands at every stage of the acquisition.
 */
@ValenceTest(maxPoolSize = 4, entities = Reading.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("pool-volume")
class AcquireCancellationIT {
    private static final int SESSIONS = 200;
    private static final int IN_FLIGHT = 16;
    private static final int ROWS = 500;

    private String batch;

    @BeforeAll
    void rows(SessionFactory factory) {
        batch = Faults.newBatch("acquire-cancel");
        Faults.insert(factory, batch, ROWS);
    }

    @RepeatedTest(20)
    void sessionsCutByATimeoutWhileAcquiringTheirConnectionGiveItBackToThePool(
            SessionFactory factory, ConnectionPool pool) {
        cutSessions(factory, pool, "sessionsCutByATimeoutWhileAcquiringTheirConnectionGiveItBackToThePool");
    }

    /**
     * The same on a new pool each time, which opens its connections while the sessions wait for them.
     */
    @RepeatedTest(20)
    void sessionsCutByATimeoutWhileANewPoolOpensConnectionsGiveThemBack(
            IsolatedDatabase database, StatementRecorder recorder) {
        ConnectionPool pool = database.openPool(4, Duration.ofSeconds(10), recorder::wrap);
        try {
            SessionFactory factory = SessionFactory.builder(pool).entities(Reading.class).build();
            cutSessions(factory, pool, "sessionsCutByATimeoutWhileANewPoolOpensConnectionsGiveThemBack");
        } finally {
            pool.disposeLater().block(TIMEOUT);
        }
    }

    private void cutSessions(SessionFactory factory, ConnectionPool pool, String test) {
        Random random = new Random(Faults.seed(test));
        Select<Reading> all = Faults.all(batch);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger cut = new AtomicInteger();

        Flux<List<Reading>> sessions = Flux.range(0, SESSIONS)
                .map(i -> random.nextInt(7) == 0 ? Duration.ofMillis(1) : Duration.ofSeconds(2))
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .flatMap(timeout -> factory.inTransaction(session -> session.scalars(all).collectList())
                        .timeout(timeout)
                        .doOnNext(rows -> completed.incrementAndGet())
                        .onErrorResume(error -> {
                            cut.incrementAndGet();
                            return Mono.empty();
                        }), IN_FLIGHT);

        StepVerifier.create(sessions.then()).expectComplete().verify(Duration.ofSeconds(120));

        System.out.println("completed " + completed + ", cut " + cut);
        int acquired = Faults.acquiredAfter(pool, Duration.ofSeconds(5));
        assertThat(acquired).as("connections still acquired 5 s after the last session ended").isZero();
        Faults.assertNoIdleInTransaction(pool);
    }
}
