package io.valence.orm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.valence.orm.testkit.RecordedStatement.Outcome;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

@ValenceTest
class StatementRecorderIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionPool pool;
    private final StatementRecorder recorder;

    StatementRecorderIT(ConnectionPool pool, StatementRecorder recorder) {
        this.pool = pool;
        this.recorder = recorder;
    }

    @BeforeAll
    static void createTable(ConnectionPool pool) {
        Mono.usingWhen(pool.create(), connection -> rowsUpdated(connection.createStatement(
                        "CREATE TABLE item (id serial PRIMARY KEY, value text, \"Label\" text)").execute()), Connection::close)
                .block(TIMEOUT);
    }

    @BeforeEach
    void forgetSetUp() {
        recorder.reset();
    }

    private <T> Mono<T> withConnection(Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(pool.create(), work, Connection::close);
    }

    private static Mono<Long> rowsUpdated(Publisher<? extends Result> results) {
        return Flux.from(results).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    @Test
    void statementWithThreeAddedBindingsIsOneExecutionWithThreeBindings() {
        StepVerifier.create(withConnection(connection -> rowsUpdated(connection
                        .createStatement("INSERT INTO item (value) VALUES ($1)")
                        .bind("$1", "a").add()
                        .bind("$1", "b").add()
                        .bind("$1", "c")
                        .execute())))
                .expectNext(3L)
                .expectComplete()
                .verify(TIMEOUT);

        recorder.assertThat()
                .hasStatementCount(1)
                .hasRoundTripCount(1)
                .singleElement()
                .hasKind(StatementKind.INSERT)
                .hasBindings(3)
                .hasSql("INSERT INTO item (value) VALUES ($1)")
                .succeeded();
        assertThat(recorder.statements().get(0).boundValuesText()).isEqualTo("($1='a') ($1='b') ($1='c')");
    }

    @Test
    void updateRecordsTheColumnsItSets() {
        StepVerifier.create(withConnection(connection -> rowsUpdated(connection
                        .createStatement("UPDATE item SET value = $1, \"Label\" = $2 WHERE id = $3")
                        .bind("$1", "x")
                        .bind("$2", "y")
                        .bind("$3", -1)
                        .execute())))
                .expectNext(0L)
                .expectComplete()
                .verify(TIMEOUT);

        recorder.assertThat().hasNo(StatementKind.INSERT).updates().singleElement().setsOnly("value", "Label").hasBindings(1);
        assertThat(recorder.statements().get(0).boundValuesText()).isEqualTo("$1='x', $2='y', $3=-1");
        assertThatThrownBy(() -> recorder.assertThat().hasNoUpdates())
                .hasMessageContaining("Expected no UPDATE")
                .hasMessageContaining("->  1. [UPDATE, 1 binding, connection ");
    }

    @Test
    void failedStatementIsRecordedAsFailed() {
        StepVerifier.create(withConnection(connection -> rowsUpdated(connection.createStatement("SELECT * FROM missing").execute())))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("missing"))
                .verify(TIMEOUT);

        RecordedStatement failed = recorder.assertThat().singleElement().hasKind(StatementKind.SELECT).failed().actual();
        assertThat(failed.failure()).contains("missing");
    }

    @Test
    void transactionControlCountsAsRoundTripsButNotAsStatements() {
        StepVerifier.create(withConnection(connection -> Mono.from(connection.beginTransaction())
                        .then(rowsUpdated(connection.createStatement("INSERT INTO item (value) VALUES ('t')").execute()))
                        .flatMap(rows -> Mono.from(connection.commitTransaction()).thenReturn(rows))))
                .expectNext(1L)
                .expectComplete()
                .verify(TIMEOUT);

        recorder.assertThat()
                .hasStatementCount(1)
                .hasRoundTripCount(3)
                .includingTransactionControl()
                .hasKinds(StatementKind.TRANSACTION, StatementKind.INSERT, StatementKind.TRANSACTION);
        assertThat(recorder.statements()).extracting(RecordedStatement::outcome).containsOnly(Outcome.SUCCEEDED);
        assertThat(recorder.statements()).noneMatch(RecordedStatement::pipelined);
    }

    @Test
    void anExecutionStartedWhileTransactionControlIsInFlightIsPipelinedAndAddsNoRoundTrip() {
        // subscribed one after the other on the connection's event loop (after SELECT 1 completed
        // there), so BEGIN's answer cannot be read before the INSERT started
        StepVerifier.create(withConnection(connection -> rowsUpdated(connection.createStatement("SELECT 1").execute())
                        .thenMany(Flux.mergeSequential(Mono.from(connection.beginTransaction()).then(Mono.<Long>empty()),
                                rowsUpdated(connection.createStatement("INSERT INTO item (value) VALUES ('p')").execute())))
                        .single()
                        .flatMap(rows -> Mono.from(connection.rollbackTransaction()).thenReturn(rows))))
                .expectNext(1L)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(recorder.statements())
                .extracting(RecordedStatement::sql, RecordedStatement::pipelined)
                .containsExactly(
                        tuple("SELECT 1", false),
                        tuple("BEGIN (Connection.beginTransaction)", false),
                        tuple("INSERT INTO item (value) VALUES ('p')", true),
                        tuple("ROLLBACK (Connection.rollbackTransaction)", false));
        recorder.assertThat().hasStatementCount(2).hasRoundTripCount(3);
    }

    @Test
    void aStatementStartedBehindAStatementWithBindingsIsNotPipelined() {
        // r2dbc-postgresql writes the second only after the first one's response ended
        StepVerifier.create(withConnection(connection -> rowsUpdated(connection.createStatement("SELECT 1").execute())
                        .thenMany(Flux.mergeSequential(
                                rowsUpdated(connection.createStatement("SELECT $1::int").bind("$1", 1).execute()),
                                rowsUpdated(connection.createStatement("SELECT 2").execute())))
                        .then()))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(recorder.statements()).extracting(RecordedStatement::sql, RecordedStatement::pipelined)
                .containsExactly(tuple("SELECT 1", false), tuple("SELECT $1::int", false), tuple("SELECT 2", false));
        recorder.assertThat().hasRoundTripCount(3);
    }

    @Test
    void statementsOnTwoConnectionsCarryTheirConnectionIds() {
        Mono<Long> work = Mono.usingWhen(
                Mono.zip(pool.create(), pool.create()),
                pair -> rowsUpdated(pair.getT1().createStatement("SELECT 1").execute())
                        .then(rowsUpdated(pair.getT2().createStatement("SELECT 2").execute())),
                pair -> Mono.when(pair.getT1().close(), pair.getT2().close()));

        StepVerifier.create(work).expectNextCount(1).expectComplete().verify(TIMEOUT);

        assertThat(recorder.statements()).hasSize(2).extracting(RecordedStatement::connectionId).doesNotHaveDuplicates();
        assertThat(recorder.statements()).noneMatch(RecordedStatement::pipelined);
    }

    @Test
    void resetForgetsEverything() {
        StepVerifier.create(withConnection(connection -> rowsUpdated(connection.createStatement("SELECT 1").execute())))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        recorder.reset();

        recorder.assertThat().hasNoStatements().hasRoundTripCount(0);
    }
}
