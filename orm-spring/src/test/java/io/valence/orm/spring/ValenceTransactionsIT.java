package io.valence.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.ConstraintViolationException;
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
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The session-per-request idiom on the auto-configured pool: what a request sees when its work is
 * cancelled part-way or misuses its session, and that the pool gets every connection back.
 */
class ValenceTransactionsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static IsolatedDatabase database;
    private static ConfigurableApplicationContext context;
    private static ValenceTransactions transactions;

    @BeforeAll
    static void startContext() {
        database = TestDatabase.shared().createDatabase("valence_transactions").block(TIMEOUT);
        AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, ValenceAutoConfiguration.class))
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
        transactions.inTransaction(session -> {
                    session.add(new Note("first"));
                    session.add(new Note("second"));
                    session.add(new Note("third"));
                    return session.flush();
                })
                .block(TIMEOUT);
    }

    @AfterAll
    static void closeContext() {
        context.close();
        database.drop().block(TIMEOUT);
    }

    @Test
    void aQueryCutShortAsTheSessionsFirstOperationLeavesTheSessionUsable() {
        Mono<Long> work = transactions.withSession(session -> session.scalars(Select.from(Note.class).orderBy("id"))
                .take(1)
                .then(session.count(Select.from(Note.class))));

        StepVerifier.create(work).expectNext(3L).expectComplete().verify(TIMEOUT);
        assertThat(acquiredConnections()).isZero();
    }

    @Test
    void zippingTwoOperationsOfOneSessionFailsWithConcurrentSessionUseAndReleasesEverything() {
        // Two sessions hold the pool's two connections, so the first zipped operation is surely still
        // acquiring when the second is subscribed (without that, a descheduled test thread could let
        // the first finish before the second starts, and then nothing runs concurrently).
        SessionFactory factory = transactions.sessionFactory();
        ReactiveSession first = factory.openSession();
        ReactiveSession second = factory.openSession();
        first.count(Select.from(Note.class)).block(TIMEOUT);
        second.count(Select.from(Note.class)).block(TIMEOUT);
        try {
            Mono<Long> misuse = transactions.withSession(session -> Mono.zip(
                            session.count(Select.from(Note.class)), session.count(Select.from(Note.class)))
                    .map(counts -> counts.getT1() + counts.getT2()));

            StepVerifier.create(misuse)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(InvalidDataAccessApiUsageException.class)
                            .hasCauseInstanceOf(ConcurrentSessionUseException.class)
                            .hasMessageStartingWith("This session is provisioning a new connection; concurrent"
                                    + " operations are not permitted."))
                    .verify(TIMEOUT);
        } finally {
            first.close().block(TIMEOUT);
            second.close().block(TIMEOUT);
        }
        assertThat(acquiredConnections()).isZero();
    }

    @Test
    void aUniqueViolationLeavesTheTransactionAsDuplicateKeyWithValencesExceptionAsCause() {
        transactions.inTransaction(session -> {
            Note note = new Note("coded");
            note.code = "taken";
            session.add(note);
            return session.flush();
        }).block(TIMEOUT);

        Mono<Void> duplicate = transactions.inTransaction(session -> {
            Note note = new Note("again");
            note.code = "taken";
            session.add(note);
            return session.flush();
        });

        StepVerifier.create(duplicate)
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(DuplicateKeyException.class)
                            .hasCauseInstanceOf(ConstraintViolationException.class)
                            .hasMessageContaining("constraint \"note_code_key\"");
                    assertThat(((ConstraintViolationException) error.getCause()).table()).isEqualTo("note");
                })
                .verify(TIMEOUT);
        assertThat(acquiredConnections()).isZero();
        // the other tests count three notes
        transactions.inTransaction(session -> session.one(Select.from(Note.class).filterBy("code", "taken"))
                .doOnNext(session::delete)).block(TIMEOUT);
    }

    private static int acquiredConnections() {
        ConnectionPool pool = (ConnectionPool) context.getBean(ConnectionFactory.class);
        return pool.getMetrics().orElseThrow().acquiredSize();
    }
}
