package io.valence.orm.it.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** What the concurrency tests read back: committed rows per owner, and the pool's acquired count. */
final class Marks {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Marks() {}

    /** A batch name no other test of the class uses. */
    static String newBatch(String test) {
        return test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Adds {@code count} rows of one owner, then flushes them (the session keeps its transaction open). */
    static Mono<Void> write(ReactiveSession session, String batch, int owner, int count) {
        return Mono.defer(() -> {
            for (int i = 0; i < count; i++) {
                session.add(new Mark(batch, owner));
            }
            return session.flush();
        });
    }

    /** The committed rows of a batch, counted per owner, read in a fresh session. */
    static Map<Integer, Integer> committed(SessionFactory factory, String batch) {
        List<Integer> owners = factory.withSession(session -> session.scalars(Select.from(Mark.class).filterBy("batch", batch))
                        .map(mark -> mark.owner)
                        .collectList())
                .block(TIMEOUT);
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Integer owner : owners) {
            counts.merge(owner, 1, Integer::sum);
        }
        return counts;
    }

    /** Ids of {@code count} committed rows of one owner, for tests that read them back. */
    static List<Long> committedIds(SessionFactory factory, String batch, int count) {
        return factory.inTransaction(session -> {
                    List<Mark> marks = new java.util.ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        Mark mark = new Mark(batch, i);
                        marks.add(mark);
                        session.add(mark);
                    }
                    return session.flush().then(Mono.fromSupplier(() -> marks.stream().map(mark -> mark.id).toList()));
                })
                .block(TIMEOUT);
    }

    /** The number of connections the pool has handed out and not got back. */
    static int acquired(ConnectionPool pool) {
        return pool.getMetrics().orElseThrow().acquiredSize();
    }

    /**
     * Waits until every connection is back in the pool. A release after cancellation runs
     * asynchronously (nobody waits for a cancelled subscriber's cleanup), so it is polled.
     */
    static void assertNoneAcquired(ConnectionPool pool) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (acquired(pool) > 0 && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(acquired(pool)).as("connections still acquired from the pool").isZero();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
