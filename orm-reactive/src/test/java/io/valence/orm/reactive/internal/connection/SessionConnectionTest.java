package io.valence.orm.reactive.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * When {@link SessionConnection} sends BEGIN, what it sends behind it, and what waits for BEGIN's
 * answer, against a scripted connection whose BEGIN answers when the test says so. The behaviour
 * of the real driver behind this script is covered by {@code PipelinedBeginIT}.
 */
class SessionConnectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What reached the connection, in order. */
    private final List<String> wire = new CopyOnWriteArrayList<>();
    private final Sinks.Empty<Void> beginAnswer = Sinks.empty();
    private final Sinks.One<Connection> pool = Sinks.one();
    private final SessionConnection session = new SessionConnection(ChannelSettings.of(new ScriptedFactory(), TIMEOUT, null, null));
    /** Runs when the session calls close() on the connection, before the pool is told. */
    private Runnable onClose = () -> {};
    /** ROLLBACK's answer; at once unless a test holds it. */
    private Mono<Void> rollbackAnswer = Mono.empty();
    /** How many rows each statement returns. */
    private int rowsPerStatement = 1;

    private LeasedConnection handedOver() {
        pool.tryEmitValue(scripted());
        return session.connection().block(TIMEOUT);
    }

    private static Flux<String> select(LeasedConnection connection) {
        return connection.execute(connection.createStatement("SELECT 1"), (result, gate) -> result.map(row -> "row"));
    }

    @Test
    void theFirstStatementIsSentRightBehindBeginAndItsRowsWaitForBegin() {
        LeasedConnection connection = handedOver();
        assertThat(wire).as("nothing before the first statement").isEmpty();

        StepVerifier.create(select(connection))
                .then(() -> assertThat(wire).containsExactly("BEGIN", "SELECT 1"))
                .expectNoEvent(Duration.ofMillis(50))
                .then(beginAnswer::tryEmitEmpty)
                .expectNext("row")
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(select(connection)).expectNext("row").expectComplete().verify(TIMEOUT);
        assertThat(wire).containsExactly("BEGIN", "SELECT 1", "SELECT 1");
    }

    @Test
    void theFirstStatementsRowsAreReadOnlyAsTheyAreDemanded() {
        LeasedConnection connection = handedOver();
        rowsPerStatement = 3;
        AtomicInteger read = new AtomicInteger();
        // reading a row is what loads an object into the session: one read ahead of the demand would
        // still be loading on the driver's thread after a cancel, while the session's next operation runs
        Flux<Integer> rows = connection.execute(
                connection.createStatement("SELECT 1"), (result, gate) -> result.map(row -> read.incrementAndGet()));

        List<Integer> received = new CopyOnWriteArrayList<>();
        BaseSubscriber<Integer> reader = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(Integer row) {
                received.add(row);
            }
        };

        rows.subscribe(reader);
        beginAnswer.tryEmitEmpty();

        assertThat(received).containsExactly(1);
        assertThat(read).as("rows read").hasValue(1);
        reader.cancel();
    }

    @Test
    void aFailedBeginFailsTheFirstStatementWithItsErrorAndGivesTheConnectionBack() {
        LeasedConnection connection = handedOver();
        R2dbcNonTransientResourceException broken = new R2dbcNonTransientResourceException("connection broken");

        StepVerifier.create(select(connection))
                .then(() -> beginAnswer.tryEmitError(broken))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(broken))
                .verify(TIMEOUT);

        assertThat(wire).containsExactly("BEGIN", "SELECT 1", "close");
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        assertThat(wire).as("given back once, no ROLLBACK on it").containsExactly("BEGIN", "SELECT 1", "close");
    }

    @Test
    void commitWaitsForBeginsAnswerBeforeItIsSent() {
        LeasedConnection connection = handedOver();
        select(connection).subscribe();

        StepVerifier.create(session.commit(error -> error))
                .then(() -> assertThat(wire).containsExactly("BEGIN", "SELECT 1"))
                .then(beginAnswer::tryEmitEmpty)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(wire).containsExactly("BEGIN", "SELECT 1", "COMMIT", "close");
    }

    @Test
    void aSavepointAsTheFirstCallWaitsForBeginsAnswer() {
        LeasedConnection connection = handedOver();

        StepVerifier.create(connection.createSavepoint("first"))
                .then(() -> assertThat(wire).containsExactly("BEGIN"))
                .then(beginAnswer::tryEmitEmpty)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(wire).containsExactly("BEGIN", "SAVEPOINT first");
    }

    @Test
    void rollbackOfAConnectionNoStatementUsedSendsNeitherBeginNorRollback() {
        handedOver();

        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);

        assertThat(wire).containsExactly("close");
    }

    @Test
    void aStatementAfterTheTransactionEndedIsRefusedAndNeverSent() {
        LeasedConnection connection = handedOver();
        beginAnswer.tryEmitEmpty();
        StepVerifier.create(select(connection).then(session.commit(error -> error))).expectComplete().verify(TIMEOUT);

        StepVerifier.create(select(connection)).expectError(IllegalStateException.class).verify(TIMEOUT);

        assertThat(wire).containsExactly("BEGIN", "SELECT 1", "COMMIT", "close");
    }

    @Test
    void aCommitCancelledWhileItGivesTheConnectionBackStillGivesItBack() {
        LeasedConnection connection = handedOver();
        beginAnswer.tryEmitEmpty();
        StepVerifier.create(select(connection)).expectNext("row").expectComplete().verify(TIMEOUT);
        BaseSubscriber<Void> committer = new BaseSubscriber<>() {};
        // a timeout's cancel landing after COMMIT, as the session lets go of the connection
        onClose = committer::cancel;

        session.commit(error -> error).subscribe(committer);

        assertThat(committer.isDisposed()).isTrue();
        assertThat(wire).containsExactly("BEGIN", "SELECT 1", "COMMIT", "close");
        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        assertThat(wire).as("given back once").containsExactly("BEGIN", "SELECT 1", "COMMIT", "close");
    }

    @Test
    void aCloseCancelledDuringItsRollbackStillRollsBackAndGivesTheConnectionBack() {
        LeasedConnection connection = handedOver();
        beginAnswer.tryEmitEmpty();
        StepVerifier.create(select(connection)).expectNext("row").expectComplete().verify(TIMEOUT);
        Sinks.Empty<Void> rolledBack = Sinks.empty();
        rollbackAnswer = rolledBack.asMono();

        session.close().subscribe().dispose();
        assertThat(wire).containsExactly("BEGIN", "SELECT 1", "ROLLBACK");
        rolledBack.tryEmitEmpty();

        assertThat(wire).containsExactly("BEGIN", "SELECT 1", "ROLLBACK", "close");
    }

    @Test
    void theSessionIsProvisioningUntilThePoolHandsTheConnectionOver() {
        StepVerifier.create(session.connection())
                .then(() -> assertThat(session.isProvisioning()).isTrue())
                .then(() -> pool.tryEmitValue(scripted()))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(session.isProvisioning()).isFalse();
        assertThat(wire).isEmpty();
    }

    /** A connection that logs what is sent, answers BEGIN when the test says, and everything else at once. */
    private Connection scripted() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "beginTransaction" -> sent("BEGIN", beginAnswer.asMono());
                    case "commitTransaction" -> sent("COMMIT", Mono.empty());
                    case "rollbackTransaction" -> sent("ROLLBACK", rollbackAnswer);
                    case "createSavepoint" -> sent("SAVEPOINT " + arguments[0], Mono.empty());
                    case "close" -> closed();
                    case "createStatement" -> new ScriptedStatement((String) arguments[0]);
                    case "validate" -> Mono.just(true); // locally, as the lease asks before each statement
                    case "toString" -> "scripted connection";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Like r2dbc-pool's close(): the pool gets the connection back only when the close is requested, not if cancelled first. */
    private Mono<Void> closed() {
        onClose.run();
        return Mono.fromRunnable(() -> wire.add("close"));
    }

    private Mono<Void> sent(String what, Mono<Void> answer) {
        return Mono.defer(() -> {
            wire.add(what);
            return answer;
        });
    }

    private final class ScriptedFactory implements ConnectionFactory {
        @Override
        public Publisher<? extends Connection> create() {
            return pool.asMono();
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> "scripted";
        }
    }

    /** Like r2dbc-postgresql: execute() hands out a result at once, and reading the result sends the statement. */
    private final class ScriptedStatement implements Statement {
        private final String sql;

        ScriptedStatement(String sql) {
            this.sql = sql;
        }

        @Override
        public Publisher<? extends Result> execute() {
            return Flux.just(new ScriptedResult(sql));
        }

        @Override
        public Statement add() {
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            return this;
        }
    }

    /**
     * The statement's rows ({@link #rowsPerStatement}), read as they are demanded; like the driver,
     * which reads answers in the order of the requests, they come after BEGIN's answer, and a failed
     * BEGIN (a broken connection) fails the statement too.
     */
    private final class ScriptedResult implements Result {
        private final String sql;

        ScriptedResult(String sql) {
            this.sql = sql;
        }

        @Override
        public Publisher<Long> getRowsUpdated() {
            return rows(row -> 1L);
        }

        @Override
        public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
            return rows(row -> mappingFunction.apply(null, null));
        }

        @Override
        public <T> Publisher<T> map(Function<? super Readable, ? extends T> mappingFunction) {
            return rows(mappingFunction::apply);
        }

        @Override
        public Result filter(Predicate<Segment> filter) {
            return this;
        }

        @Override
        public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
            throw new UnsupportedOperationException("flatMap");
        }

        private <T> Flux<T> rows(Function<Readable, ? extends T> row) {
            return Flux.defer(() -> {
                wire.add(sql);
                return beginAnswer.asMono().thenMany(Flux.range(0, rowsPerStatement).map(index -> row.apply(null)));
            });
        }
    }
}
