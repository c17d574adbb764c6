package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Delete;
import io.valence.orm.query.Select;
import io.valence.orm.query.Subquery;
import org.junit.jupiter.api.Test;

class InSubqueryTest {
    private static final String CHILD = "SELECT t0.\"id\", t0.\"value\", t0.\"parent_id\" FROM \"child\" AS t0";
    private static final String PARENT = "SELECT t0.\"id\", t0.\"value\" FROM \"parent\" AS t0";

    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    private SqlStatement statement(Select<?> select) {
        return renderer.render(select).statement();
    }

    private static Subquery parentsOfChildrenValued(String value) {
        return Subquery.of(Select.from(Child.class).where(Condition.eq("value", value)), "parent");
    }

    @Test
    void anUncorrelatedSubquerySelectsAColumnOfTheRowsItsSelectMatchesLeavingNullsOut() {
        SqlStatement statement = statement(Select.from(Parent.class)
                .where(Condition.eq("value", "p").and(Condition.in("id", parentsOfChildrenValued("x")))));

        assertThat(statement.sql()).isEqualTo(PARENT + " WHERE t0.\"value\" = $1 AND t0.\"id\" IN (SELECT t1.\"parent_id\""
                + " FROM \"child\" AS t1 WHERE (t1.\"value\" = $2) AND t1.\"parent_id\" IS NOT NULL)");
        assertThat(values(statement)).containsExactly("p", "x");
    }

    @Test
    void aSubqueryOfANotNullColumnWithoutConditionHasNoWhere() {
        SqlStatement statement = statement(Select.from(Child.class)
                .where(Condition.in("parent", Subquery.of(Select.from(Parent.class), "id"))));

        assertThat(statement.sql()).isEqualTo(CHILD + " WHERE t0.\"parent_id\" IN (SELECT t1.\"id\" FROM \"parent\" AS t1)");
    }

    @Test
    void aCorrelatedSubqueryIsTiedToTheOuterRowThroughTheRelationshipAndJoinsItsOwnPaths() {
        SqlStatement statement = statement(Select.from(Parent.class).where(
                Condition.notIn("value", Subquery.related("children", "value", Condition.eq("parent.value", "q")))));

        assertThat(statement.sql()).isEqualTo(PARENT + " WHERE NOT (t0.\"value\" IN (SELECT t1.\"value\" FROM \"child\""
                + " AS t1 LEFT OUTER JOIN \"parent\" AS t2 ON t2.\"id\" = t1.\"parent_id\" WHERE t1.\"parent_id\" = t0.\"id\""
                + " AND (t2.\"value\" = $1) AND t1.\"value\" IS NOT NULL))");
        assertThat(values(statement)).containsExactly("q");
    }

    @Test
    void anUncorrelatedSubqueryKeepsTheJoinsOfItsSelect() {
        SqlStatement statement = statement(Select.from(Parent.class).where(Condition.in("id",
                Subquery.of(Select.from(Child.class).join("parent").where(Condition.eq("parent.value", "q")), "parent"))));

        assertThat(statement.sql()).isEqualTo(PARENT + " WHERE t0.\"id\" IN (SELECT t1.\"parent_id\" FROM \"child\" AS t1"
                + " INNER JOIN \"parent\" AS t2 ON t2.\"id\" = t1.\"parent_id\" WHERE (t2.\"value\" = $1)"
                + " AND t1.\"parent_id\" IS NOT NULL)");
    }

    @Test
    void subqueryShapesAreCachedWithTheirValuesBoundAnew() {
        SqlStatement first = statement(Select.from(Parent.class).where(Condition.in("id", parentsOfChildrenValued("a"))));
        SqlStatement second = statement(Select.from(Parent.class).where(Condition.in("id", parentsOfChildrenValued("b"))));

        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(values(second)).containsExactly("b");
    }

    @Test
    void aSubquerySelectingAnotherTypeFailsBeforeAnySql() {
        assertThatThrownBy(() -> statement(Select.from(Parent.class).where(Condition.in("id",
                        Subquery.of(Select.from(Child.class), "value")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Condition.in(\"id\", subquery) compares Parent.id, which holds Long values, with Child.value,"
                        + " which holds String values; select a property of the same type (a many-to-one selects its"
                        + " target's id)");
    }

    @Test
    void aSubqueryInABulkStatementAndASelectThatOrdersFail() {
        assertThatThrownBy(() -> new DmlRenderer(METAMODEL).render(Delete.from(Parent.class)
                        .where(Condition.in("id", parentsOfChildrenValued("x")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a bulk UPDATE or DELETE cannot filter on Condition.in(\"id\", subquery)");
        assertThatThrownBy(() -> Subquery.of(Select.from(Child.class).orderBy("id").limit(3), "parent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("so its Select takes conditions and joins only");
        assertThatThrownBy(() -> statement(Select.from(Parent.class).where(Condition.in("id",
                        Subquery.of(Select.from(Child.class), "parnet")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Child has no property \"parnet\"");
    }
}
