package io.valence.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.spring.testmodel.Note;
import io.valence.orm.testkit.IsolatedDatabase;
import io.valence.orm.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The auto-configured factory on a real PostgreSQL, reached only through {@code spring.r2dbc.url}. */
class ValenceAutoConfigurationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private IsolatedDatabase database;
    private ApplicationContextRunner runner;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.shared().createDatabase("orm-spring").block(TIMEOUT);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, ValenceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.r2dbc.url=" + database.url(),
                        "valence.entity-packages=io.valence.orm.spring.testmodel",
                        "valence.schema.create=true");
    }

    @AfterEach
    void dropDatabase() {
        database.drop().block(TIMEOUT);
    }

    @Test
    void createsTheSchemaAtStartUpAndCommitsToTheDatabaseOfTheConfiguredUrl() {
        runner.run(context -> {
            ValenceTransactions transactions = context.getBean(ValenceTransactions.class);

            StepVerifier.create(transactions.inTransaction(session -> {
                        Note note = new Note("written through Spring");
                        session.add(note);
                        return session.flush().then(Mono.fromSupplier(() -> note.id)); // the id exists after the flush
                    }))
                    .assertNext(id -> assertThat(id).isPositive())
                    .expectComplete()
                    .verify(TIMEOUT);
        });

        StepVerifier.create(readNoteTexts())
                .expectNext(List.of("written through Spring"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void sessionsWaitForAConnectionNoLongerThanTheConfiguredAcquireTimeout() {
        runner.withPropertyValues(
                        "spring.r2dbc.pool.initial-size=1",
                        "spring.r2dbc.pool.max-size=1",
                        "spring.r2dbc.pool.max-acquire-time=20s",
                        "valence.acquire-timeout=300ms")
                .run(context -> {
                    SessionFactory factory = context.getBean(SessionFactory.class);
                    ReactiveSession holder = factory.openSession();
                    holder.get(Note.class, 1L).block(TIMEOUT); // takes the pool's only connection
                    try {
                        StepVerifier.create(factory.withSession(session -> session.get(Note.class, 2L)))
                                .expectErrorSatisfies(error -> assertThat(error)
                                        .hasMessageContaining("No connection became free within 300 ms"))
                                .verify(Duration.ofSeconds(10)); // the pool's own 20 s would miss this
                    } finally {
                        holder.close().block(TIMEOUT);
                    }
                });
    }

    private Mono<List<String>> readNoteTexts() {
        return Mono.usingWhen(
                database.connectionFactory().create(),
                connection -> Flux.from(connection.createStatement("select text from note order by id").execute())
                        .flatMap(result -> result.map((Readable row) -> row.get("text", String.class)))
                        .collectList(),
                Connection::close);
    }
}
