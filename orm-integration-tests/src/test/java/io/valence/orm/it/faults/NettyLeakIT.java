package io.valence.orm.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import io.valence.orm.testkit.internal.NettyLeaks;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Issue 20, observation 5: cancelling query streams part-way leaks no Netty buffer. Runs under the
 * integration tests' paranoid leak detection, with the testkit recording Netty's reports.
 */
@ValenceTest(entities = Reading.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NettyLeakIT {
    private static final int STREAMS = 1_000;
    private static final int ROWS = 500;

    private String batch;

    @BeforeAll
    void rows(SessionFactory factory) {
        batch = Faults.newBatch("netty-leak");
        Faults.insert(factory, batch, ROWS);
    }

    @Test
    void leakDetectionRecordsNettysReportsInTheseTests() {
        assertThat(NettyLeaks.recording())
                .as("Netty's leak detection records through the testkit (failsafe's systemPropertyVariables in"
                        + " orm-integration-tests/pom.xml)")
                .isTrue();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // under paranoid tracking 1,000 streams take about a minute
    void cancellingAThousandQueryStreamsPartWayLeaksNoNettyBuffer(SessionFactory factory, ConnectionPool pool) {
        assertThat(NettyLeaks.recording()).as("Netty leak detection records through the testkit").isTrue();
        Random random = new Random(Faults.seed("cancellingAThousandQueryStreamsPartWayLeaksNoNettyBuffer"));
        Select<Reading> all = Faults.all(batch);
        // even: cut after a number of rows, on the thread that delivers them; odd: cut after a time, from a
        // timer thread, while rows are still arriving on the driver's thread
        List<Integer> cuts = random.ints(STREAMS, 1, ROWS).boxed().toList();
        NettyLeaks.flush();
        int mark = NettyLeaks.mark();

        Flux<Long> streams = Flux.range(0, STREAMS)
                .flatMap(i -> factory.withSession(session -> {
                    Flux<Reading> rows = session.scalars(all);
                    Flux<Reading> cut = i % 2 == 0
                            ? rows.take(cuts.get(i))
                            : rows.take(Duration.ofMillis(1 + cuts.get(i) % 8));
                    return cut.count();
                }), 4);
        StepVerifier.create(streams.count()).expectNext((long) STREAMS).expectComplete().verify(Duration.ofMinutes(3));

        Faults.assertNoneAcquired(pool);
        NettyLeaks.flush();
        List<String> reports = NettyLeaks.reportsSince(mark);
        System.out.println("leaks reported after " + STREAMS + " cancelled streams: " + reports.size()
                + (reports.isEmpty() ? "" : "; first:\n" + reports.get(0)));
        assertThat(reports).as("Netty leak reports").isEmpty();
    }
}
