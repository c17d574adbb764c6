package io.valence.orm.it.session;

import static io.valence.orm.it.session.Committed.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The number of statements of a flush follows the number of tables, not the number of rows. */
@ValenceTest(entities = {Parent.class, Child.class})
class BatchingIT {

    private static List<Parent> parents(String prefix, int count) {
        List<Parent> parents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parents.add(new Parent(prefix + i));
        }
        return parents;
    }

    private static Map<Long, String> stored(SessionFactory factory, String prefix) {
        return factory.withSession(session -> session.scalars(Select.from(Parent.class)
                        .where(Condition.like("value", prefix + "%")))
                .collectMap(parent -> parent.id, parent -> parent.value)).block(TIMEOUT);
    }

    @Test
    void twoThousandRowsOfATableAreOneInsertAndEachObjectGetsTheIdOfItsRow(SessionFactory factory, StatementRecorder recorder) {
        List<Parent> parents = parents("batch-insert-", 2_000);
        recorder.reset();

        Committed.rows(factory, parents);

        recorder.assertThat().hasStatementCount(1).inserts().singleElement().hasBindings(1).succeeded();
        assertThat(new HashSet<>(parents.stream().map(parent -> parent.id).toList())).hasSize(2_000);
        Map<Long, String> assigned = parents.stream().collect(Collectors.toMap(parent -> parent.id, parent -> parent.value));
        assertThat(stored(factory, "batch-insert-")).isEqualTo(assigned);
    }

    @Test
    void fiveHundredRowsWithTheSameChangedColumnAreOneUpdate(SessionFactory factory, StatementRecorder recorder) {
        Committed.rows(factory, parents("batch-update-", 500));
        recorder.reset();

        factory.inTransaction(session -> session.scalars(Select.from(Parent.class).where(Condition.like("value", "batch-update-%")))
                .doOnNext(parent -> parent.value = parent.value.replace("update", "updated"))
                .then()).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(2).updates().singleElement().setsOnly("value").hasBindings(1);
        assertThat(stored(factory, "batch-updated-")).hasSize(500);
    }

    @Test
    void fiveHundredDeletesAreOneDeleteByAnyOfTheIds(SessionFactory factory, StatementRecorder recorder) {
        Committed.rows(factory, parents("batch-delete-", 500));
        recorder.reset();

        factory.inTransaction(session -> session.scalars(Select.from(Parent.class).where(Condition.like("value", "batch-delete-%")))
                .collectList()
                .doOnNext(loaded -> loaded.forEach(session::delete))
                .then()).block(TIMEOUT);

        recorder.assertThat().hasStatementCount(2).deletes().singleElement().sqlContains("= ANY($1").hasBindings(1);
        assertThat(stored(factory, "batch-delete-")).isEmpty();
    }

    @Test
    void aFlushTouchingTwoTablesIsTwoStatementsWhateverTheRowCount(SessionFactory factory, StatementRecorder recorder) {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Parent parent = new Parent("batch-graph-" + i);
            for (int j = 0; j < 20; j++) {
                parent.children.add(new Child("c" + j, parent));
            }
            objects.add(parent);
        }
        recorder.reset();

        StepVerifier.create(factory.inTransaction(session -> {
                    session.addAll(objects);
                    return Mono.empty();
                }))
                .expectComplete()
                .verify(TIMEOUT);

        recorder.assertThat().hasStatementCount(2);
        StepVerifier.create(factory.withSession(session -> session.count(Select.from(Child.class)
                        .where(Condition.like("parent.value", "batch-graph-%")))))
                .expectNext(1_000L)
                .expectComplete()
                .verify(TIMEOUT);
    }
}
