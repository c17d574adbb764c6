package io.valence.orm.it.locking;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.StatementTimeoutException;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Locking reads on PostgreSQL: the batch-job work queue of docs/queries.md ("A work queue with SKIP
 * LOCKED"), run by 4 workers on one queue, and the lock holding until the session's transaction ends.
 */
@ValenceTest(entities = Job.class, maxPoolSize = 6)
class LockingReadIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int BATCH = 100;

    private static void enqueue(SessionFactory factory, String queue, int jobs) {
        factory.inTransaction(session -> {
                    IntStream.range(0, jobs).forEach(i -> session.add(new Job(queue)));
                    return Mono.empty();
                })
                .block(TIMEOUT);
    }

    /** The claim of the documented example: 100 pending jobs nobody else holds, oldest first. */
    private static Select<Job> claim(String queue) {
        return Select.from(Job.class)
                .filterBy("queue", queue)
                .filterBy("status", "PENDING")
                .orderBy("id")
                .limit(BATCH)
                .forUpdate()
                .skipLocked();
    }

    /** One transaction: claim a batch, process it (with a pause, so workers overlap), commit. */
    private static Mono<List<Long>> batch(SessionFactory factory, String queue, String worker) {
        return factory.inTransaction(session -> session.scalars(claim(queue))
                .collectList()
                .delayUntil(jobs -> Mono.delay(Duration.ofMillis(jobs.isEmpty() ? 0 : 30)))
                .map(jobs -> {
                    List<Long> ids = new ArrayList<>();
                    for (Job job : jobs) {
                        job.status = "DONE";
                        job.processedBy = worker;
                        job.runs++;
                        ids.add(job.id);
                    }
                    return ids;
                }));
    }

    /** A worker claims batches until the queue has none left for it. */
    private static Flux<Long> worker(SessionFactory factory, String queue, String worker) {
        return Mono.defer(() -> batch(factory, queue, worker))
                .repeat()
                .takeUntil(List::isEmpty)
                .concatMapIterable(ids -> ids);
    }

    @Test
    void fourWorkersWithSkipLockedProcessAThousandJobsExactlyOnce(SessionFactory factory, StatementRecorder recorder) {
        enqueue(factory, "q4", 1_000);
        recorder.reset();
        Map<String, List<Long>> byWorker = new ConcurrentHashMap<>();

        Flux.merge(IntStream.range(0, 4)
                        .mapToObj(i -> "worker-" + i)
                        .map(name -> worker(factory, "q4", name).collectList().doOnNext(ids -> byWorker.put(name, ids)))
                        .toList())
                .then()
                .block(TIMEOUT);

        List<Long> processed = byWorker.values().stream().flatMap(List::stream).toList();
        assertThat(processed).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(byWorker.values().stream().filter(ids -> !ids.isEmpty()).count()).isGreaterThan(1);
        List<Job> jobs = factory.withSession(session ->
                session.scalars(Select.from(Job.class).filterBy("queue", "q4")).collectList()).block(TIMEOUT);
        assertThat(jobs).hasSize(1_000).allSatisfy(job -> {
            assertThat(job.status).isEqualTo("DONE");
            assertThat(job.runs).isEqualTo(1);
            assertThat(byWorker.get(job.processedBy)).contains(job.id);
        });
        assertThat(recorder.statements()).filteredOn(statement -> statement.sql().contains("FOR UPDATE"))
                .allSatisfy(statement -> assertThat(statement.sql()).endsWith(
                        " ORDER BY t0.\"id\" ASC LIMIT $3 FOR UPDATE OF t0 SKIP LOCKED"));
    }

    @Test
    void aLockingReadHoldsItsRowsUntilTheSessionsTransactionEnds(SessionFactory factory) {
        enqueue(factory, "held", 1);
        ReactiveSession holder = factory.openSession();
        ReactiveSession other = factory.openSession();
        try {
            Job held = holder.one(Select.from(Job.class).filterBy("queue", "held").forUpdate()).block(TIMEOUT);

            StepVerifier.create(other.one(Select.from(Job.class).filterBy("queue", "held").forUpdate().noWait()))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOfSatisfying(StatementTimeoutException.class,
                                    timeout -> assertThat(timeout.isLockTimeout()).isTrue()))
                    .verify(TIMEOUT);
            other.rollback().block(TIMEOUT);
            StepVerifier.create(other.scalars(Select.from(Job.class).filterBy("queue", "held").forUpdate().skipLocked()))
                    .verifyComplete();
            other.rollback().block(TIMEOUT);

            holder.commit().block(TIMEOUT);

            StepVerifier.create(other.one(Select.from(Job.class).filterBy("queue", "held").forUpdate().noWait())
                            .map(job -> job.id))
                    .expectNext(held.id)
                    .verifyComplete();
        } finally {
            other.close().block(TIMEOUT);
            holder.close().block(TIMEOUT);
        }
    }

    @Test
    void forShareLetsOthersShareButNotUpdate(SessionFactory factory) {
        enqueue(factory, "shared", 1);
        ReactiveSession first = factory.openSession();
        ReactiveSession second = factory.openSession();
        try {
            first.one(Select.from(Job.class).filterBy("queue", "shared").forShare()).block(TIMEOUT);

            StepVerifier.create(second.one(Select.from(Job.class).filterBy("queue", "shared").forShare().noWait()))
                    .expectNextCount(1)
                    .verifyComplete();
            StepVerifier.create(second.one(Select.from(Job.class).filterBy("queue", "shared").forUpdate().noWait()))
                    .expectError(StatementTimeoutException.class)
                    .verify(TIMEOUT);
        } finally {
            second.close().block(TIMEOUT);
            first.close().block(TIMEOUT);
        }
    }

    @Test
    void skippedRowsAreLeftToTheNextClaim(SessionFactory factory) {
        enqueue(factory, "skip", 3);
        ReactiveSession first = factory.openSession();
        ReactiveSession second = factory.openSession();
        try {
            List<Job> firstClaim = first.scalars(claim("skip").limit(2)).collectList().block(TIMEOUT);
            List<Job> secondClaim = second.scalars(claim("skip")).collectList().block(TIMEOUT);

            Set<Long> claimed = new HashSet<>();
            firstClaim.forEach(job -> claimed.add(job.id));
            assertThat(secondClaim).hasSize(1).noneMatch(job -> claimed.contains(job.id));
            assertThat(Collections.disjoint(claimed, secondClaim.stream().map(job -> job.id).toList())).isTrue();
        } finally {
            second.close().block(TIMEOUT);
            first.close().block(TIMEOUT);
        }
    }
}
