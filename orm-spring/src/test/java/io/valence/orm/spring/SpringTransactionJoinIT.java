package io.valence.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.spring.testmodel.Note;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Sessions inside Spring transactions ({@code TransactionalOperator} here, which is what
 * {@code @Transactional} runs): one session per transaction on Spring's connection, flushed before
 * Spring commits, a new one for an inner {@code REQUIRES_NEW}, nothing flushed in a read-only one.
 */
class SpringTransactionJoinIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static IsolatedDatabase database;
    private static ConfigurableApplicationContext context;
    private static ValenceTransactions transactions;
    private static ReactiveTransactionManager manager;
    private static DatabaseClient sql;

    @BeforeAll
    static void startContext() {
        database = TestDatabase.shared().createDatabase("spring_join").block(TIMEOUT);
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class,
                        R2dbcTransactionManagerAutoConfiguration.class, ValenceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.r2dbc.url=" + database.url(),
                        "spring.r2dbc.pool.initial-size=1",
                        "spring.r2dbc.pool.max-size=2",
                        "valence.entity-packages=io.valence.orm.spring.testmodel",
                        "valence.schema.create=true")
                .prepare(prepared -> started.set(prepared.getSourceApplicationContext()));
        context = started.get();
        context.refresh();
        transactions = context.getBean(ValenceTransactions.class);
        manager = context.getBean(ReactiveTransactionManager.class);
        sql = DatabaseClient.create(context.getBean(ConnectionFactory.class));
    }

    @AfterAll
    static void closeContext() {
        context.close();
        database.drop().block(TIMEOUT);
    }

    private static TransactionalOperator operator(int propagation, boolean readOnly) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(propagation);
        definition.setReadOnly(readOnly);
        return TransactionalOperator.create(manager, definition);
    }

    private static long notes(String text) {
        return transactions.sessionFactory()
                .withSession(session -> session.count(Select.from(Note.class).filterBy("text", text)))
                .block(TIMEOUT);
    }

    private static int acquiredConnections() {
        return context.getBean(ConnectionPool.class).getMetrics().orElseThrow().acquiredSize();
    }

    @Test
    void anAddWithoutAFlushIsWrittenBeforeSpringCommitsAndTheSqlInTheTransactionSeesIt() {
        Mono<Long> work = transactions.currentSession()
                .doOnNext(session -> session.add(new Note("flushed-before-commit")))
                .then(transactions.inTransaction(session -> session.count(
                        Select.from(Note.class).filterBy("text", "flushed-before-commit"))));

        StepVerifier.create(operator(TransactionDefinition.PROPAGATION_REQUIRED, false).transactional(work))
                .expectNext(1L)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(notes("flushed-before-commit")).isEqualTo(1);
        assertThat(acquiredConnections()).isZero();
    }

    @Test
    void oneTransactionHasOneSessionAndAnInnerRequiresNewTransactionItsOwnWhichCommitsAlone() {
        AtomicReference<ReactiveSession> outer = new AtomicReference<>();
        AtomicReference<ReactiveSession> inner = new AtomicReference<>();
        Mono<Void> innerWork = transactions.inTransaction(session -> {
            inner.set(session);
            session.add(new Note("inner-kept"));
            return Mono.empty();
        });
        Mono<Void> work = transactions.inTransaction(session -> {
                    outer.set(session);
                    session.add(new Note("outer-rolled-back"));
                    return session.flush();
                })
                .then(operator(TransactionDefinition.PROPAGATION_REQUIRES_NEW, false).transactional(innerWork))
                .then(transactions.currentSession())
                .flatMap(again -> {
                    assertThat(again).as("the outer transaction's session, again after the inner one").isSameAs(outer.get());
                    return Mono.error(new IllegalStateException("the outer transaction fails"));
                });

        StepVerifier.create(operator(TransactionDefinition.PROPAGATION_REQUIRED, false).transactional(work))
                .expectErrorMessage("the outer transaction fails")
                .verify(TIMEOUT);

        assertThat(inner.get()).isNotNull().isNotSameAs(outer.get());
        assertThat(notes("inner-kept")).as("committed by the inner transaction").isEqualTo(1);
        assertThat(notes("outer-rolled-back")).as("rolled back with the outer transaction").isZero();
        assertThat(acquiredConnections()).isZero();
    }

    @Test
    void sqlThroughDatabaseClientAndTheSessionCommitTogether() {
        Mono<Long> work = transactions.inTransaction(session -> {
                    session.add(new Note("valence-and-sql"));
                    return Mono.empty();
                })
                .then(sql.sql("INSERT INTO note (text) VALUES ('valence-and-sql')").then())
                .then(sql.sql("SELECT count(*) AS n FROM note WHERE text = 'valence-and-sql'")
                        .map(row -> row.get("n", Long.class)).one());

        StepVerifier.create(operator(TransactionDefinition.PROPAGATION_REQUIRED, false).transactional(work))
                .expectNext(2L)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(notes("valence-and-sql")).isEqualTo(2);
    }

    @Test
    void aReadOnlyTransactionFlushesNothing() {
        Mono<Void> work = transactions.currentSession()
                .doOnNext(session -> session.add(new Note("read-only-not-written")))
                .then();

        StepVerifier.create(operator(TransactionDefinition.PROPAGATION_REQUIRED, true).transactional(work))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(notes("read-only-not-written")).isZero();
    }

    @Test
    void theCurrentSessionOutsideASpringTransactionIsAClearError() {
        StepVerifier.create(transactions.currentSession())
                .expectErrorSatisfies(error -> assertThat(error)
                        .hasMessageStartingWith("No Spring transaction is active here"))
                .verify(TIMEOUT);
    }

    @Test
    void outsideASpringTransactionInTransactionCommitsItsOwnSession() {
        SessionFactory factory = transactions.sessionFactory();
        StepVerifier.create(transactions.inTransaction(session -> {
                    session.add(new Note("own-transaction"));
                    return Mono.empty();
                }))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(notes("own-transaction")).isEqualTo(1);
        assertThat(factory).isNotNull();
    }
}
