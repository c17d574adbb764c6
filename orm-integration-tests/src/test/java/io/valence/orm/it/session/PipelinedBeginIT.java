package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.RecordedStatement.Outcome;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A session's BEGIN goes out with its first statement, not as a round trip of its own: the
 * statement is subscribed right behind BEGIN and its results arrive once BEGIN succeeded.
 * Cancelling the first statement while it runs is in {@code CancellationIT}.
 */
@ValenceTest(entities = {Parent.class, Child.class, Storage.class})
class PipelinedBeginIT {

    private static int acquired(ConnectionPool pool) {
        return pool.getMetrics().orElseThrow().acquiredSize();
    }

    private static long parents(SessionFactory factory, String value) {
        return factory.withSession(session -> session.count(Select.from(Parent.class).filterBy("value", value)))
                .block(TIMEOUT);
    }

    private static long storages(SessionFactory factory, String key) {
        return factory.withSession(session -> session.count(Select.from(Storage.class).filterBy("key", key)))
                .block(TIMEOUT);
    }

    @Test
    void beginIsPipelinedWithTheFirstStatement(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = Committed.rows(factory, List.of(new Parent("pipelined-read"))).get(0);
        ReactiveSession session = factory.openSession();
        recorder.reset();

        StepVerifier.create(session.get(Parent.class, parent.id).map(found -> found.value).flatMap(value ->
                        session.count(Select.from(Parent.class).filterBy("value", value))))
                .expectNext(1L)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);

        List<RecordedStatement> statements = recorder.statements();
        assertThat(statements).extracting(RecordedStatement::kind, RecordedStatement::pipelined)
                .as("BEGIN and the SELECT in one round trip; later statements wait for the one before")
                .containsExactly(
                        tuple(StatementKind.TRANSACTION, false),
                        tuple(StatementKind.SELECT, true),
                        tuple(StatementKind.SELECT, false),
                        tuple(StatementKind.TRANSACTION, false));
        assertThat(statements.get(0).sql()).startsWith("BEGIN");
        assertThat(statements.get(3).sql()).startsWith("COMMIT");
        assertThat(statements).extracting(RecordedStatement::connectionId).containsOnly(statements.get(0).connectionId());
        recorder.assertThat().hasStatementCount(2).hasRoundTripCount(3).allSucceeded();
    }

    @Test
    void onTheWireTheFirstStatementLeavesBeforeBeginIsAnswered(SessionFactory withSchema, IsolatedDatabase database)
            throws Exception {
        ConnectionFactoryOptions direct = database.options();
        try (WireTap tap = WireTap.inFrontOf(direct, Duration.ofMillis(150))) {
            ConnectionPool tapped = tap.onePool(direct);
            try {
                SessionFactory factory = SessionFactory.builder(tapped).entities(Parent.class, Child.class).build();
                Parent parent = Committed.rows(factory, List.of(new Parent("on-the-wire"))).get(0);
                tap.clear();

                StepVerifier.create(factory.inTransaction(session -> session.get(Parent.class, parent.id)
                                .flatMap(found -> session.count(Select.from(Parent.class).filterBy("value", found.value)))))
                        .expectNext(1L)
                        .expectComplete()
                        .verify(TIMEOUT);

                // every answer is held back 150 ms by the tap: only a request written without waiting
                // arrives while the one before it is unanswered
                assertThat(tap.requests()).extracting(request -> request.sql().split(" ")[0], WireTap.Request::pipelined)
                        .containsExactly(
                                tuple("BEGIN", false),
                                tuple("SELECT", true),
                                tuple("SELECT", false),
                                tuple("COMMIT", false));
            } finally {
                tapped.disposeLater().block(TIMEOUT);
            }
        }
    }

    @Test
    void aGetInAFreshTransactionCostsTwoRoundTrips(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = Committed.rows(factory, List.of(new Parent("two-round-trips"))).get(0);
        recorder.reset();

        StepVerifier.create(factory.inTransaction(session -> session.get(Parent.class, parent.id).map(found -> found.value)))
                .expectNext("two-round-trips")
                .expectComplete()
                .verify(TIMEOUT);

        recorder.assertThat().hasStatementCount(1).hasRoundTripCount(2);
    }

    @Test
    void writesOfThePipelinedFirstStatementStayInsideTheTransaction(
            SessionFactory factory, ConnectionPool pool, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        session.add(new Parent("pipelined-write"));
        recorder.reset();

        StepVerifier.create(session.flush()).expectComplete().verify(TIMEOUT);

        assertThat(recorder.statements()).extracting(RecordedStatement::kind, RecordedStatement::pipelined)
                .containsExactly(tuple(StatementKind.TRANSACTION, false), tuple(StatementKind.INSERT, true));
        assertThat(parents(factory, "pipelined-write")).as("not committed by itself").isZero();
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        assertThat(acquired(pool)).isZero();
        assertThat(parents(factory, "pipelined-write")).as("undone by the rollback").isZero();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void firstStatementFailureRollsBackCleanly(SessionFactory factory, ConnectionPool pool, StatementRecorder recorder) {
        Committed.rows(factory, List.of(new Storage("pipelined-duplicate", "first")));
        ReactiveSession session = factory.openSession();
        session.add(new Storage("pipelined-duplicate", "second"));
        recorder.reset();

        StepVerifier.create(session.flush()).expectError(ConstraintViolationException.class).verify(TIMEOUT);

        assertThat(acquired(pool)).as("rolled back and returned at once").isZero();
        assertThat(recorder.statements())
                .extracting(RecordedStatement::kind, RecordedStatement::pipelined, RecordedStatement::outcome)
                .containsExactly(
                        tuple(StatementKind.TRANSACTION, false, Outcome.SUCCEEDED),
                        tuple(StatementKind.INSERT, true, Outcome.FAILED),
                        tuple(StatementKind.TRANSACTION, false, Outcome.SUCCEEDED));
        assertThat(recorder.statements().get(2).sql()).startsWith("ROLLBACK");
        StepVerifier.create(session.get(Storage.class, 1L)).expectError(PendingRollbackException.class).verify(TIMEOUT);

        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        session.add(new Storage("pipelined-after-failure", "works"));
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertThat(storages(factory, "pipelined-after-failure")).isOne();
        assertThat(storages(factory, "pipelined-duplicate")).isOne();
    }

    @Test
    void cancellingTheFirstStreamPartWayLeavesTheSessionAndItsTransactionUsable(SessionFactory factory) {
        Committed.rows(factory, IntStream.range(0, 2_000).mapToObj(i -> new Parent("streamed-first")).toList());
        Parent kept = Committed.rows(factory, List.of(new Parent("kept-after-cancel"))).get(0);
        ReactiveSession session = factory.openSession();

        StepVerifier.create(session.scalars(Select.from(Parent.class).filterBy("value", "streamed-first")).take(3))
                .expectNextCount(3)
                .expectComplete()
                .verify(TIMEOUT);
        session.add(new Parent("written-after-cancel"));

        StepVerifier.create(session.get(Parent.class, kept.id).map(found -> found.value).flatMap(value ->
                        session.commit().thenReturn(value)))
                .expectNext("kept-after-cancel")
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
        assertThat(parents(factory, "written-after-cancel")).isOne();
    }

    @Test
    void nestedAsFirstOperationOpensOneTransaction(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();

        Mono<Void> work = session.nested(nested -> {
                    nested.add(new Parent("nested-first"));
                    return Mono.<Void>empty();
                })
                .then(session.commit())
                .then(session.close());
        StepVerifier.create(work).expectComplete().verify(TIMEOUT);

        List<RecordedStatement> statements = recorder.statements();
        assertThat(statements).extracting(RecordedStatement::sql)
                .filteredOn(sql -> sql.startsWith("BEGIN"))
                .hasSize(1);
        // SAVEPOINT waits for BEGIN's answer: r2dbc-postgresql checks the transaction status when a
        // savepoint call is subscribed, and would send a BEGIN of its own while it still reads idle
        assertThat(statements).extracting(RecordedStatement::sql, RecordedStatement::pipelined)
                .startsWith(tuple("BEGIN (Connection.beginTransaction)", false),
                        tuple("SAVEPOINT valence_savepoint_1 (Connection.createSavepoint)", false));
        assertThat(statements.get(statements.size() - 1).sql()).startsWith("COMMIT");
        assertThat(statements).noneMatch(RecordedStatement::pipelined);
        assertThat(parents(factory, "nested-first")).isOne();
    }

    @Test
    void rollbackOfANestedFirstOperationKeepsTheTransactionAndCommitsTheRest(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        IllegalStateException failure = new IllegalStateException("nested work failed");

        Mono<Void> work = session.nested(nested -> {
                    nested.add(new Parent("nested-first-undone"));
                    return nested.flush().then(Mono.error(failure));
                })
                .onErrorResume(error -> error == failure, error -> Mono.empty())
                .then(Mono.fromRunnable(() -> session.add(new Parent("after-nested-first"))))
                .then(session.commit())
                .then(session.close());
        StepVerifier.create(work).expectComplete().verify(TIMEOUT);

        assertThat(parents(factory, "nested-first-undone")).isZero();
        assertThat(parents(factory, "after-nested-first")).isOne();
    }
}
