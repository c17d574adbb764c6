package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Streams 200,000 rows through one session in a JVM with a 96 MB heap (the failsafe execution
 * {@code small-heap} of this module runs this class alone, with {@code -Xmx96m}), using the batch-job
 * pattern of {@code docs/queries.md}: read a page, change it, flush, expunge, next page.
 */
@Tag("small-heap")
@ValenceTest(entities = Reading.class)
class StreamingSmallHeapIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ROWS = 200_000;
    private static final int BATCH = 2_000;
    private static final long SMALL_HEAP = 128L * 1024 * 1024;

    @BeforeAll
    static void twoHundredThousandReadings(SessionFactory factory, ConnectionPool pool) {
        Flux.usingWhen(pool.create(),
                        connection -> Flux.from(connection.createStatement("INSERT INTO reading (sequence, payload, processed)"
                                                + " SELECT n, repeat('p', 100) || n, false FROM generate_series(1, " + ROWS
                                                + ") AS n")
                                        .execute())
                                .flatMap(result -> result.getRowsUpdated()),
                        connection -> connection.close())
                .blockLast(TIMEOUT);
    }

    /** One page of the batch job: how many rows it changed and the last id, where the next page starts. */
    private record Page(int size, long lastId) {}

    /** Reads the page after {@code afterId}, changes each row, flushes the changes and expunges the page. */
    private static Mono<Page> processPage(ReactiveSession session, long afterId) {
        Select<Reading> page = Select.from(Reading.class).where(Condition.gt("id", afterId)).orderBy("id").limit(BATCH);
        return session.scalars(page)
                .doOnNext(reading -> {
                    reading.processed = true;
                    reading.payload = "done-" + reading.sequence;
                })
                .collectList()
                .flatMap(readings -> session.flush().then(Mono.fromSupplier(() -> {
                    readings.forEach(session::expunge);
                    return new Page(readings.size(), readings.isEmpty() ? afterId : readings.get(readings.size() - 1).id);
                })));
    }

    @Test
    void theTestRunsWithASmallHeap() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("run by the failsafe execution small-heap (-Xmx96m)")
                .isLessThanOrEqualTo(SMALL_HEAP);
    }

    @Test
    void aBatchJobChangesTwoHundredThousandStreamedRowsPageByPageWithFlatMemory(SessionFactory factory) {
        Mono<Long> changed = factory.inTransaction(session -> processPage(session, 0L)
                .expand(page -> page.size() < BATCH ? Mono.empty() : processPage(session, page.lastId()))
                .map(Page::size)
                .reduce(0L, Long::sum));
        StepVerifier.create(changed).expectNext((long) ROWS).expectComplete().verify(TIMEOUT);
        StepVerifier.create(factory.withSession(session -> session.count(Select.from(Reading.class).filterBy("processed", true))))
                .expectNext((long) ROWS)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void oneReadOnlyStreamExpungingEachRowReadsTwoHundredThousandRowsWithFlatMemory(SessionFactory factory) {
        Mono<Long> read = factory.withSession(session -> session.scalars(Select.from(Reading.class))
                .doOnNext(session::expunge) // the identity map holds each row strongly until it is expunged
                .map(reading -> reading.payload.length())
                .count());
        StepVerifier.create(read).expectNext((long) ROWS).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aPausedStreamLeavesTheServerWaitingForTheNextFetchInsteadOfPushingTheWholeResult(
            SessionFactory factory, ConnectionPool pool) {
        ReactiveSession session = factory.openSession();
        StepVerifier.create(session.scalars(Select.from(Reading.class)), 0)
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(waitEventOfTheStreamingBackend(pool))
                        .as("with a fetch size the server sends a batch and waits (ClientRead); without one it"
                                + " would be blocked pushing 20 MB of rows at the client (ClientWrite)")
                        .isEqualTo("ClientRead"))
                .thenCancel()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    /** What the backend running the streamed SELECT waits for, once it stopped sending (polled up to 10 s). */
    private static String waitEventOfTheStreamingBackend(ConnectionPool pool) {
        String sql = "SELECT coalesce(wait_event, state) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND query LIKE 'SELECT t0.%FROM \"reading\"%'";
        String event = null;
        for (int attempt = 0; attempt < 100 && !"ClientRead".equals(event); attempt++) {
            event = Flux.usingWhen(pool.create(),
                            connection -> Flux.from(connection.createStatement(sql).execute())
                                    .flatMap(result -> result.map((row, metadata) -> row.get(0, String.class))),
                            connection -> connection.close())
                    .next()
                    .delaySubscription(Duration.ofMillis(attempt == 0 ? 0 : 100))
                    .block(TIMEOUT);
        }
        return event;
    }
}
