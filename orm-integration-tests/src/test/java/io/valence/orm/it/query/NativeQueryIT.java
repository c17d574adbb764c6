package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Select;
import io.valence.orm.query.Tuple;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Native SQL end to end: named and positional parameters, entities through the identity map (the
 * same instances, their in-memory state kept unless populateExisting), records, tuples and values by
 * column label, and the errors raised before any SQL.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class NativeQueryIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CHILDREN_OF =
            "SELECT c.* FROM child c JOIN parent p ON p.id = c.parent_id WHERE p.value = :parent ORDER BY c.id";

    record Named(Long id, String childValue, String parentValue) {}

    private static Parent family(SessionFactory factory, String parentValue, String... childValues) {
        return factory.inTransaction(session -> {
                    Parent parent = new Parent(parentValue);
                    session.add(parent);
                    for (String value : childValues) {
                        session.add(new Child(value, parent));
                    }
                    return Mono.just(parent);
                })
                .block(TIMEOUT);
    }

    private static void renameChildrenElsewhere(SessionFactory factory, String parentValue, String value) {
        factory.inTransaction(session -> session.rows(NativeQuery.value(Long.class,
                                "UPDATE child SET value = :value WHERE parent_id = (SELECT id FROM parent WHERE value = :parent)"
                                        + " RETURNING id")
                        .bind("value", value)
                        .bind("parent", parentValue))
                .then())
                .block(TIMEOUT);
    }

    @Test
    void aNativeQueryReturningRowsAlreadyInTheSessionReturnsTheSameInstances(
            SessionFactory factory, StatementRecorder recorder) {
        family(factory, "same", "a", "b");
        ReactiveSession session = factory.openSession();
        try {
            List<Child> loaded = session.scalars(Select.from(Child.class).filterBy("parent.value", "same").orderBy("id"))
                    .collectList().block(TIMEOUT);
            renameChildrenElsewhere(factory, "same", "renamed");
            recorder.reset();

            List<Child> again = session.rows(NativeQuery.entities(Child.class, CHILDREN_OF).bind("parent", "same"))
                    .collectList().block(TIMEOUT);

            recorder.assertThat().hasStatementCount(1);
            recorder.assertThat().singleElement().hasSql(CHILDREN_OF.replace(":parent", "$1"));
            assertThat(again).hasSize(2);
            assertThat(again.get(0)).isSameAs(loaded.get(0));
            assertThat(again.get(1)).isSameAs(loaded.get(1));
            assertThat(again).extracting(child -> child.value).containsExactly("a", "b"); // in-memory state kept

            List<Child> refreshed = session.rows(NativeQuery.entities(Child.class, CHILDREN_OF)
                            .bind("parent", "same").populateExisting())
                    .collectList().block(TIMEOUT);

            assertThat(refreshed).containsExactlyElementsOf(loaded);
            assertThat(refreshed).extracting(child -> child.value).containsExactly("renamed", "renamed");
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    @Test
    void newRowsBecomeTrackedObjectsWiredToParentsInTheSession(SessionFactory factory) {
        Parent parent = family(factory, "new-rows", "x");
        ReactiveSession session = factory.openSession();
        try {
            Parent loadedParent = session.get(Parent.class, parent.id).block(TIMEOUT);

            Child child = session.rows(NativeQuery.entities(Child.class, "SELECT * FROM child WHERE parent_id = $1")
                    .bind(1, loadedParent)).single().block(TIMEOUT);

            assertThat(session.contains(child)).isTrue();
            assertThat(child.parent).isSameAs(loadedParent);
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    @Test
    void recordsTuplesAndValuesAreReadByColumnLabel(SessionFactory factory) {
        family(factory, "labels", "v1", "v2");
        String sql = "SELECT c.id, c.value AS child_value, p.value AS parent_value FROM child c"
                + " JOIN parent p ON p.id = c.parent_id WHERE p.value = :parent ORDER BY c.id";

        List<Named> named = factory.withSession(session -> session.rows(NativeQuery.rows(Named.class, sql)
                .bind("parent", "labels")).collectList()).block(TIMEOUT);
        List<Tuple> tuples = factory.withSession(session -> session.rows(NativeQuery.tuples(sql)
                .bind("parent", "labels")).collectList()).block(TIMEOUT);
        Long count = factory.withSession(session -> session.rows(NativeQuery.value(Long.class,
                "SELECT count(*) FROM child c JOIN parent p ON p.id = c.parent_id WHERE p.value = $1")
                .bind(1, "labels")).single()).block(TIMEOUT);

        assertThat(named).extracting(Named::childValue).containsExactly("v1", "v2");
        assertThat(named).extracting(Named::parentValue).containsOnly("labels");
        assertThat(tuples.get(0).names()).containsExactly("id", "child_value", "parent_value");
        assertThat(tuples.get(1).get("child_value")).isEqualTo("v2");
        assertThat(count).isEqualTo(2L);
    }

    @Test
    void aMissingParameterFailsAtTheCallBeforeAnySql(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();

        assertThatThrownBy(() -> session.rows(NativeQuery.entities(Child.class, CHILDREN_OF)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has parameters [:parent] that are not bound (bound: [])");
        assertThatThrownBy(() -> session.rows(NativeQuery.tuples("SELECT :a").bind("a", 1).bind("b", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no parameter [:b]");

        recorder.assertThat().hasNoStatements();
        session.close().block(TIMEOUT);
    }

    @Test
    void aResultWithoutAnEntityColumnFailsNamingItAndLeavesTheSessionUsable(SessionFactory factory) {
        family(factory, "partial", "p1");
        ReactiveSession session = factory.openSession();
        try {
            StepVerifier.create(session.rows(NativeQuery.entities(Child.class, "SELECT id, value FROM child")))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith("the native query's rows have no column \"parent_id\", which Child needs"))
                    .verify(TIMEOUT);
            StepVerifier.create(session.rows(NativeQuery.value(Long.class, "SELECT 1::bigint")))
                    .expectNext(1L)
                    .verifyComplete();
        } finally {
            session.close().block(TIMEOUT);
        }
    }
}
