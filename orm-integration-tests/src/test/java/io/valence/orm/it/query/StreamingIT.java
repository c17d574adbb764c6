package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@code scalars} streams with backpressure: rows are decoded into objects as they are requested, and
 * cancelling a stream early ({@code take(1)}, a timeout) leaves the session usable at once on a clean
 * connection. The table holds 5,000 readings, inserted once for the class.
 */
@ValenceTest(entities = Reading.class)
class StreamingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ROWS = 5_000;
    private static final Select<Reading> ALL = Select.from(Reading.class).orderBy("sequence");

    @BeforeAll
    static void fiveThousandReadings(SessionFactory factory, ConnectionPool pool) {
        Flux.usingWhen(pool.create(),
                        connection -> Flux.from(connection.createStatement("INSERT INTO reading (sequence, payload, processed)"
                                                + " SELECT n, 'payload-' || n, false FROM generate_series(1, " + ROWS + ") AS n")
                                        .execute())
                                .flatMap(result -> result.getRowsUpdated()),
                        connection -> connection.close())
                .blockLast(TIMEOUT);
    }

    /** The ids of the readings with these sequence numbers, read by a session of its own. */
    private static List<Long> idsOf(SessionFactory factory, Long... sequences) {
        return factory.withSession(session -> session.scalars(Select.from(Reading.class)
                                .where(Condition.in("sequence", (Object[]) sequences))
                                .orderBy("sequence"))
                        .map(reading -> reading.id)
                        .collectList())
                .block(TIMEOUT);
    }

    private static void close(ReactiveSession session) {
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void rowsAreDecodedIntoObjectsOnlyAsTheyAreRequested(SessionFactory factory, StatementRecorder recorder) {
        List<Long> ids = idsOf(factory, 3L, 4L, 600L);
        ReactiveSession session = factory.openSession();
        StepVerifier.create(session.scalars(ALL), 0)
                .thenRequest(2)
                .expectNextCount(2)
                .thenRequest(1)
                .assertNext(reading -> assertThat(reading.sequence).isEqualTo(3L))
                .thenCancel()
                .verify(TIMEOUT);
        recorder.reset();
        StepVerifier.create(session.get(Reading.class, ids.get(0))).expectNextCount(1).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements(); // row 3 was requested, so it is in the session
        StepVerifier.create(session.get(Reading.class, ids.get(1)).map(reading -> reading.sequence))
                .expectNext(4L)
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1); // row 4 was never requested, so it was never loaded
        StepVerifier.create(session.get(Reading.class, ids.get(2)).map(reading -> reading.sequence))
                .expectNext(600L)
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        close(session);
    }

    @Test
    void takeOneOfFiveThousandRowsThenAGetWorksOnTheSameSession(SessionFactory factory, StatementRecorder recorder) {
        Long lastId = idsOf(factory, (long) ROWS).get(0);
        ReactiveSession session = factory.openSession();
        recorder.reset();
        Mono<Long> firstThenGet = session.scalars(ALL)
                .take(1)
                .single()
                .flatMap(first -> session.get(Reading.class, lastId))
                .map(reading -> reading.sequence);
        StepVerifier.create(firstThenGet).expectNext((long) ROWS).expectComplete().verify(Duration.ofSeconds(5));
        recorder.assertThat().hasStatementCount(2);
        StepVerifier.create(session.scalars(ALL).next().flatMap(first -> session.count(ALL)))
                .expectNext((long) ROWS)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(session.scalars(ALL).take(1).then(session.get(Reading.class, lastId)))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        close(session);
    }

    @Test
    void takeOneAsTheFirstOperationOfASessionKeepsItsConnection(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        StepVerifier.create(session.scalars(ALL).take(1)).expectNextCount(1).expectComplete().verify(TIMEOUT);
        StepVerifier.create(session.count(ALL)).expectNext((long) ROWS).expectComplete().verify(TIMEOUT);
        StepVerifier.create(session.scalars(ALL).take(3).map(reading -> reading.sequence))
                .expectNext(1L, 2L, 3L)
                .expectComplete()
                .verify(TIMEOUT);
        close(session);
    }

    @Test
    void aStreamCancelledByATimeoutLeavesTheSessionUsable(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        Mono<List<Reading>> slow = session.scalars(ALL)
                .concatMap(reading -> Mono.delay(Duration.ofMillis(20)).thenReturn(reading), 1)
                .collectList()
                .timeout(Duration.ofMillis(300)); // the whole read, not each row
        StepVerifier.create(slow).expectError(TimeoutException.class).verify(TIMEOUT);
        StepVerifier.create(session.count(ALL)).expectNext((long) ROWS).expectComplete().verify(Duration.ofSeconds(5));
        StepVerifier.create(session.scalars(ALL).count()).expectNext((long) ROWS).expectComplete().verify(TIMEOUT);
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        close(session);
    }

    @Test
    void aCancelledStreamKeepsTheTransactionAndWhatItsAutoflushWrote(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        Reading first = session.scalars(ALL).blockFirst(TIMEOUT);
        first.payload = "changed-after-cancel";
        StepVerifier.create(session.scalars(ALL).take(10).count()).expectNext(10L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(session.count(Select.from(Reading.class).filterBy("payload", "changed-after-cancel")))
                .expectNext(1L)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        close(session);
    }

    @Test
    void anotherOperationWhileAStreamIsOpenIsRejectedAndTheSessionStaysUsable(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        Flux<String> flushPerRow = session.scalars(ALL)
                .take(5)
                .concatMap(reading -> session.flush().thenReturn("flushed"));
        StepVerifier.create(flushPerRow)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(ConcurrentSessionUseException.class)
                        .hasMessageContaining("busy with another operation (scalars())")
                        .hasMessageContaining("flush() was rejected"))
                .verify(TIMEOUT);
        StepVerifier.create(session.scalars(ALL).count()).expectNext((long) ROWS).expectComplete().verify(TIMEOUT);
        close(session);
    }

    /** Whether the object behind {@code reference} was garbage collected (a few full GCs requested). */
    private static boolean collected(WeakReference<?> reference) {
        for (int attempt = 0; attempt < 10 && reference.get() != null; attempt++) {
            System.gc();
            Thread.onSpinWait();
        }
        return reference.get() == null;
    }

    @Test
    void anExpungedLoadedObjectIsNoLongerHeldByTheSession(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        Reading first = session.scalars(ALL).blockFirst(TIMEOUT);
        first.processed = true;
        session.flush().block(TIMEOUT);
        session.expunge(first);
        WeakReference<Reading> reference = new WeakReference<>(first);
        first = null;
        boolean collected = collected(reference);
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        close(session);
        assertThat(collected).as("the batch-job pattern relies on expunge letting rows go").isTrue();
    }

    @Test
    void anExpungedInsertedObjectIsNoLongerHeldByTheSessionBeforeCommit(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        Reading inserted = new Reading();
        inserted.sequence = -1;
        inserted.payload = "inserted-then-expunged";
        session.add(inserted);
        session.flush().block(TIMEOUT);
        session.expunge(inserted);
        WeakReference<Reading> reference = new WeakReference<>(inserted);
        inserted = null;
        boolean collected = collected(reference);
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        close(session);
        assertThat(collected)
                .as("an import job (add, flush every N, expunge) keeps flat memory only if expunge lets inserted"
                        + " objects go before the transaction ends")
                .isTrue();
    }
}
