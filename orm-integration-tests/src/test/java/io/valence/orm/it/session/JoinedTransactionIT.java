package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.valence.orm.OrmException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.RecordedStatement;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A session that joins a transaction someone else opened ({@code SessionFactory#openJoinedSession},
 * what orm-spring does inside {@code @Transactional}): its statements run in that transaction, it
 * sends no BEGIN, COMMIT or ROLLBACK and never closes the connection, and what it flushed commits
 * or rolls back with the owner's own statements.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class JoinedTransactionIT {
    private Connection owner;

    @BeforeEach
    void ownerOpensATransaction(ConnectionPool pool) {
        owner = Mono.from(pool.create()).block(TIMEOUT);
        Mono.from(owner.beginTransaction()).block(TIMEOUT);
    }

    @AfterEach
    void ownerReleasesItsConnection(ConnectionPool pool) {
        Mono.from(owner.rollbackTransaction()).onErrorResume(error -> Mono.empty()).block(TIMEOUT);
        Mono.from(owner.close()).block(TIMEOUT);
        assertThat(pool.getMetrics().orElseThrow().acquiredSize()).as("connections acquired").isZero();
    }

    /** What Spring's transaction-aware connection factory is: the connection of the open transaction, every time. */
    private ConnectionFactory transactionConnection() {
        return new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.just(owner);
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return () -> "PostgreSQL";
            }
        };
    }

    private long ownerCount(String value) {
        return Flux.from(owner.createStatement("SELECT count(*) FROM \"parent\" WHERE \"value\" = $1")
                        .bind("$1", value).execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                .blockLast(TIMEOUT);
    }

    private static long committedCount(SessionFactory factory, String value) {
        return factory.withSession(session -> session.count(Select.from(Parent.class).filterBy("value", value)))
                .block(TIMEOUT);
    }

    @Test
    void whatTheSessionFlushedIsSeenByTheOwnerAndCommitsOnlyWithTheOwnersCommit(
            SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openJoinedSession(transactionConnection());
        recorder.reset();
        session.add(new Parent("joined-commit"));

        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);

        assertThat(recorder.statements()).extracting(RecordedStatement::kind)
                .as("no BEGIN or COMMIT of the session's own: the owner's transaction is used")
                .doesNotContain(StatementKind.TRANSACTION);
        assertThat(ownerCount("joined-commit")).as("the owner sees the flushed row in its transaction").isEqualTo(1);
        assertThat(committedCount(factory, "joined-commit")).as("nothing is committed before the owner commits").isZero();

        Mono.from(owner.commitTransaction()).block(TIMEOUT);
        assertThat(committedCount(factory, "joined-commit")).isEqualTo(1);
    }

    @Test
    void theOwnersRollbackUndoesWhatTheSessionFlushed(SessionFactory factory) {
        ReactiveSession session = factory.openJoinedSession(transactionConnection());
        session.add(new Parent("joined-rollback"));
        StepVerifier.create(session.flush().then(session.close())).expectComplete().verify(TIMEOUT);

        Mono.from(owner.rollbackTransaction()).block(TIMEOUT);

        assertThat(committedCount(factory, "joined-rollback")).isZero();
    }

    @Test
    void theSessionUsesTheOwnersConnectionAgainAfterItsCommitAndReadsItsOwnWrites(SessionFactory factory) {
        ReactiveSession session = factory.openJoinedSession(transactionConnection());
        session.add(new Parent("joined-again"));
        StepVerifier.create(session.commit()
                        .then(session.count(Select.from(Parent.class).filterBy("value", "joined-again")))
                        .flatMap(count -> session.close().thenReturn(count)))
                .expectNext(1L)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(ownerCount("joined-again")).isEqualTo(1);
    }

    @Test
    void rollbackOfAJoinedSessionFailsSayingTheOwnerEndsTheTransactionAndLeavesItOpen(SessionFactory factory) {
        ReactiveSession session = factory.openJoinedSession(transactionConnection());
        session.add(new Parent("joined-refused"));
        StepVerifier.create(session.flush()).expectComplete().verify(TIMEOUT);

        StepVerifier.create(session.rollback())
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(OrmException.class)
                        .hasMessage("rollback() cannot end this session's transaction: the session joined a transaction"
                                + " that its owner (Spring's transaction manager) opened and ends. Let the transactional"
                                + " method fail (or call setRollbackOnly() on its ReactiveTransaction) to roll it back"))
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
        assertThat(ownerCount("joined-refused")).as("the owner's transaction is still open, with the row").isEqualTo(1);
    }
}
