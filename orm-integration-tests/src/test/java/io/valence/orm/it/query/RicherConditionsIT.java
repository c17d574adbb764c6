package io.valence.orm.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.it.model.Child;
import io.valence.orm.it.model.Parent;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Select;
import io.valence.orm.query.Subquery;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.StatementRecorder;
import io.valence.orm.testkit.ValenceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * ILIKE, BETWEEN, escaped prefix and substring matches, property-to-property comparisons and EXISTS
 * subqueries correlated through a relationship, on PostgreSQL. Each test works on parents whose
 * values start with its own prefix.
 */
@ValenceTest(entities = {Parent.class, Child.class})
class RicherConditionsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static void family(SessionFactory factory, String parentValue, String... childValues) {
        factory.inTransaction(session -> {
                    Parent parent = new Parent(parentValue);
                    session.add(parent);
                    for (String value : childValues) {
                        session.add(new Child(value, parent));
                    }
                    return Mono.empty();
                })
                .block(TIMEOUT);
    }

    private static List<String> childValues(SessionFactory factory, String parentPrefix, Condition condition) {
        return factory.withSession(session -> session.scalars(Select.from(Child.class)
                                .where(Condition.startsWith("parent.value", parentPrefix).and(condition))
                                .orderBy("id"))
                        .map(child -> child.value)
                        .collectList())
                .block(TIMEOUT);
    }

    private static List<String> parentValues(SessionFactory factory, String prefix, Condition condition) {
        return factory.withSession(session -> session.scalars(Select.from(Parent.class)
                                .where(Condition.startsWith("value", prefix).and(condition))
                                .orderBy("value"))
                        .map(parent -> parent.value)
                        .collectList())
                .block(TIMEOUT);
    }

    @Test
    void ilikeMatchesIgnoringCaseAndBetweenIncludesBothBounds(SessionFactory factory) {
        family(factory, "ci", "Apple", "apricot", "banana", "Cherry");

        assertThat(childValues(factory, "ci", Condition.ilike("value", "ap%"))).containsExactly("Apple", "apricot");
        assertThat(childValues(factory, "ci", Condition.between("value", "apricot", "banana")))
                .containsExactly("apricot", "banana");
    }

    @Test
    void startsWithAndContainsTakeWildcardsLiterally(SessionFactory factory) {
        family(factory, "lit", "50% off", "50 off", "a_b", "axb");

        assertThat(childValues(factory, "lit", Condition.startsWith("value", "50%"))).containsExactly("50% off");
        assertThat(childValues(factory, "lit", Condition.contains("value", "_"))).containsExactly("a_b");
        assertThat(childValues(factory, "lit", Condition.like("value", "a_b"))).containsExactly("a_b", "axb");
    }

    @Test
    void twoPropertiesOfARowCompare(SessionFactory factory) {
        family(factory, "same", "same", "other");

        assertThat(childValues(factory, "same", Condition.compare("value", Condition.Operator.EQ, "parent.value")))
                .containsExactly("same");
    }

    @Test
    void existsFindsParentsHavingAChildWithAValueInOneStatement(SessionFactory factory, StatementRecorder recorder) {
        family(factory, "ex-1", "x", "y");
        family(factory, "ex-2", "y");
        family(factory, "ex-3");
        recorder.reset();

        List<String> withX = parentValues(factory, "ex-", Condition.exists("children", Condition.eq("value", "x")));

        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("EXISTS (SELECT 1 FROM \"child\" AS t1 WHERE t1.\"parent_id\" = t0.\"id\"");
        assertThat(withX).containsExactly("ex-1");
        assertThat(parentValues(factory, "ex-", Condition.exists("children"))).containsExactly("ex-1", "ex-2");
        assertThat(parentValues(factory, "ex-", Condition.notExists("children"))).containsExactly("ex-3");
        assertThat(parentValues(factory, "ex-", Condition.notExists("children", Condition.eq("value", "x"))))
                .containsExactly("ex-2", "ex-3");
    }

    @Test
    void inOverASubqueryFindsParentsHavingAChildWithAValueInOneStatement(SessionFactory factory, StatementRecorder recorder) {
        family(factory, "in-1", "x", "x", "y");
        family(factory, "in-2", "y");
        family(factory, "in-3");
        recorder.reset();

        Subquery parentsOfX = Subquery.of(Select.from(Child.class).where(Condition.eq("value", "x")), "parent");
        List<String> withX = parentValues(factory, "in-", Condition.in("id", parentsOfX));

        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("t0.\"id\" IN (SELECT t1.\"parent_id\" FROM \"child\" AS t1"
                + " WHERE (t1.\"value\" = $2) AND t1.\"parent_id\" IS NOT NULL)");
        assertThat(withX).containsExactly("in-1");
        assertThat(parentValues(factory, "in-", Condition.notIn("id", parentsOfX))).containsExactly("in-2", "in-3");
    }

    @Test
    void inOverASubqueryCorrelatedThroughARelationshipComparesWithTheRowsOwnRelatives(
            SessionFactory factory, StatementRecorder recorder) {
        family(factory, "own-1", "own-1", "z");
        family(factory, "own-2", "own-1", null); // a NULL among the values must not make NOT IN unknown
        recorder.reset();

        List<String> namedLikeAChild = parentValues(factory, "own-", Condition.in("value", Subquery.related("children", "value")));

        recorder.assertThat().hasStatementCount(1);
        recorder.assertThat().singleElement().sqlContains("t0.\"value\" IN (SELECT t1.\"value\" FROM \"child\" AS t1"
                + " WHERE t1.\"parent_id\" = t0.\"id\" AND t1.\"value\" IS NOT NULL)");
        assertThat(namedLikeAChild).containsExactly("own-1");
        assertThat(parentValues(factory, "own-", Condition.notIn("value", Subquery.related("children", "value"))))
                .containsExactly("own-2");
    }
}
