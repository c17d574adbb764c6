package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.SessionClosedException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Each transition of an object's state: transient, pending, persistent, deleted, detached. */
@ValenceTest(entities = {Parent.class, Child.class})
class ObjectStatesIT {

    private static long count(SessionFactory factory, String value) {
        return factory.withSession(session -> session.count(Select.from(Parent.class).filterBy("value", value)))
                .block(TIMEOUT);
    }

    @Test
    void addMakesATransientObjectPendingWithoutAnyStatement(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        Parent parent = new Parent("transient");
        assertThat(session.contains(parent)).isFalse();
        recorder.reset();

        session.add(parent);

        assertThat(session.contains(parent)).isTrue();
        assertThat(parent.id).as("a pending object has no id yet").isNull();
        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void flushMakesAPendingObjectPersistentUnderItsNewId(SessionFactory factory, StatementRecorder recorder) {
        Mono<Boolean> persistent = factory.withSession(session -> {
            Parent parent = new Parent("pending");
            session.add(parent);
            return session.flush().then(Mono.defer(() -> {
                recorder.reset();
                return session.get(Parent.class, parent.id).map(found -> found == parent && session.contains(parent));
            }));
        });

        StepVerifier.create(persistent).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
    }

    @Test
    void deleteOfAPersistentObjectRemovesItsRowAtFlushAndDetachesIt(SessionFactory factory) {
        Long id = Committed.row(factory, new Parent("to-delete"), p -> p.id);

        Mono<String> states = factory.inTransaction(session -> session.get(Parent.class, id).flatMap(parent -> {
            session.delete(parent);
            String marked = "marked:" + session.contains(parent);
            return session.get(Parent.class, id)
                    .map(found -> "still found")
                    .defaultIfEmpty("get empty")
                    .flatMap(found -> session.flush().then(Mono.fromSupplier(
                            () -> marked + "," + found + ",flushed:" + session.contains(parent))));
        }));

        StepVerifier.create(states).expectNext("marked:true,get empty,flushed:false").expectComplete().verify(TIMEOUT);
        assertThat(count(factory, "to-delete")).isZero();
    }

    @Test
    void deletingAPendingObjectMakesItTransientAgainAndInsertsNothing(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = new Parent("pending-then-deleted");
        recorder.reset();

        StepVerifier.create(factory.inTransaction(session -> {
                    session.add(parent);
                    session.delete(parent);
                    return Mono.just(session.contains(parent));
                }))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
        assertThat(parent.id).isNull();
    }

    @Test
    void expungeDetachesAnObjectSoItsChangesAreNoLongerFlushed(SessionFactory factory, StatementRecorder recorder) {
        Long id = Committed.row(factory, new Parent("expunged"), p -> p.id);

        Mono<Boolean> fresh = factory.inTransaction(session -> session.get(Parent.class, id).flatMap(parent -> {
            session.expunge(parent);
            parent.value = "changed while detached";
            recorder.reset();
            return session.get(Parent.class, id).map(reloaded -> reloaded != parent && !session.contains(parent)
                    && reloaded.value.equals("expunged"));
        }));

        StepVerifier.create(fresh).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoUpdates().selects().hasStatementCount(1);
        assertThat(count(factory, "expunged")).isOne();
    }

    @Test
    void rollbackExpungesAddedObjectsAndRestoresDeletedOnes(SessionFactory factory) {
        Long keptId = Committed.row(factory, new Parent("restored-by-rollback"), p -> p.id);
        ReactiveSession session = factory.openSession();
        Parent added = new Parent("added-then-rolled-back");
        Parent flushedAdded = new Parent("flushed-then-rolled-back");

        Mono<Parent> afterRollback = session.get(Parent.class, keptId).flatMap(kept -> {
            session.add(flushedAdded);
            session.delete(kept);
            return session.flush().then(Mono.fromRunnable(() -> session.add(added)))
                    .then(session.rollback())
                    .then(Mono.just(kept));
        });

        StepVerifier.create(afterRollback)
                .assertNext(kept -> {
                    assertThat(session.contains(added)).as("pending at rollback").isFalse();
                    assertThat(session.contains(flushedAdded)).as("inserted by the rolled-back flush").isFalse();
                    assertThat(flushedAdded.id).as("its rolled-back id is cleared").isNull();
                    assertThat(session.contains(kept)).as("deleted by the rolled-back flush").isTrue();
                })
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(session.get(Parent.class, keptId).map(parent -> parent.value).then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(count(factory, "restored-by-rollback")).isOne();
        assertThat(count(factory, "flushed-then-rolled-back")).isZero();
    }

    @Test
    void aRolledBackObjectCanBeAddedAgainAndCommitted(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        Parent parent = new Parent("second-attempt");
        session.add(parent);

        StepVerifier.create(session.flush().then(session.rollback()).then(Mono.fromRunnable(() -> session.add(parent)))
                        .then(session.commit()).then(session.close()))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(parent.id).isNotNull();
        assertThat(count(factory, "second-attempt")).isOne();
    }

    @Test
    void closeDetachesEveryObjectAndTheSessionRefusesFurtherWork(SessionFactory factory) {
        Long id = Committed.row(factory, new Parent("detached-by-close"), p -> p.id);
        ReactiveSession session = factory.openSession();
        Parent pending = new Parent("pending-at-close");

        Parent persistent = session.get(Parent.class, id).doOnNext(found -> session.add(pending)).block(TIMEOUT);
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);

        assertThat(session.contains(persistent)).isFalse();
        assertThat(session.contains(pending)).isFalse();
        StepVerifier.create(session.get(Parent.class, id))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(SessionClosedException.class)
                        .hasMessageContaining("This session is closed")
                        .hasMessageContaining("SessionFactory.openSession()"))
                .verify(TIMEOUT);
        assertThatThrownBy(() -> session.add(new Parent("too late"))).isInstanceOf(SessionClosedException.class);
        assertThat(count(factory, "pending-at-close")).isZero();
    }

    @Test
    void addingADetachedObjectIsRejectedAndPointsToMerge(SessionFactory factory, StatementRecorder recorder) {
        Parent detached = Committed.rows(factory, java.util.List.of(new Parent("detached-add"))).get(0);
        ReactiveSession session = factory.openSession();
        recorder.reset();

        assertThatThrownBy(() -> session.add(detached))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Parent#" + detached.id + " is detached")
                .hasMessageContaining("would insert its row a second time")
                .hasMessageContaining("session.merge(")
                .hasMessageContaining("session.get(Parent.class, " + detached.id + ")");
        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.merge(detached).map(merged -> merged != detached && session.contains(merged))
                        .flatMap(ok -> session.close().thenReturn(ok)))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aDetachedParentReachedThroughANewChildIsReferencedNotInsertedAgain(SessionFactory factory) {
        Parent detached = Committed.rows(factory, java.util.List.of(new Parent("detached-parent"))).get(0);

        Mono<Long> childParentId = factory.inTransaction(session -> {
            Child child = new Child("child-of-detached", detached);
            session.add(child);
            return session.flush().then(Mono.fromSupplier(() -> child.parent.id));
        });

        StepVerifier.create(childParentId).expectNext(detached.id).expectComplete().verify(TIMEOUT);
        assertThat(count(factory, "detached-parent")).as("the detached parent's row is not duplicated").isOne();
    }
}
