package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.MappingException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.it.session.model.Basket;
import io.valence.orm.it.session.model.Line;
import io.valence.orm.it.session.model.Unmapped;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Database errors translated, the session asking for rollback() after a failed flush, and argument errors before any SQL. */
@ValenceTest(entities = {Parent.class, Child.class, Storage.class, Basket.class, Line.class})
class FailuresIT {

    private static long storages(SessionFactory factory, String key) {
        return factory.withSession(session -> session.count(Select.from(Storage.class).filterBy("key", key)))
                .block(TIMEOUT);
    }

    @Test
    void aUniqueViolationNamesTableConstraintAndEntity(SessionFactory factory) {
        Committed.rows(factory, List.of(new Storage("taken", "first")));
        ReactiveSession session = factory.openSession();
        session.add(new Storage("taken", "second"));

        StepVerifier.create(session.flush())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ConstraintViolationException.class);
                    ConstraintViolationException violation = (ConstraintViolationException) error;
                    assertThat(violation.table()).isEqualTo("populate_existing_storage");
                    assertThat(violation.constraint()).isEqualTo("populate_existing_storage_key_key");
                    assertThat(violation.entityType()).isEqualTo("Storage");
                    assertThat(violation.sql()).contains("INSERT INTO \"populate_existing_storage\"");
                    assertThat(violation).hasMessageContaining("A unique constraint rejected a write to table"
                                    + " \"populate_existing_storage\" (entity Storage): constraint"
                                    + " \"populate_existing_storage_key_key\"")
                            .hasMessageContaining("What to do:");
                })
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aFailedFlushRollsBackAtOnceAndTheSessionAsksForRollbackUntilItGetsIt(
            SessionFactory factory, ConnectionPool pool) {
        Committed.rows(factory, List.of(new Storage("duplicate", "first")));
        ReactiveSession session = factory.openSession();
        session.add(new Storage("flushed-before-the-failure", "x"));
        StepVerifier.create(session.flush()).expectComplete().verify(TIMEOUT);
        session.add(new Storage("duplicate", "second"));

        StepVerifier.create(session.flush()).expectError(ConstraintViolationException.class).verify(TIMEOUT);

        assertThat(pool.getMetrics().orElseThrow().acquiredSize()).as("rolled back and returned at once").isZero();
        assertThat(storages(factory, "flushed-before-the-failure")).isZero();
        StepVerifier.create(session.get(Storage.class, 1L))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(PendingRollbackException.class)
                        .hasMessageContaining("rolled back because flush() failed")
                        .hasMessageContaining("populate_existing_storage_key_key")
                        .hasMessageContaining("Call rollback() before using the session again")
                        .hasCauseInstanceOf(ConstraintViolationException.class))
                .verify(TIMEOUT);
        StepVerifier.create(session.commit()).expectError(PendingRollbackException.class).verify(TIMEOUT);
        assertThatThrownBy(() -> session.add(new Storage("refused", "x"))).isInstanceOf(PendingRollbackException.class);

        StepVerifier.create(session.rollback()).expectComplete().verify(TIMEOUT);
        session.add(new Storage("after-rollback", "works"));
        StepVerifier.create(session.commit().then(session.close())).expectComplete().verify(TIMEOUT);
        assertThat(storages(factory, "after-rollback")).isOne();
        assertThat(storages(factory, "duplicate")).isOne();
    }

    @Test
    void deletingAParentWhoseChildrenAreNotLoadedIsAForeignKeyViolation(SessionFactory factory) {
        Parent parent = new Parent("fk-delete");
        parent.children.add(new Child("unloaded", parent));
        Committed.rows(factory, List.of(parent));

        StepVerifier.create(factory.inTransaction(session -> session.get(Parent.class, parent.id)
                        .doOnNext(session::delete)
                        .then(session.flush())))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ConstraintViolationException.class)
                            .hasMessageContaining("A foreign key constraint rejected a write")
                            .hasMessageContaining("delete children before parents");
                    ConstraintViolationException violation = (ConstraintViolationException) error;
                    assertThat(violation.table()).isEqualTo("parent");
                    assertThat(violation.entityType()).isEqualTo("Parent");
                    assertThat(violation.constraint()).isEqualTo("child_parent_id_fkey");
                })
                .verify(TIMEOUT);
    }

    @Test
    void insertingAChildOfAParentDeletedMeanwhileIsAForeignKeyViolation(SessionFactory factory) {
        Long parentId = Committed.row(factory, new Parent("fk-insert"), p -> p.id);
        ReactiveSession session = factory.openSession();
        Parent parent = session.get(Parent.class, parentId).block(TIMEOUT);
        factory.inTransaction(other -> other.get(Parent.class, parentId).doOnNext(other::delete)).block(TIMEOUT);
        session.add(new Child("too late", parent));

        StepVerifier.create(session.commit())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ConstraintViolationException.class);
                    ConstraintViolationException violation = (ConstraintViolationException) error;
                    assertThat(violation.table()).isEqualTo("child");
                    assertThat(violation.entityType()).isEqualTo("Child");
                    assertThat(violation.constraint()).isEqualTo("child_parent_id_fkey");
                })
                .verify(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aNullInANotNullColumnIsANotNullViolationNamingTableAndEntity(SessionFactory factory) {
        StepVerifier.create(factory.inTransaction(session -> {
                    session.add(new Storage("no-value", null));
                    return session.flush();
                }))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ConstraintViolationException.class)
                            .hasMessageContaining("A not-null constraint rejected a write to table"
                                    + " \"populate_existing_storage\" (entity Storage)")
                            .hasMessageContaining("\"value\"")
                            .hasMessageContaining("set the field before flushing");
                    ConstraintViolationException violation = (ConstraintViolationException) error;
                    assertThat(violation.table()).isEqualTo("populate_existing_storage");
                    assertThat(violation.entityType()).isEqualTo("Storage");
                })
                .verify(TIMEOUT);
    }

    @Test
    void aMissingRequiredParentIsANotNullViolationOfTheForeignKey(SessionFactory factory) {
        StepVerifier.create(factory.inTransaction(session -> {
                    session.add(new Line("no basket", null));
                    return session.flush();
                }))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ConstraintViolationException.class).hasMessageContaining("\"basket_id\"");
                    assertThat(((ConstraintViolationException) error).entityType()).isEqualTo("Line");
                })
                .verify(TIMEOUT);
    }

    @Test
    void anUnmappedClassFailsAtTheCallNamingItAndHowToRegisterIt(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();

        assertThatThrownBy(() -> session.add(new Unmapped()))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(Unmapped.class.getName() + " is not mapped by this SessionFactory")
                .hasMessageContaining(".entities(Unmapped.class)")
                .hasMessageContaining("@jakarta.persistence.Entity");
        assertThatThrownBy(() -> session.get(Unmapped.class, 1L))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("scanPackages(\"io.valence.orm.it.session.model\")");

        recorder.assertThat().hasNoStatements();
        assertThat(recorder.statements()).isEmpty();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anIdOfTheWrongTypeFailsAtTheCallNamingTheExpectedType(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();

        assertThatThrownBy(() -> session.get(Parent.class, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Parent's id (Parent.id) is a Long, but a String (1) was passed; pass a Long");
        assertThatThrownBy(() -> session.get(Parent.class, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an id is required");

        assertThat(recorder.statements()).isEmpty();
        StepVerifier.create(session.get(Parent.class, 1).then(session.close()))
                .as("an int widens to the Long key")
                .expectComplete()
                .verify(TIMEOUT);
    }
}
