package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.it.model.Storage;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementKind;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Only changed objects are updated, only their changed columns, grouped by the set of changed columns. */
@ValenceTest(entities = {Parent.class, Child.class, Storage.class})
class DirtyTrackingIT {

    @Test
    void unchangedObjectsCostNothingAtFlushOrCommit(SessionFactory factory, StatementRecorder recorder) {
        Committed.rows(factory, List.of(new Storage("dt-clean-1", "v"), new Storage("dt-clean-2", "v")));

        Mono<Integer> loaded = factory.inTransaction(session -> session.scalars(Select.from(Storage.class)
                        .where(Condition.like("key", "dt-clean-%")))
                .collectList()
                .flatMap(rows -> {
                    rows.forEach(storage -> storage.value = storage.value); // assigning the same value is no change
                    recorder.reset();
                    return session.flush().thenReturn(rows.size());
                }));

        StepVerifier.create(loaded).expectNext(2).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasNoStatements();
    }

    @Test
    void aFieldChangedAndChangedBackIsNotUpdated(SessionFactory factory, StatementRecorder recorder) {
        Long id = Committed.row(factory, new Storage("dt-back", "original"), s -> s.id);
        recorder.reset();

        factory.inTransaction(session -> session.get(Storage.class, id).doOnNext(storage -> {
            storage.value = "changed";
            storage.value = "original";
        })).block(TIMEOUT);

        recorder.assertThat().hasNoUpdates();
    }

    @Test
    void updatesAreGroupedByTheSetOfChangedColumns(SessionFactory factory, StatementRecorder recorder) {
        List<Storage> rows = Committed.rows(factory, List.of(
                new Storage("dt-group-1", "v"), new Storage("dt-group-2", "v"), new Storage("dt-group-3", "v")));
        recorder.reset();

        factory.inTransaction(session -> session.scalars(Select.from(Storage.class)
                        .where(Condition.like("key", "dt-group-%")).orderBy("key"))
                .collectList()
                .doOnNext(loaded -> {
                    loaded.get(0).value = "v1";
                    loaded.get(1).key = "dt-group-2b";
                    loaded.get(2).value = "v3";
                })).block(TIMEOUT);

        recorder.assertThat().updates().hasStatementCount(2);
        List<String> sets = recorder.statements().stream()
                .filter(statement -> statement.kind() == StatementKind.UPDATE)
                .map(statement -> statement.sql().substring(
                        statement.sql().indexOf("UPDATE"), statement.sql().indexOf(" FROM ")))
                .toList();
        assertThat(sets).containsExactlyInAnyOrder(
                "UPDATE \"populate_existing_storage\" AS x SET \"value\" = v.c1",
                "UPDATE \"populate_existing_storage\" AS x SET \"key\" = v.c1");
        StepVerifier.create(factory.withSession(session -> session.scalars(Select.from(Storage.class)
                                .where(Condition.in("id", rows.stream().map(s -> s.id).toList())).orderBy("id"))
                        .map(s -> s.key + "=" + s.value).collectList()))
                .expectNext(List.of("dt-group-1=v1", "dt-group-2b=v", "dt-group-3=v3"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void pointingAChildAtAnotherParentUpdatesOnlyItsForeignKey(SessionFactory factory, StatementRecorder recorder) {
        Parent first = new Parent("dt-first");
        Parent second = new Parent("dt-second");
        Child child = new Child("dt-moved", first);
        Committed.rows(factory, List.of(first, second, child));
        recorder.reset();

        Mono<Long> moved = factory.inTransaction(session -> session.get(Parent.class, second.id)
                .flatMap(target -> session.get(Child.class, child.id).doOnNext(loaded -> loaded.parent = target))
                .then(Mono.empty()))
                .then(factory.withSession(session -> session.one(Select.from(Child.class).filterBy("value", "dt-moved"))
                        .flatMap(loaded -> session.fetch(loaded, "parent"))
                        .map(loaded -> loaded.parent.id)));

        StepVerifier.create(moved).expectNext(second.id).expectComplete().verify(TIMEOUT);
        recorder.assertThat().updates().singleElement().setsOnly("parent_id");
    }

    @Test
    void aPersistentChildWithoutParentPointedAtANewParentGetsItsForeignKey(SessionFactory factory, StatementRecorder recorder) {
        Child orphan = Committed.rows(factory, List.of(new Child("dt-adopted", null))).get(0);
        Parent adopter = new Parent("dt-adopter");
        recorder.reset();

        factory.inTransaction(session -> session.get(Child.class, orphan.id).doOnNext(child -> child.parent = adopter))
                .block(TIMEOUT);

        recorder.assertThat().inserts().singleElement().sqlContains("\"parent\"");
        recorder.assertThat().updates().singleElement().setsOnly("parent_id");
        StepVerifier.create(factory.withSession(session -> session.one(Select.from(Child.class).filterBy("parent.value", "dt-adopter")))
                        .map(child -> child.id))
                .expectNext(orphan.id)
                .expectComplete()
                .verify(TIMEOUT);
    }
}
