package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** One lazily taken connection per session, one transaction on it, returned at commit, rollback or close. */
@ValenceTest(entities = {Parent.class, Child.class})
class TransactionsIT {

    private static int acquired(ConnectionPool pool) {
        return pool.getMetrics().orElseThrow().acquiredSize();
    }

    private static long count(SessionFactory factory, String value) {
        return factory.withSession(session -> session.count(Select.from(Parent.class).filterBy("value", value)))
                .block(TIMEOUT);
    }

    @Test
    void noConnectionIsTakenByOpenSessionOrAdd(SessionFactory factory, ConnectionPool pool, StatementRecorder recorder) {
        recorder.reset();
        ReactiveSession session = factory.openSession();
        assertThat(acquired(pool)).isZero();

        session.add(new Parent("lazy"));

        assertThat(acquired(pool)).isZero();
        assertThat(recorder.statements()).as("not even BEGIN").isEmpty();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
        assertThat(recorder.statements()).isEmpty();
    }

    @Test
    void theFirstStatementBeginsTheTransactionAndEveryStatementUsesOneConnection(
            SessionFactory factory, ConnectionPool pool, StatementRecorder recorder) {
        Parent parent = new Parent("one-connection");
        parent.children.add(new Child("c", parent));
        Committed.rows(factory, List.of(parent));
        recorder.reset();
        List<Integer> samples = new ArrayList<>();
        ReactiveSession session = factory.openSession();

        Mono<Void> work = session.get(Parent.class, parent.id)
                .doOnNext(found -> samples.add(acquired(pool)))
                .flatMap(found -> session.fetch(found, "children"))
                .doOnNext(found -> samples.add(acquired(pool)))
                .thenMany(session.scalars(Select.from(Child.class).filterBy("parent.id", parent.id)))
                .doOnNext(child -> samples.add(acquired(pool)))
                .then(session.one(Select.from(Parent.class).filterBy("id", parent.id).options(Load.selectIn("children"))))
                .doOnNext(found -> {
                    samples.add(acquired(pool));
                    found.value = "changed";
                    session.add(new Parent("one-connection-more"));
                })
                .then(session.flush())
                .then(Mono.fromRunnable(() -> samples.add(acquired(pool))))
                .then(session.count(Select.from(Parent.class)))
                .doOnNext(total -> samples.add(acquired(pool)))
                .then(session.commit())
                .then(Mono.fromRunnable(() -> samples.add(acquired(pool))))
                .then(session.close());

        StepVerifier.create(work).expectComplete().verify(TIMEOUT);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(5).allSatisfy(sample -> assertThat(sample).isLessThanOrEqualTo(1));
        assertThat(samples.get(samples.size() - 1)).as("after commit").isZero();
        List<RecordedStatement> statements = recorder.statements();
        assertThat(statements.get(0).sql()).startsWith("BEGIN");
        assertThat(statements).extracting(RecordedStatement::connectionId).containsOnly(statements.get(0).connectionId());
        assertThat(statements).filteredOn(statement -> statement.kind() == StatementKind.TRANSACTION).hasSize(2);
    }

    @Test
    void aFlushWithoutCommitIsInvisibleToAnotherSessionUntilCommit(SessionFactory factory) {
        ReactiveSession writer = factory.openSession();
        writer.add(new Parent("invisible-until-commit"));
        StepVerifier.create(writer.flush()).expectComplete().verify(TIMEOUT);

        assertThat(count(factory, "invisible-until-commit")).isZero();

        StepVerifier.create(writer.commit()).expectComplete().verify(TIMEOUT);
        assertThat(count(factory, "invisible-until-commit")).isOne();
        StepVerifier.create(writer.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void commitReturnsTheConnectionAndTheSessionIsReusable(SessionFactory factory, ConnectionPool pool, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        Parent first = new Parent("reusable-1");
        session.add(first);
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        assertThat(acquired(pool)).isZero();

        recorder.reset();
        StepVerifier.create(session.get(Parent.class, first.id)).expectNext(first).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
        first.value = "reusable-1-changed";
        session.add(new Parent("reusable-2"));
        StepVerifier.create(session.commit()).expectComplete().verify(TIMEOUT);
        assertThat(acquired(pool)).isZero();
        recorder.assertThat().hasStatementCount(2);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);

        assertThat(count(factory, "reusable-1-changed")).isOne();
        assertThat(count(factory, "reusable-2")).isOne();
    }

    @Test
    void closeWithoutCommitLeavesNothingAndReturnsTheConnection(SessionFactory factory, ConnectionPool pool) {
        ReactiveSession session = factory.openSession();
        session.add(new Parent("closed-uncommitted"));
        StepVerifier.create(session.flush()).expectComplete().verify(TIMEOUT);
        assertThat(acquired(pool)).isOne();

        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);

        assertThat(acquired(pool)).isZero();
        assertThat(count(factory, "closed-uncommitted")).isZero();
    }

    @Test
    void rollbackReturnsTheConnectionAndTheSessionWorksAfterwards(SessionFactory factory, ConnectionPool pool) {
        ReactiveSession session = factory.openSession();
        session.add(new Parent("rolled-back"));
        StepVerifier.create(session.flush().then(session.rollback())).expectComplete().verify(TIMEOUT);
        assertThat(acquired(pool)).isZero();

        session.add(new Parent("after-rollback"));
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);

        assertThat(count(factory, "rolled-back")).isZero();
        assertThat(count(factory, "after-rollback")).isOne();
    }

    @Test
    void withSessionRollsBackWhatWasNotCommitted(SessionFactory factory) {
        StepVerifier.create(factory.withSession(session -> {
                    session.add(new Parent("with-session-uncommitted"));
                    return session.flush();
                }))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(count(factory, "with-session-uncommitted")).isZero();
    }

    @Test
    void inTransactionRollsBackWhenTheWorkFails(SessionFactory factory, ConnectionPool pool) {
        StepVerifier.create(factory.inTransaction(session -> {
                    session.add(new Parent("in-transaction-failed"));
                    return session.flush().then(Mono.error(new IllegalStateException("the work failed")));
                }))
                .expectErrorMessage("the work failed")
                .verify(TIMEOUT);

        assertThat(acquired(pool)).isZero();
        assertThat(count(factory, "in-transaction-failed")).isZero();
    }

    @Test
    void pendingObjectsAreFlushedBeforeAQuery(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();

        Mono<Boolean> found = factory.withSession(session -> {
            Parent parent = new Parent("autoflush-query");
            session.add(parent);
            return session.one(Select.from(Parent.class).filterBy("value", "autoflush-query")).map(row -> row == parent);
        });

        StepVerifier.create(found).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasKinds(StatementKind.INSERT, StatementKind.SELECT);
    }

    @Test
    void pendingObjectsAreFlushedBeforeAGetOfAnUnknownId(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();

        Mono<Boolean> found = factory.withSession(session -> {
            session.add(new Parent("autoflush-get"));
            return session.get(Parent.class, Long.MAX_VALUE).hasElement();
        });

        StepVerifier.create(found).expectNext(false).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasKinds(StatementKind.INSERT, StatementKind.SELECT);
    }

    /**
     * {@code take(1)} cancels the query; {@code flatMapMany} passes the cancel on to the Mono that
     * acquired the session's connection although it completed long ago, and the pool takes the
     * connection back while the session still uses it.
     */
    @Test
    void aQueryCutShortAsTheSessionsFirstOperationKeepsItsConnection(SessionFactory factory, ConnectionPool pool) {
        Committed.rows(factory, List.of(new Parent("cut-short"), new Parent("cut-short")));
        ReactiveSession session = factory.openSession();

        Mono<Long> afterwards = session.scalars(Select.from(Parent.class).filterBy("value", "cut-short"))
                .take(1)
                .then(session.count(Select.from(Parent.class).filterBy("value", "cut-short")));

        StepVerifier.create(afterwards).expectNext(2L).expectComplete().verify(TIMEOUT);
        assertThat(acquired(pool)).isOne();
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertThat(acquired(pool)).isZero();
    }
}
