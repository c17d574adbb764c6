package io.valence.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

@ValenceTest(maxPoolSize = 2, acquireTimeoutMillis = 5_000)
class ValenceExtensionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ConnectionPool poolBeforeEach;

    @BeforeEach
    void rememberPool(ConnectionPool pool) {
        poolBeforeEach = pool;
    }

    @Test
    void injectsThePoolRecorderAndDatabaseOfTheClass(
            ConnectionPool pool, ConnectionFactory connectionFactory, StatementRecorder recorder, IsolatedDatabase database,
            TestDatabase server) {
        assertThat(pool).isSameAs(poolBeforeEach).isSameAs(connectionFactory);
        assertThat(server).isSameAs(TestDatabase.shared()).isSameAs(database.server());
        recorder.reset();

        StepVerifier.create(Mono.usingWhen(
                        pool.create(),
                        connection -> Mono.from(connection.createStatement("select current_database()").execute())
                                .flatMap(result -> Mono.from(result.map((row, metadata) -> row.get(0, String.class)))),
                        Connection::close))
                .expectNext(database.name())
                .expectComplete()
                .verify(TIMEOUT);

        recorder.assertThat().hasStatementCount(1).singleElement().hasSql("select current_database()");
    }

    @Test
    void poolSizeComesFromTheAnnotation(ConnectionPool pool) {
        assertThat(pool.getMetrics()).map(PoolMetrics::getMaxAllocatedSize).contains(2);
    }

    @Test
    void leakedConnectionFailsTheTestWithAClearMessage() {
        Events tests = run(LeakingFixture.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = tests.failed().stream().map(ValenceExtensionIT::failure).findFirst().orElseThrow();
        assertThat(failure)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Connection leak: 1 connection of the pool on test database valence_valenceextensionit_leaking")
                .hasMessageContaining("still acquired 2000 ms after test leavesAConnectionAcquired(ConnectionPool) finished");
    }

    @Test
    void connectionReleasedShortlyAfterTheTestPassesTheLeakCheck() {
        run(LateReleaseFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void classWithoutPoolIsNotCheckedAndCreatesNoDatabase() {
        run(NoDatabaseFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    private static Throwable failure(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    /** Run only through EngineTestKit: leaves a connection acquired. */
    @ValenceTest
    static class LeakingFixture {
        @Test
        void leavesAConnectionAcquired(ConnectionPool pool) {
            assertThat(pool.create().block(TIMEOUT)).isNotNull();
        }
    }

    /** Run only through EngineTestKit: gives its connection back asynchronously, 300 ms after returning. */
    @ValenceTest
    static class LateReleaseFixture {
        @Test
        void releasesAfterReturning(ConnectionPool pool) {
            Connection connection = pool.create().block(TIMEOUT);
            assertThat(connection).isNotNull();
            Mono.delay(Duration.ofMillis(300), Schedulers.parallel()).then(Mono.from(connection.close())).subscribe();
        }
    }

    /** Run only through EngineTestKit: asks for the recorder only. */
    @ValenceTest
    static class NoDatabaseFixture {
        @Test
        void usesTheRecorderOnly(StatementRecorder recorder) {
            assertThat(recorder.statements()).isEqualTo(List.of());
        }
    }
}
