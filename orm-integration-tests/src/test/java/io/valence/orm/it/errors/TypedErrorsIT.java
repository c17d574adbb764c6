package io.valence.orm.it.errors;

import static io.valence.orm.it.errors.SlotHolder.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.ConnectionLostException;
import io.valence.orm.DataException;
import io.valence.orm.PoolExhaustedException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.query.Insert;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Each failure a caller may want to handle arrives as its own type, with its facts as getters,
 * against a real PostgreSQL: values the database rejects or cannot hold, a pool without a free
 * connection, a connection the server ended, and statements past their time limit. Values Valence
 * refuses before any SQL leave the session as it was. Tests that build their own SessionFactory
 * still take the injected one ({@code withSchema}): the extension creates the tables with it.
 */
@ValenceTest(entities = {Note.class, Slot.class})
class TypedErrorsIT {

    private static String newBatch(String test) {
        return test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long notes(SessionFactory factory, String batch) {
        return factory.withSession(session -> session.count(Select.from(Note.class).filterBy("batch", batch))).block(TIMEOUT);
    }

    private static long slots(SessionFactory factory, String name) {
        return factory.withSession(session -> session.count(Select.from(Slot.class).filterBy("name", name))).block(TIMEOUT);
    }

    @Test
    void aStringLongerThanItsColumnIsADataExceptionWithSqlState22001NamingTheEntityAndProperty(SessionFactory factory) {
        String batch = newBatch("too-long");
        ReactiveSession session = factory.openSession();
        Note note = new Note(batch);
        note.code = "abcdef";
        session.add(note);

        StepVerifier.create(session.flush())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(DataException.class);
                    DataException data = (DataException) error;
                    assertThat(data.sqlState()).isEqualTo("22001");
                    assertThat(data.entityName()).isEqualTo("Note");
                    assertThat(data.property()).isEqualTo("code");
                    assertThat(data.sql()).contains("INSERT INTO \"note\"");
                    assertThat(data).hasMessageContaining("rollback()");
                })
                .verify(TIMEOUT);

        Note shorter = new Note(batch);
        shorter.code = "abc";
        StepVerifier.create(session.rollback().then(Mono.fromRunnable(() -> session.add(shorter))).then(session.commit())
                        .then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(notes(factory, batch)).isEqualTo(1);
    }

    @Test
    void aNulCharacterInTextIsRefusedBeforeAnySqlAndTheSessionCarriesOnOnceTheValueIsFixed(
            SessionFactory factory, StatementRecorder recorder) {
        String batch = newBatch("nul");
        ReactiveSession session = factory.openSession();
        Note note = new Note(batch);
        note.body = "before\u0000after";
        session.add(note);
        recorder.reset();

        StepVerifier.create(session.flush())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(DataException.class);
                    DataException data = (DataException) error;
                    assertThat(data.sqlState()).as("refused by Valence, not by the database").isNull();
                    assertThat(data.sql()).isNull();
                    assertThat(data.entityName()).isEqualTo("Note");
                    assertThat(data.property()).isEqualTo("body");
                })
                .verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();

        note.body = "before after";
        StepVerifier.create(session.commit().then(session.close())).as("no rollback() needed").expectComplete().verify(TIMEOUT);
        assertThat(notes(factory, batch)).isEqualTo(1);
    }

    @Test
    void aLocalDateBefore4713BcIsRefusedBeforeAnySqlAndNothingIsStored(SessionFactory factory, StatementRecorder recorder) {
        String batch = newBatch("bc");
        ReactiveSession session = factory.openSession();
        Note note = new Note(batch);
        note.day = LocalDate.of(-5000, 1, 1);
        session.add(note);
        recorder.reset();

        StepVerifier.create(session.commit())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(DataException.class);
                    DataException data = (DataException) error;
                    assertThat(data.sqlState()).isNull();
                    assertThat(data.entityName()).isEqualTo("Note");
                    assertThat(data.property()).isEqualTo("day");
                })
                .verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);

        assertThat(notes(factory, batch)).as("not stored as -infinity").isZero();
    }

    @Test
    void aQueryComparingWithADatePostgresqlCannotHoldIsRefusedAtTheCall(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();

        assertThatThrownBy(() -> session.scalars(Select.from(Note.class).filterBy("day", LocalDate.of(-5000, 1, 1))))
                .isExactlyInstanceOf(DataException.class)
                .satisfies(error -> assertThat(((DataException) error).property()).isEqualTo("day"));

        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void instantMaxIsADataExceptionInAFlushAndInAnInsertStatement(SessionFactory factory, StatementRecorder recorder) {
        String batch = newBatch("instant");
        ReactiveSession session = factory.openSession();
        Note note = new Note(batch);
        note.stamp = Instant.MAX;
        session.add(note);
        recorder.reset();

        StepVerifier.create(session.flush())
                .expectErrorSatisfies(error -> {
                    assertThat(error).as("not java.time's DateTimeException").isExactlyInstanceOf(DataException.class);
                    assertThat(((DataException) error).property()).isEqualTo("stamp");
                })
                .verify(TIMEOUT);
        assertThatThrownBy(() -> session.execute(Insert.into(Note.class).values(Map.of("batch", batch, "stamp", Instant.MIN))))
                .isExactlyInstanceOf(DataException.class);
        recorder.assertThat().hasNoStatements();

        note.stamp = Instant.parse("2026-01-02T03:04:05Z");
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertThat(notes(factory, batch)).isEqualTo(1);
    }

    @Test
    void aSessionThatFindsNoFreeConnectionFailsWithPoolExhaustedNamingTheSizeAndTheTimeout(
            SessionFactory withSchema, ConnectionPool pool) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Note.class, Slot.class)
                .acquireTimeout(Duration.ofMillis(300)).build();
        List<ReactiveSession> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // the pool's size (ValenceTest's default)
            ReactiveSession holder = factory.openSession();
            holder.count(Select.from(Note.class)).block(TIMEOUT); // keeps its connection until closed
            holders.add(holder);
        }
        try {
            StepVerifier.create(factory.withSession(session -> session.count(Select.from(Note.class))))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isExactlyInstanceOf(PoolExhaustedException.class);
                        PoolExhaustedException exhausted = (PoolExhaustedException) error;
                        assertThat(exhausted.maxSize()).isEqualTo(OptionalInt.of(4));
                        assertThat(exhausted.acquireTimeout()).isEqualTo(Duration.ofMillis(300));
                    })
                    .verify(TIMEOUT);
        } finally {
            Flux.fromIterable(holders).concatMap(ReactiveSession::close).blockLast(TIMEOUT);
        }
    }

    @Test
    void aBackendKilledMidStatementIsAConnectionLostExceptionAndAfterRollbackTheSessionContinues(
            SessionFactory factory, ConnectionPool pool) {
        String name = newBatch("killed");
        SlotHolder holder = SlotHolder.holding(pool, name);
        ReactiveSession session = factory.openSession();
        try {
            session.add(new Slot(name));

            StepVerifier.create(session.flush())
                    .then(() -> SlotHolder.terminate(pool, SlotHolder.awaitBackendWaitingForLock(pool)))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isExactlyInstanceOf(ConnectionLostException.class);
                        ConnectionLostException lost = (ConnectionLostException) error;
                        // the server's FATAL (57P01) or the closed socket (08006), whichever the driver reads first
                        assertThat(lost.sqlState()).isIn("57P01", "08006");
                        assertThat(lost.sql()).contains("INSERT INTO \"slot\"");
                    })
                    .verify(TIMEOUT);
        } finally {
            holder.release();
        }

        String other = newBatch("after-kill");
        StepVerifier.create(session.rollback().then(Mono.fromRunnable(() -> session.add(new Slot(other))))
                        .then(session.commit()).then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(slots(factory, name)).isZero();
        assertThat(slots(factory, other)).isEqualTo(1);
    }

    @Test
    void aLockWaitPastLockTimeoutIsAStatementTimeoutExceptionWith55P03(SessionFactory withSchema, ConnectionPool pool) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Note.class, Slot.class)
                .lockTimeout(Duration.ofMillis(200)).build();

        StatementTimeoutException timedOut = timeOutWaitingForAHeldSlot(factory, pool);

        assertThat(timedOut.sqlState()).isEqualTo("55P03");
        assertThat(timedOut.isLockTimeout()).isTrue();
        assertThat(timedOut.sql()).contains("INSERT INTO \"slot\"");
    }

    @Test
    void aStatementPastStatementTimeoutIsAStatementTimeoutExceptionWith57014(
            SessionFactory withSchema, ConnectionPool pool) {
        SessionFactory factory = SessionFactory.builder(pool).entities(Note.class, Slot.class)
                .statementTimeout(Duration.ofMillis(200)).build();

        StatementTimeoutException timedOut = timeOutWaitingForAHeldSlot(factory, pool);

        assertThat(timedOut.sqlState()).isEqualTo("57014");
        assertThat(timedOut.isLockTimeout()).isFalse();
        assertThat(timedOut.sql()).contains("INSERT INTO \"slot\"");
    }

    /** Flushes, in a session of {@code factory}, an insert of a slot another transaction holds, and returns what the flush failed with. */
    private static StatementTimeoutException timeOutWaitingForAHeldSlot(SessionFactory factory, ConnectionPool pool) {
        String name = newBatch("timeout");
        SlotHolder holder = SlotHolder.holding(pool, name);
        List<Throwable> failures = new ArrayList<>();
        try {
            ReactiveSession session = factory.openSession();
            session.add(new Slot(name));
            StepVerifier.create(session.flush())
                    .expectErrorSatisfies(failures::add)
                    .verify(TIMEOUT);
            StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
        } finally {
            holder.release();
        }
        assertThat(failures).singleElement().isExactlyInstanceOf(StatementTimeoutException.class);
        return (StatementTimeoutException) failures.get(0);
    }
}
