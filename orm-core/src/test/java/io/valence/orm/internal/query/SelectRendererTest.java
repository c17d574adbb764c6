package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.types;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.DataException;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Load;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectRendererTest {
    private static final String CHILD_COLUMNS = "t0.\"id\", t0.\"value\", t0.\"parent_id\"";
    private static final EntityMapping PARENT = METAMODEL.entity(Parent.class);
    private static final EntityMapping CHILD = METAMODEL.entity(Child.class);

    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    @Test
    void filterByComparesARootColumnWithABoundValue() {
        SqlStatement statement = renderer.render(Select.from(Child.class).filterBy("value", "x")).statement();

        assertThat(statement.sql())
                .isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0 WHERE t0.\"value\" = $1");
        assertThat(values(statement)).containsExactly("x");
        assertThat(types(statement)).containsExactly(String.class);
    }

    @Test
    void eachComparisonOperatorRendersItsSqlOperator() {
        Select<Child> select = Select.from(Child.class).where(Condition.and(
                Condition.ne("id", 1L), Condition.lt("id", 2L), Condition.le("id", 3L),
                Condition.gt("id", 4L), Condition.ge("id", 5L), Condition.like("value", "a%")));

        SqlStatement statement = renderer.render(select).statement();

        assertThat(statement.sql()).isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0 WHERE"
                + " t0.\"id\" <> $1 AND t0.\"id\" < $2 AND t0.\"id\" <= $3 AND t0.\"id\" > $4 AND t0.\"id\" >= $5"
                + " AND t0.\"value\" LIKE $6");
        assertThat(values(statement)).containsExactly(1L, 2L, 3L, 4L, 5L, "a%");
    }

    @Test
    void inBindsOneArrayParameterWhateverTheNumberOfValues() {
        SqlStatement three = renderer.render(Select.from(Child.class).where(Condition.in("id", 1L, 2L, 3L))).statement();
        SqlStatement none = renderer.render(Select.from(Child.class).where(Condition.in("id", List.of()))).statement();

        assertThat(three.sql())
                .isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0 WHERE t0.\"id\" = ANY($1::bigint[])");
        assertThat(none.sql()).isSameAs(three.sql());
        assertThat(values(three)).containsExactly(List.of(1L, 2L, 3L));
        assertThat(types(three)).containsExactly(Long[].class);
        assertThat(values(none)).containsExactly(List.of());
    }

    @Test
    void nestedAndOrNotAreParenthesized() {
        Condition condition = Condition.eq("value", "a")
                .and(Condition.eq("id", 1L).or(Condition.isNull("parent")))
                .and(Condition.like("value", "b%").and(Condition.isNotNull("parent")).negate());

        SqlStatement statement = renderer.render(Select.from(Child.class).where(condition)).statement();

        assertThat(statement.sql()).isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0 WHERE"
                + " t0.\"value\" = $1 AND (t0.\"id\" = $2 OR t0.\"parent_id\" IS NULL)"
                + " AND NOT (t0.\"value\" LIKE $3 AND t0.\"parent_id\" IS NOT NULL)");
        assertThat(values(statement)).containsExactly("a", 1L, "b%");
    }

    @Test
    void aPathThroughAManyToOneLeftJoinsTheTargetOnceForConditionsAndOrders() {
        Select<Child> select = Select.from(Child.class)
                .filterBy("parent.value", "p")
                .where(Condition.isNotNull("parent.id"))
                .orderBy("parent.value");

        SqlStatement statement = renderer.render(select).statement();

        assertThat(statement.sql()).isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0"
                + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " WHERE t1.\"value\" = $1 AND t1.\"id\" IS NOT NULL ORDER BY t1.\"value\" ASC");
        assertThat(values(statement)).containsExactly("p");
    }

    @Test
    void aSelfReferencingPathJoinsOnceperStep() {
        SqlStatement statement =
                renderer.render(Select.from(Node.class).filterBy("parent.parent.name", "root")).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t0.\"name\", t0.\"parent_id\" FROM \"node\" AS t0"
                + " LEFT OUTER JOIN \"node\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " LEFT OUTER JOIN \"node\" AS t2 ON t2.\"id\" = t1.\"parent_id\" WHERE t2.\"name\" = $1");
    }

    @Test
    void anEntityComparedWithAManyToOneBindsItsId() {
        Parent seven = new Parent(7L, "p");
        Parent eight = new Parent(8L, "q");
        Select<Child> select = Select.from(Child.class)
                .filterBy("parent", seven)
                .where(Condition.in("parent", seven, eight));

        SqlStatement statement = renderer.render(select).statement();

        assertThat(statement.sql()).isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0"
                + " WHERE t0.\"parent_id\" = $1 AND t0.\"parent_id\" = ANY($2::bigint[])");
        assertThat(values(statement)).containsExactly(7L, List.of(7L, 8L));
        assertThat(types(statement)).containsExactly(Long.class, Long[].class);
    }

    @Test
    void aPendingEntityAsValueIsRejectedBecauseItHasNoIdYet() {
        Select<Child> select = Select.from(Child.class).filterBy("parent", new Parent(null, "p"));

        assertThatThrownBy(() -> renderer.render(select))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parent (pending, no id) has no id yet; flush first (session.flush()), then use it as a value");
    }

    @Test
    void anEntityOfAnotherTypeForAManyToOneIsRejected() {
        Select<Child> select = Select.from(Child.class).filterBy("parent", new Node());

        assertThatThrownBy(() -> renderer.render(select))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Child.parent refers to Parent, but was given a value of type Node; pass a Parent or its id");
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedNamingTheColumnsType() {
        Select<Child> select = Select.from(Child.class).filterBy("parent.value", 5);

        assertThatThrownBy(() -> renderer.render(select))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"parent.value\" (Parent.value) holds String values, but was given a value of type"
                        + " Integer; pass a String");
    }

    @Test
    void smallerIntegersWidenToALongColumn() {
        SqlStatement statement = renderer.render(Select.from(Child.class).filterBy("id", 5)).statement();

        assertThat(values(statement)).containsExactly(5L);
        assertThat(types(statement)).containsExactly(Long.class);
    }

    @Test
    void anExplicitJoinIsAnInnerJoinThatConditionsReuse() {
        Select<Child> select = Select.from(Child.class).join("parent").filterBy("parent.value", "p");

        assertThat(renderer.render(select).statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS
                + " FROM \"child\" AS t0 INNER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " WHERE t1.\"value\" = $1");
    }

    @Test
    void anExplicitJoinToACollectionIsAPlainJoinWhoseRowsMayRepeatRoots() {
        Select<Parent> select = Select.from(Parent.class).join("children").filterBy("children.value", "c");

        assertThat(renderer.render(select).statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"value\""
                + " FROM \"parent\" AS t0 INNER JOIN \"child\" AS t1 ON t1.\"parent_id\" = t0.\"id\""
                + " WHERE t1.\"value\" = $1");
    }

    @Test
    void aPathThroughACollectionThatIsNotJoinedIsRejectedNamingTheJoin() {
        Select<Parent> select = Select.from(Parent.class).filterBy("children.value", "c");

        assertThatThrownBy(() -> renderer.render(select))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"children.value\" goes through Parent.children, a collection, which conditions and orders"
                        + " do not join implicitly; join it first with Select.join(\"children\")");
    }

    @Test
    void orderLimitAndOffsetRenderWithBoundLimitAndOffset() {
        Select<Child> select =
                Select.from(Child.class).orderBy(Order.desc("id"), Order.asc("value")).limit(10).offset(20);

        SqlStatement statement = renderer.render(select).statement();

        assertThat(statement.sql()).isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0"
                + " ORDER BY t0.\"id\" DESC, t0.\"value\" ASC LIMIT $1 OFFSET $2");
        assertThat(values(statement)).containsExactly(10L, 20L);
        assertThat(types(statement)).containsExactly(Long.class, Long.class);
    }

    @Test
    void enumAndInstantValuesAreConvertedByTheirColumnsType() {
        Instant first = Instant.parse("2024-01-02T03:04:05Z");
        Instant second = Instant.parse("2024-06-07T08:09:10Z");
        Select<Event> select = Select.from(Event.class)
                .filterBy("kind", Event.Kind.CREATED)
                .where(Condition.in("at", first, second))
                .where(Condition.gt("order", 3));

        SqlStatement statement = renderer.render(select).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t0.\"kind\", t0.\"at\", t0.\"order\" FROM \"event\" AS t0"
                + " WHERE t0.\"kind\" = $1 AND t0.\"at\" = ANY($2::timestamptz[]) AND t0.\"order\" > $3");
        assertThat(values(statement)).containsExactly("CREATED",
                List.of(first.atOffset(ZoneOffset.UTC), second.atOffset(ZoneOffset.UTC)), 3);
        assertThat(types(statement)).containsExactly(String.class, OffsetDateTime[].class, Integer.class);
    }

    @Test
    void aReservedWordColumnIsQuotedEverywhere() {
        SqlStatement statement = renderer.render(Select.from(Event.class).filterBy("order", 1).orderBy("order")).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t0.\"kind\", t0.\"at\", t0.\"order\" FROM \"event\" AS t0"
                + " WHERE t0.\"order\" = $1 ORDER BY t0.\"order\" ASC");
    }

    @Test
    void anUnknownPropertyIsRejectedSuggestingTheClosestName() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).filterBy("valeu", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Child has no property \"valeu\"; did you mean \"value\"? Its properties are [id, value, parent]");
    }

    @Test
    void anUnknownPropertyFarFromEveryNameListsThePropertiesWithoutSuggestion() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).orderBy("colour")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Child has no property \"colour\"; its properties are [id, value, parent]");
    }

    @Test
    void anUnknownPropertyAtTheEndOfAPathNamesTheTargetEntity() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).filterBy("parent.valeu", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parent has no property \"valeu\"; did you mean \"value\"? Its properties are"
                        + " [id, value, children]");
    }

    @Test
    void aPathThroughAColumnIsRejected() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).filterBy("value.length", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"value.length\" goes through Child.value, which is a column, not a relationship;"
                        + " Child's relationships are [parent]");
    }

    @Test
    void aConditionOnACollectionItselfIsRejectedNamingTheJoinToUse() {
        assertThatThrownBy(() -> renderer.render(Select.from(Parent.class).where(Condition.isNull("children"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"children\" names Parent.children, an inverse one-to-many relationship, which has no"
                        + " column of Parent to compare or set; to filter on it, join it with Select.join(\"children\")"
                        + " and name one of its properties, such as \"children.id\"");
    }

    @Test
    void equalShapesWithDifferentValuesReuseTheSameText() {
        RenderedSelect first = renderer.render(Select.from(Child.class).filterBy("value", "a").limit(1));
        RenderedSelect second = renderer.render(Select.from(Child.class).filterBy("value", "b").limit(2));
        RenderedSelect other = renderer.render(Select.from(Child.class).filterBy("id", 1L).limit(2));

        assertThat(second.statement().sql()).isSameAs(first.statement().sql());
        assertThat(values(second.statement())).containsExactly("b", 2L);
        assertThat(other.statement().sql()).isNotEqualTo(first.statement().sql());
    }

    @Test
    void countKeepsJoinsAndConditionsAndLeavesOutOrderLimitAndLoads() {
        Select<Child> select = Select.from(Child.class)
                .filterBy("parent.value", "p")
                .options(Load.joined("parent"))
                .orderBy("id")
                .limit(3);

        SqlStatement statement = renderer.count(select);

        assertThat(statement.sql()).isEqualTo("SELECT count(*) FROM \"child\" AS t0"
                + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\" WHERE t1.\"value\" = $1");
        assertThat(values(statement)).containsExactly("p");
    }

    @Test
    void countWithAJoinedCollectionCountsDistinctRoots() {
        Select<Parent> select = Select.from(Parent.class).join("children").filterBy("children.value", "c");

        assertThat(renderer.count(select).sql()).isEqualTo("SELECT count(DISTINCT t0.\"id\") FROM \"parent\" AS t0"
                + " INNER JOIN \"child\" AS t1 ON t1.\"parent_id\" = t0.\"id\" WHERE t1.\"value\" = $1");
    }

    @Test
    void byIdSelectsEveryColumnOfTheRowWithThatId() {
        SqlStatement statement = renderer.byId(CHILD, 5L);

        assertThat(statement.sql()).isEqualTo("SELECT " + CHILD_COLUMNS + " FROM \"child\" AS t0 WHERE t0.\"id\" = $1");
        assertThat(values(statement)).containsExactly(5L);
        assertThat(renderer.byId(CHILD, 6L).sql()).isSameAs(statement.sql());
    }

    @Test
    void byIdRejectsAnIdOfTheWrongTypeNamingTheExpectedType() {
        assertThatThrownBy(() -> renderer.byId(PARENT, "5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parent ids are Long, but was given a value of type String; pass a Long");
    }

    @Test
    void aComparedValuePostgresqlCannotHoldIsRefusedAtRendering() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).filterBy("value", "nul\u0000inside")))
                .isExactlyInstanceOf(DataException.class)
                .hasMessageStartingWith("Valence refused a String for Child.value before sending any SQL");
        assertThatThrownBy(() -> renderer.render(Select.from(Event.class).where(Condition.in("at", Instant.EPOCH, Instant.MAX))))
                .isExactlyInstanceOf(DataException.class)
                .hasMessageStartingWith("Valence refused an Instant for Event.at before sending any SQL");
    }

    /** An entity whose id is text. */
    @Entity
    static class Tag {
        @Id
        String name;

        Tag() {}
    }

    @Test
    void anIdPostgresqlCannotHoldIsRefusedAtRendering() {
        Metamodel tags = Metamodel.of(List.of(Tag.class));

        assertThatThrownBy(() -> new SelectRenderer(tags).byId(tags.entity(Tag.class), "nul\u0000inside"))
                .isExactlyInstanceOf(DataException.class)
                .hasMessageStartingWith("Valence refused a String for Tag.name before sending any SQL");
    }
}
