package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.MultipleResultsException;
import io.valence.orm.NoResultException;
import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import io.valence.orm.reactive.ReactiveSession;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The Select DSL end to end on PostgreSQL: every condition operator, paths through a many-to-one,
 * explicit joins, order, limit and offset, {@code one}/{@code oneOrNone}/{@code count}, and the errors
 * for unknown names that fail before any SQL. Each test works on rows of its own parent, since the
 * tests of this class share one database.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class SelectDslIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A parent (its value unique to the test) with children of the given values (null allowed). */
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

    /** The values of the children of {@code parent} that match {@code condition}, ordered by id. */
    private static List<String> childValues(SessionFactory factory, Parent parent, Condition condition) {
        return factory.withSession(session -> session.scalars(Select.from(Child.class)
                                .filterBy("parent", parent)
                                .where(condition)
                                .orderBy("id"))
                        .map(child -> String.valueOf(child.value))
                        .collectList())
                .block(TIMEOUT);
    }

    private static <T> List<T> inSession(SessionFactory factory, Function<ReactiveSession, Flux<T>> query) {
        return factory.withSession(session -> query.apply(session).collectList()).block(TIMEOUT);
    }

    @Test
    void everyComparisonOperatorSelectsTheMatchingRows(SessionFactory factory) {
        Parent parent = family(factory, "ops-compare", "a", "b", "c", "d");
        assertThat(childValues(factory, parent, Condition.eq("value", "b"))).containsExactly("b");
        assertThat(childValues(factory, parent, Condition.ne("value", "b"))).containsExactly("a", "c", "d");
        assertThat(childValues(factory, parent, Condition.lt("value", "b"))).containsExactly("a");
        assertThat(childValues(factory, parent, Condition.le("value", "b"))).containsExactly("a", "b");
        assertThat(childValues(factory, parent, Condition.gt("value", "c"))).containsExactly("d");
        assertThat(childValues(factory, parent, Condition.ge("value", "c"))).containsExactly("c", "d");
    }

    @Test
    void comparisonsOnTheIdAcceptIntegersForALongId(SessionFactory factory) {
        Parent parent = family(factory, "ops-id", "first", "second");
        List<Child> children = inSession(factory, session ->
                session.scalars(Select.from(Child.class).filterBy("parent", parent).orderBy("id")));
        long secondId = children.get(1).id;
        assertThat(childValues(factory, parent, Condition.ge("id", secondId))).containsExactly("second");
        assertThat(childValues(factory, parent, Condition.lt("id", (int) secondId))).containsExactly("first");
    }

    @Test
    void inMatchesAnyListedValueAndAnEmptyListMatchesNothing(SessionFactory factory) {
        Parent parent = family(factory, "ops-in", "a", "b", "c");
        assertThat(childValues(factory, parent, Condition.in("value", List.of("a", "c", "zzz"))))
                .containsExactly("a", "c");
        assertThat(childValues(factory, parent, Condition.in("value", "b"))).containsExactly("b");
        assertThat(childValues(factory, parent, Condition.in("value", List.of()))).isEmpty();
        assertThat(childValues(factory, parent, Condition.not(Condition.in("value", List.of()))))
                .containsExactly("a", "b", "c");
    }

    @Test
    void likeMatchesPatternsWithPercentAndUnderscore(SessionFactory factory) {
        Parent parent = family(factory, "ops-like", "apple", "apricot", "banana", "ape");
        assertThat(childValues(factory, parent, Condition.like("value", "ap%"))).containsExactly("apple", "apricot", "ape");
        assertThat(childValues(factory, parent, Condition.like("value", "ap_"))).containsExactly("ape");
        assertThat(childValues(factory, parent, Condition.like("value", "%an%"))).containsExactly("banana");
    }

    @Test
    void isNullAndIsNotNullAndEqualityWithNullTellNullsApart(SessionFactory factory) {
        Parent parent = family(factory, "ops-null", "a", null, "c");
        assertThat(childValues(factory, parent, Condition.isNull("value"))).containsExactly("null");
        assertThat(childValues(factory, parent, Condition.isNotNull("value"))).containsExactly("a", "c");
        assertThat(childValues(factory, parent, Condition.eq("value", null))).containsExactly("null");
        assertThat(childValues(factory, parent, Condition.ne("value", "a")))
                .as("as in SQL, a null value does not match <>")
                .containsExactly("c");
    }

    @Test
    void andOrAndNotCombineConditions(SessionFactory factory) {
        Parent parent = family(factory, "ops-logic", "a", "b", "c", "d");
        Condition aOrC = Condition.or(Condition.eq("value", "a"), Condition.eq("value", "c"));
        assertThat(childValues(factory, parent, aOrC)).containsExactly("a", "c");
        assertThat(childValues(factory, parent, Condition.not(aOrC))).containsExactly("b", "d");
        assertThat(childValues(factory, parent, aOrC.negate())).containsExactly("b", "d");
        assertThat(childValues(factory, parent, Condition.and(Condition.gt("value", "a"), Condition.lt("value", "d"))))
                .containsExactly("b", "c");
        Condition nested = Condition.eq("value", "a").or(Condition.ge("value", "c").and(Condition.ne("value", "d")));
        assertThat(childValues(factory, parent, nested)).containsExactly("a", "c");
    }

    @Test
    void filterByCallsAreAndedTogether(SessionFactory factory) {
        Parent parent = family(factory, "ops-filterby", "x", "y", "x");
        List<Child> found = inSession(factory, session -> session.scalars(
                Select.from(Child.class).filterBy("parent", parent).filterBy("value", "x")));
        assertThat(found).hasSize(2).allSatisfy(child -> assertThat(child.value).isEqualTo("x"));
    }

    @Test
    void aPathThroughAManyToOneFiltersOnTheParentsColumn(SessionFactory factory) {
        Parent wanted = family(factory, "path-wanted", "w1", "w2");
        family(factory, "path-other", "o1");
        List<String> values = inSession(factory, session -> session.scalars(Select.from(Child.class)
                        .filterBy("parent.value", "path-wanted")
                        .orderBy("id"))
                .map(child -> child.value));
        assertThat(values).containsExactly("w1", "w2");
        List<String> byLike = inSession(factory, session -> session.scalars(Select.from(Child.class)
                        .where(Condition.like("parent.value", "path-%"))
                        .orderBy(Order.asc("parent.value"), Order.asc("id")))
                .map(child -> child.value));
        assertThat(byLike).containsExactly("o1", "w1", "w2");
        assertThat(wanted.id).isNotNull();
    }

    @Test
    void aPathThroughAManyToOneKeepsChildrenWithoutParentForIsNull(SessionFactory factory) {
        family(factory, "nullpath-parent", "nullpath-with-parent");
        factory.inTransaction(session -> {
                    session.add(new Child("nullpath-orphan", null));
                    return Mono.empty();
                })
                .block(TIMEOUT);
        List<String> values = inSession(factory, session -> session.scalars(Select.from(Child.class)
                        .where(Condition.isNull("parent.value"))
                        .where(Condition.like("value", "nullpath-%")))
                .map(child -> child.value));
        assertThat(values).as("a path through a many-to-one is a LEFT OUTER JOIN").containsExactly("nullpath-orphan");
    }

    @Test
    void joinToAManyToOneLeavesOutRowsWithoutTheRelatedEntity(SessionFactory factory) {
        family(factory, "join-m2o", "join-m2o-child");
        factory.inTransaction(session -> {
                    session.add(new Child("join-m2o-orphan", null));
                    return Mono.empty();
                })
                .block(TIMEOUT);
        Select<Child> mine = Select.from(Child.class).where(Condition.like("value", "join-m2o-%"));
        assertThat(inSession(factory, session -> session.scalars(mine).map(child -> child.value)))
                .containsExactlyInAnyOrder("join-m2o-child", "join-m2o-orphan");
        assertThat(inSession(factory, session -> session.scalars(mine.join("parent")).map(child -> child.value)))
                .containsExactly("join-m2o-child");
    }

    @Test
    void joinToACollectionFiltersParentsByTheirChildrenAndReturnsEachParentOnce(SessionFactory factory) {
        Parent twoMatches = family(factory, "join-coll-two", "join-coll-hit", "join-coll-hit", "miss");
        Parent oneMatch = family(factory, "join-coll-one", "join-coll-hit");
        family(factory, "join-coll-none", "miss");
        Select<Parent> query = Select.from(Parent.class)
                .join("children")
                .where(Condition.eq("children.value", "join-coll-hit"))
                .orderBy("id");
        List<Parent> parents = inSession(factory, session -> session.scalars(query));
        assertThat(parents).extracting(parent -> parent.value).containsExactly("join-coll-two", "join-coll-one");
        assertThat(parents).extracting(parent -> parent.id).containsExactly(twoMatches.id, oneMatch.id);
        Long count = factory.withSession(session -> session.count(query)).block(TIMEOUT);
        assertThat(count).isEqualTo(2L);
    }

    @Test
    void oneOverAJoinToACollectionIsNotConfusedByTwoMatchingChildren(SessionFactory factory) {
        Parent parent = family(factory, "join-one", "join-one-hit", "join-one-hit");
        StepVerifier.create(factory.withSession(session -> session.one(Select.from(Parent.class)
                        .join("children")
                        .where(Condition.eq("children.value", "join-one-hit")))))
                .assertNext(found -> assertThat(found.id).isEqualTo(parent.id))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void orderByAscendingAndDescendingOnSeveralTerms(SessionFactory factory) {
        Parent parent = family(factory, "order", "b", "a", "b", "c");
        List<Child> desc = inSession(factory, session -> session.scalars(Select.from(Child.class)
                .filterBy("parent", parent)
                .orderBy(Order.desc("value"), Order.asc("id"))));
        assertThat(desc).extracting(child -> child.value).containsExactly("c", "b", "b", "a");
        assertThat(desc.get(1).id).isLessThan(desc.get(2).id);
        List<Child> asc = inSession(factory, session -> session.scalars(Select.from(Child.class)
                .filterBy("parent", parent)
                .orderBy("value")
                .orderBy(Order.desc("id"))));
        assertThat(asc).extracting(child -> child.value).containsExactly("a", "b", "b", "c");
        assertThat(asc.get(1).id).isGreaterThan(asc.get(2).id);
    }

    @Test
    void limitAndOffsetPageThroughOrderedRows(SessionFactory factory) {
        String[] values = {"p0", "p1", "p2", "p3", "p4", "p5", "p6"};
        Parent parent = family(factory, "paging", values);
        Select<Child> ordered = Select.from(Child.class).filterBy("parent", parent).orderBy("value");
        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Select<Child> query = ordered.limit(3).offset(page * 3L);
            pages.add(String.join(",", inSession(factory, session -> session.scalars(query).map(child -> child.value))));
        }
        assertThat(pages).containsExactly("p0,p1,p2", "p3,p4,p5", "p6");
        assertThat(inSession(factory, session -> session.scalars(ordered.offset(5)).map(child -> child.value)))
                .containsExactly("p5", "p6");
        assertThat(inSession(factory, session -> session.scalars(ordered.limit(0)))).isEmpty();
        assertThat(Arrays.asList(values)).hasSize(7);
    }

    @Test
    void oneReturnsTheSingleMatch(SessionFactory factory) {
        family(factory, "one-single", "one-single-child");
        StepVerifier.create(factory.withSession(session ->
                        session.one(Select.from(Child.class).filterBy("value", "one-single-child"))))
                .assertNext(child -> assertThat(child.value).isEqualTo("one-single-child"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void oneWithoutAMatchFailsWithNoResultExceptionNamingTheEntityAndOneOrNone(SessionFactory factory) {
        StepVerifier.create(factory.withSession(session ->
                        session.one(Select.from(Child.class).filterBy("value", "one-none-missing"))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(NoResultException.class)
                        .hasMessageContaining("one() found no Child")
                        .hasMessageContaining("use oneOrNone()"))
                .verify(TIMEOUT);
    }

    @Test
    void oneWithSeveralMatchesFailsWithMultipleResultsException(SessionFactory factory) {
        family(factory, "one-many", "one-many-child", "one-many-child");
        Select<Child> query = Select.from(Child.class).filterBy("value", "one-many-child");
        StepVerifier.create(factory.withSession(session -> session.one(query)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(MultipleResultsException.class)
                        .hasMessageContaining("Expected at most one Child")
                        .hasMessageContaining("narrow the conditions, or use scalars()"))
                .verify(TIMEOUT);
        StepVerifier.create(factory.withSession(session -> session.oneOrNone(query)))
                .expectError(MultipleResultsException.class)
                .verify(TIMEOUT);
    }

    @Test
    void oneOrNoneIsEmptyWithoutAMatchAndReturnsASingleMatch(SessionFactory factory) {
        family(factory, "one-or-none", "one-or-none-child");
        StepVerifier.create(factory.withSession(session ->
                        session.oneOrNone(Select.from(Child.class).filterBy("value", "one-or-none-missing"))))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(factory.withSession(session ->
                        session.oneOrNone(Select.from(Child.class).filterBy("value", "one-or-none-child"))))
                .assertNext(child -> assertThat(child.value).isEqualTo("one-or-none-child"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aSessionStaysUsableAfterOneFailed(SessionFactory factory) {
        family(factory, "one-then", "one-then-child");
        Mono<String> afterFailure = factory.withSession(session -> session.one(
                        Select.from(Child.class).filterBy("value", "one-then-missing"))
                .map(child -> child.value)
                .onErrorResume(NoResultException.class, error ->
                        session.one(Select.from(Child.class).filterBy("value", "one-then-child")).map(child -> child.value)));
        StepVerifier.create(afterFailure).expectNext("one-then-child").expectComplete().verify(TIMEOUT);
    }

    @Test
    void countCountsMatchingRowsIgnoringOrderLimitAndLoads(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = family(factory, "count", "a", "b", "c", null);
        Select<Child> query = Select.from(Child.class)
                .filterBy("parent", parent)
                .where(Condition.isNotNull("value"))
                .orderBy("value")
                .limit(1)
                .options(Load.joined("parent"));
        recorder.reset();
        StepVerifier.create(factory.withSession(session -> session.count(query))).expectNext(3L).expectComplete().verify(TIMEOUT);
        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("count(*)");
        StepVerifier.create(factory.withSession(session -> session.count(Select.from(Child.class).filterBy("parent.value", "count"))))
                .expectNext(4L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anUnknownPropertyFailsAtTheCallListingPropertiesAndSuggestingTheClosest(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();
        assertThatThrownBy(() -> session.scalars(Select.from(Child.class).filterBy("valeu", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Child has no property \"valeu\"; did you mean \"value\"? Its properties are [id, value, parent]");
        assertThatThrownBy(() -> session.one(Select.from(Child.class).orderBy("vlaue")))
                .hasMessageContaining("Child has no property \"vlaue\"; did you mean \"value\"?");
        assertThatThrownBy(() -> session.count(Select.from(Child.class).where(Condition.gt("parent.vale", 1))))
                .hasMessageContaining("Parent has no property \"vale\"; did you mean \"value\"? Its properties are [id, value, children]");
        assertThatThrownBy(() -> session.oneOrNone(Select.from(Child.class).filterBy("colour", "red")))
                .hasMessage("Child has no property \"colour\"; its properties are [id, value, parent]");
        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anUnknownRelationshipInAJoinOrLoadFailsAtTheCallListingRelationships(SessionFactory factory, StatementRecorder recorder) {
        ReactiveSession session = factory.openSession();
        recorder.reset();
        assertThatThrownBy(() -> session.scalars(Select.from(Child.class).join("parnt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Child has no relationship \"parnt\"; did you mean \"parent\"?")
                .hasMessageContaining("[parent]");
        assertThatThrownBy(() -> session.scalars(Select.from(Parent.class).options(Load.selectIn("childs"))))
                .hasMessageContaining("Parent has no relationship \"childs\"; did you mean \"children\"?");
        assertThatThrownBy(() -> session.scalars(Select.from(Parent.class).options(Load.selectIn("children").joined("parnet"))))
                .hasMessageContaining("Child has no relationship \"parnet\"; did you mean \"parent\"?");
        assertThatThrownBy(() -> session.scalars(Select.from(Child.class).join("value")))
                .hasMessageContaining("Child.value is a column, not a relationship");
        assertThatThrownBy(() -> session.scalars(Select.from(Parent.class).filterBy("children.value", "x")))
                .hasMessageContaining("join it first with Select.join(\"children\")");
        recorder.assertThat().hasNoStatements();
        StepVerifier.create(session.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void queriesOfOneShapeShareOneSqlTextAndBindEveryValue(SessionFactory factory, StatementRecorder recorder) {
        Parent parent = family(factory, "shape", "shape-a", "shape-b");
        recorder.reset();
        for (String value : List.of("shape-a", "shape-b")) {
            List<Child> found = inSession(factory, session -> session.scalars(Select.from(Child.class)
                    .filterBy("parent", parent)
                    .where(Condition.in("value", List.of(value, "shape-none")))
                    .limit(5)));
            assertThat(found).extracting(child -> child.value).containsExactly(value);
        }
        recorder.assertThat().hasStatementCount(2);
        recorder.assertThat().element(0).hasSql(recorder.statements().get(1).sql()).sqlContains("= ANY($2").sqlContains("LIMIT $3");
        recorder.assertThat().hasNoneContaining("shape-");
    }

    @Test
    void queriesAreImmutableSoABaseQueryCanBeRefined(SessionFactory factory) {
        Parent parent = family(factory, "immutable", "a", "b");
        Select<Child> base = Select.from(Child.class).filterBy("parent", parent);
        Select<Child> onlyA = base.filterBy("value", "a");
        assertThat(inSession(factory, session -> session.scalars(base))).hasSize(2);
        assertThat(inSession(factory, session -> session.scalars(onlyA))).hasSize(1);
        assertThat(base.filterBy("value", "a")).isEqualTo(onlyA).isNotSameAs(onlyA);
    }
}
