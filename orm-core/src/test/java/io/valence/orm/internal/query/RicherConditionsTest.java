package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Select;
import org.junit.jupiter.api.Test;

class RicherConditionsTest {
    private static final String CHILD = "SELECT t0.\"id\", t0.\"value\", t0.\"parent_id\" FROM \"child\" AS t0";
    private static final String PARENT = "SELECT t0.\"id\", t0.\"value\" FROM \"parent\" AS t0";

    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    private SqlStatement statement(Select<?> select) {
        return renderer.render(select).statement();
    }

    @Test
    void ilikeBetweenAndPropertyComparisonsRender() {
        SqlStatement statement = statement(Select.from(Child.class).where(Condition.and(
                Condition.ilike("value", "a%"), Condition.between("id", 2L, 9L),
                Condition.compare("value", Condition.Operator.NE, "parent.value"))));

        assertThat(statement.sql()).isEqualTo(CHILD + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " WHERE t0.\"value\" ILIKE $1 AND t0.\"id\" BETWEEN $2 AND $3 AND t0.\"value\" <> t1.\"value\"");
        assertThat(values(statement)).containsExactly("a%", 2L, 9L);
    }

    @Test
    void startsWithContainsAndEndsWithEscapeTheWildcards() {
        assertThat(values(statement(Select.from(Child.class).where(Condition.startsWith("value", "50%_off\\")))))
                .containsExactly("50\\%\\_off\\\\%");
        assertThat(values(statement(Select.from(Child.class).where(Condition.contains("value", "a_b")))))
                .containsExactly("%a\\_b%");
        assertThat(values(statement(Select.from(Child.class).where(Condition.endsWith("value", "%")))))
                .containsExactly("%\\%");
    }

    @Test
    void existsIsASubqueryCorrelatedThroughTheRelationship() {
        SqlStatement statement = statement(Select.from(Parent.class)
                .where(Condition.eq("value", "p").and(Condition.exists("children", Condition.eq("value", "x")))));

        assertThat(statement.sql()).isEqualTo(PARENT + " WHERE t0.\"value\" = $1 AND EXISTS (SELECT 1 FROM \"child\""
                + " AS t1 WHERE t1.\"parent_id\" = t0.\"id\" AND (t1.\"value\" = $2))");
        assertThat(values(statement)).containsExactly("p", "x");
    }

    @Test
    void notExistsThroughAToOneAndPathsInsideTheSubqueryJoinThere() {
        SqlStatement childless = statement(Select.from(Parent.class).where(Condition.notExists("children")));
        SqlStatement orphans = statement(Select.from(Child.class).where(Condition.notExists("parent")));
        SqlStatement siblings = statement(Select.from(Child.class)
                .where(Condition.exists("parent.children", Condition.eq("parent.value", "p"))));

        assertThat(childless.sql()).isEqualTo(PARENT
                + " WHERE NOT (EXISTS (SELECT 1 FROM \"child\" AS t1 WHERE t1.\"parent_id\" = t0.\"id\"))");
        assertThat(orphans.sql()).isEqualTo(CHILD
                + " WHERE NOT (EXISTS (SELECT 1 FROM \"parent\" AS t1 WHERE t1.\"id\" = t0.\"parent_id\"))");
        assertThat(siblings.sql()).isEqualTo(CHILD + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " WHERE EXISTS (SELECT 1 FROM \"child\" AS t2 LEFT OUTER JOIN \"parent\" AS t3 ON t3.\"id\" ="
                + " t2.\"parent_id\" WHERE t2.\"parent_id\" = t1.\"id\" AND (t3.\"value\" = $1))");
    }

    @Test
    void existsShapesAreCachedWithTheirValuesBoundAnew() {
        SqlStatement first = statement(Select.from(Parent.class).where(Condition.exists("children", Condition.eq("value", "a"))));
        SqlStatement second = statement(Select.from(Parent.class).where(Condition.exists("children", Condition.eq("value", "b"))));

        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(values(second)).containsExactly("b");
    }

    @Test
    void existsOfAnUnknownRelationshipAndInABulkStatementFail() {
        assertThatThrownBy(() -> statement(Select.from(Parent.class).where(Condition.exists("kids"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Parent has no relationship \"kids\"");
        assertThatThrownBy(() -> new DmlRenderer(METAMODEL).render(Delete.from(Parent.class).where(Condition.exists("children"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a bulk UPDATE or DELETE cannot filter on Condition.exists(\"children\", …)");
    }
}
