package io.valence.orm.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.keys.NightId;
import io.valence.orm.it.keys.RoomNight;
import io.valence.orm.it.model.Badge;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Seat;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The scenarios of seed 004, run on PostgreSQL. */
@ValenceTest(entities = {Parent.class, Child.class, Storage.class, Seat.class, Badge.class, RoomNight.class})
class SeedScenariosIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void sameRowQueriedTwiceIsTheSameInstance(SessionFactory factory) {
        Long id = factory.inTransaction(session -> {
            Parent parent = new Parent("old-value");
            session.add(parent);
            return session.flush().then(Mono.fromSupplier(() -> parent.id));
        }).block(TIMEOUT);

        Mono<Boolean> same = factory.withSession(session -> session.one(Select.from(Parent.class).filterBy("id", id))
                .flatMap(first -> session.one(Select.from(Parent.class).filterBy("id", id)).map(second -> {
                    second.value = "new-value";
                    return first == second && first.value.equals("new-value");
                })));
        StepVerifier.create(same).expectNext(true).expectComplete().verify(TIMEOUT);
    }

    @Test
    void childAddedBeforeParentIsInsertedAfterIt(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Mono<Child> saved = factory.inTransaction(session -> {
            Parent parent = new Parent("p");
            Child child = new Child("c", parent);
            session.add(child);
            session.add(parent);
            return Mono.just(child);
        });
        StepVerifier.create(saved)
                .assertNext(child -> {
                    assertThat(child.id).isNotNull();
                    assertThat(child.parent.id).isNotNull();
                })
                .expectComplete()
                .verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().inserts().element(0).sqlContains("INSERT INTO \"parent\"");
        recorder.assertThat().inserts().element(1).sqlContains("INSERT INTO \"child\"");
    }

    @Test
    void getOfAKnownIdIssuesNoStatement(SessionFactory factory, StatementRecorder recorder) {
        Mono<Boolean> result = factory.withSession(session -> {
            Parent parent = new Parent("known");
            session.add(parent);
            return session.flush().then(Mono.defer(() -> {
                recorder.reset();
                return session.get(Parent.class, parent.id).map(found -> found == parent);
            }));
        });
        StepVerifier.create(result).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
    }

    @Test
    void flushOfOneParentAndFiveHundredChildrenTakesAHandfulOfStatements(SessionFactory factory, StatementRecorder recorder) {
        recorder.reset();
        Mono<List<Child>> saved = factory.inTransaction(session -> {
            Parent parent = new Parent("many");
            List<Child> children = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Child child = new Child("c" + i, parent);
                children.add(child);
                parent.children.add(child);
            }
            session.add(parent);
            return session.flush().thenReturn(children);
        });
        List<Child> children = saved.block(TIMEOUT);
        recorder.assertThat().hasAtMostStatementCount(6);
        List<String> stored = factory.withSession(session -> session.scalars(
                        Select.from(Child.class).filterBy("parent.value", "many").orderBy("id"))
                .map(child -> child.id + "=" + child.value).collectList()).block(TIMEOUT);
        List<String> assigned = children.stream()
                .sorted(java.util.Comparator.comparing((Child child) -> child.id))
                .map(child -> child.id + "=" + child.value)
                .toList();
        assertThat(stored).hasSize(500).containsExactlyElementsOf(assigned);
    }

    @Test
    void changedFieldIsCommittedWithoutSaveAndTheUpdateNamesOnlyThatColumn(SessionFactory factory, StatementRecorder recorder) {
        Long id = factory.inTransaction(session -> {
            Storage storage = new Storage("dirty", "before");
            session.add(storage);
            return session.flush().then(Mono.fromSupplier(() -> storage.id));
        }).block(TIMEOUT);
        recorder.reset();
        factory.inTransaction(session -> session.get(Storage.class, id).doOnNext(storage -> storage.value = "after"))
                .block(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("value");
        StepVerifier.create(factory.withSession(session -> session.get(Storage.class, id).map(s -> s.value)))
                .expectNext("after").expectComplete().verify(TIMEOUT);
    }

    @Test
    void deleteAndInsertOfTheSameUniqueKeyWorkInOneFlush(SessionFactory factory) {
        factory.inTransaction(session -> {
            session.add(new Storage("unique-key", "first"));
            return Mono.empty();
        }).block(TIMEOUT);
        Mono<String> replaced = factory.inTransaction(session -> session.one(Select.from(Storage.class).filterBy("key", "unique-key"))
                .flatMap(old -> {
                    session.delete(old);
                    session.add(new Storage("unique-key", "second"));
                    return session.flush();
                })
                .then(Mono.just("done")));
        StepVerifier.create(replaced).expectNext("done").expectComplete().verify(TIMEOUT);
        StepVerifier.create(factory.withSession(session -> session.one(Select.from(Storage.class).filterBy("key", "unique-key")))
                        .map(storage -> storage.value))
                .expectNext("second").expectComplete().verify(TIMEOUT);
    }

    @Test
    void deletingARowAndAddingANewObjectWithItsLongKeyIsOneUpdateOfTheChangedColumn(
            SessionFactory factory, StatementRecorder recorder) {
        factory.inTransaction(session -> {
            session.add(new Seat(1L, "old", "kept"));
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();
        Mono<Boolean> switched = factory.inTransaction(session -> session.get(Seat.class, 1L).flatMap(old -> {
            session.delete(old);
            Seat replacement = new Seat(1L, "new", "kept");
            session.add(replacement);
            return session.flush().then(session.get(Seat.class, 1L)).map(found -> found == replacement);
        }));
        StepVerifier.create(switched).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().updates().singleElement().setsOnly("label");
        StepVerifier.create(factory.withSession(session -> session.get(Seat.class, 1L))
                        .map(seat -> seat.label + "/" + seat.note))
                .expectNext("new/kept").expectComplete().verify(TIMEOUT);
    }

    @Test
    void deletingARowAndAddingANewObjectWithItsUuidKeyIsOneUpdateAtCommit(
            SessionFactory factory, StatementRecorder recorder) {
        UUID id = UUID.randomUUID();
        factory.inTransaction(session -> {
            session.add(new Badge(id, "old", "old note"));
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();
        factory.inTransaction(session -> session.get(Badge.class, id).doOnNext(old -> {
            session.delete(old);
            session.add(new Badge(id, "new", null));
        })).block(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().updates().singleElement().setsOnly("label", "note");
        StepVerifier.create(factory.withSession(session -> session.get(Badge.class, id))
                        .map(badge -> badge.label + "/" + badge.note))
                .expectNext("new/null").expectComplete().verify(TIMEOUT);
    }

    @Test
    void deletingARowAndAddingANewObjectWithItsCompositeKeyIsOneUpdateOfTheChangedColumn(
            SessionFactory factory, StatementRecorder recorder) {
        factory.inTransaction(session -> {
            session.add(new RoomNight("301", 1, "old"));
            return Mono.empty();
        }).block(TIMEOUT);
        recorder.reset();
        Mono<Boolean> switched = factory.inTransaction(session -> session.get(RoomNight.class, new NightId("301", 1))
                .flatMap(old -> {
                    session.delete(old);
                    RoomNight replacement = new RoomNight("301", 1, "new");
                    session.add(replacement);
                    return session.flush().then(session.get(RoomNight.class, new NightId("301", 1)))
                            .map(found -> found == replacement);
                }));
        StepVerifier.create(switched).expectNext(true).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().updates().singleElement().setsOnly("guest");
        StepVerifier.create(factory.withSession(session -> session.get(RoomNight.class, new NightId("301", 1)))
                        .map(night -> night.guest))
                .expectNext("new").expectComplete().verify(TIMEOUT);
    }

    @Test
    void aRolledBackRowSwitchLeavesTheRowAndTheDeletedObjectAsTheyWere(SessionFactory factory) {
        factory.inTransaction(session -> {
            session.add(new Seat(2L, "old", null));
            return Mono.empty();
        }).block(TIMEOUT);
        Mono<String> afterRollback = factory.withSession(session -> session.get(Seat.class, 2L).flatMap(old -> {
            session.delete(old);
            session.add(new Seat(2L, "new", null));
            return session.flush()
                    .then(session.rollback())
                    .then(session.get(Seat.class, 2L))
                    .map(found -> (found == old) + "/" + found.label);
        }));
        StepVerifier.create(afterRollback).expectNext("true/old").expectComplete().verify(TIMEOUT);
    }

    @Test
    void aRolledBackRowSwitchOfACompositeKeyLeavesTheDeletedObjectAsItWas(SessionFactory factory) {
        factory.inTransaction(session -> {
            session.add(new RoomNight("302", 1, "old"));
            return Mono.empty();
        }).block(TIMEOUT);
        NightId key = new NightId("302", 1);
        Mono<String> afterRollback = factory.withSession(session -> session.get(RoomNight.class, key).flatMap(old -> {
            session.delete(old);
            session.add(new RoomNight("302", 1, "new"));
            return session.flush()
                    .then(session.rollback())
                    .then(session.get(RoomNight.class, key))
                    .map(found -> (found == old) + "/" + found.guest);
        }));
        StepVerifier.create(afterRollback).expectNext("true/old").expectComplete().verify(TIMEOUT);
    }

    @Test
    void closeWithoutCommitLeavesNothingBehind(SessionFactory factory) {
        ReactiveSession session = factory.openSession();
        session.add(new Storage("rolled-back", "x"));
        session.flush().then(session.close()).block(TIMEOUT);
        StepVerifier.create(factory.withSession(other -> other.count(Select.from(Storage.class).filterBy("key", "rolled-back"))))
                .expectNext(0L).expectComplete().verify(TIMEOUT);
    }
}
