package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.types;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.DataException;
import io.valence.orm.query.Condition;
import io.valence.orm.query.Expression;
import io.valence.orm.query.Load;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import io.valence.orm.query.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionRendererTest {
    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    record ChildLine(Long id, String parentValue) {}

    record Reordered(String parentValue, Long id) {}

    record Boxed(long id, String parentValue) {}

    record WrongName(Long id, String name) {}

    record WrongType(Integer id, String parentValue) {}

    record KindCount(Event.Kind kind, Long count, Long sumOrder, BigDecimal avgOrder, Instant maxAt) {}

    static final class ChildView {
        final Long id;
        final String value;

        ChildView(Long id, String value) {
            this.id = id;
            this.value = value;
        }
    }

    @Test
    void aProjectionSelectsOnlyItsColumnsJoiningToOnesOnItsPaths() {
        RenderedProjection projection = renderer.project(
                Select.from(Child.class).filterBy("value", "x").project(ChildLine.class, "id", "parent.value"));

        assertThat(projection.statement().sql()).isEqualTo("SELECT t0.\"id\", t1.\"value\" FROM \"child\" AS t0"
                + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\" WHERE t0.\"value\" = $1");
        assertThat(values(projection.statement())).containsExactly("x");
        assertThat(projection.columns()).extracting(ProjectedColumn::name).containsExactly("id", "parentValue");
        assertThat(projection.assembler().assemble(new Object[] {7L, "p"})).isEqualTo(new ChildLine(7L, "p"));
    }

    @Test
    void recordComponentsAreMatchedByNameWhateverTheirOrder() {
        RenderedProjection projection =
                renderer.project(Select.from(Child.class).project(Reordered.class, "id", "parent.value"));

        assertThat(projection.assembler().assemble(new Object[] {7L, "p"})).isEqualTo(new Reordered("p", 7L));
    }

    @Test
    void aPrimitiveComponentTakesItsBoxButRefusesANullNamingTheComponent() {
        RenderedProjection projection = renderer.project(Select.from(Child.class).project(Boxed.class, "id", "parent.value"));

        assertThat(projection.assembler().assemble(new Object[] {7L, null})).isEqualTo(new Boxed(7L, null));
        assertThatThrownBy(() -> projection.assembler().assemble(new Object[] {null, "p"}))
                .isInstanceOf(DataException.class)
                .hasMessage("a row's \"id\" is NULL, which Boxed.id (long) cannot hold; declare it as Long");
    }

    @Test
    void aRecordWhoseComponentsDoNotMatchTheSelectionsFailsBeforeAnySql() {
        assertThatThrownBy(() -> renderer.project(Select.from(Child.class).project(WrongName.class, "id", "parent.value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WrongName cannot hold the selected values [Long id, String parentValue]: no selected value"
                        + " is named \"name\". It takes (Long id, String name); name the selections after its"
                        + " components (Expression.as(…)) with matching types, or change WrongName");
        assertThatThrownBy(() -> renderer.project(Select.from(Child.class).project(WrongType.class, "id", "parent.value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"id\" is Long, but id is Integer");
        assertThatThrownBy(() -> renderer.project(Select.from(Child.class).project(ChildLine.class, "id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(Long id, String parentValue) takes 2 values, not 1");
    }

    @Test
    void aClassIsMadeByAConstructorTakingTheSelectionsInOrder() {
        RenderedProjection projection = renderer.project(Select.from(Child.class).project(ChildView.class, "id", "value"));

        ChildView view = (ChildView) projection.assembler().assemble(new Object[] {3L, "v"});

        assertThat(view.id).isEqualTo(3L);
        assertThat(view.value).isEqualTo("v");
    }

    @Test
    void tuplesAndSingleValuesNeedNoConstructor() {
        RenderedProjection tuples = renderer.project(Select.from(Child.class).tuples("id", "parent.value"));
        RenderedProjection value = renderer.project(Select.from(Child.class).value(String.class, "parent.value"));

        assertThat(tuples.assembler().assemble(new Object[] {1L, "p"}))
                .isEqualTo(Tuple.of(List.of("id", "parentValue"), new Object[] {1L, "p"}));
        assertThat(value.statement().sql()).isEqualTo("SELECT t1.\"value\" FROM \"child\" AS t0"
                + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\"");
        assertThat(value.assembler().assemble(new Object[] {"p"})).isEqualTo("p");
        assertThatThrownBy(() -> renderer.project(Select.from(Child.class).value(Integer.class, "id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Select.value(Integer.class, …) selects id, whose values are Long; ask for Long.class (or a supertype)");
    }

    @Test
    void aggregatesByGroupRenderWithTheirResultTypes() {
        RenderedProjection projection = renderer.project(Select.from(Event.class)
                .where(Condition.gt("id", 0L))
                .project(KindCount.class, Expression.property("kind"), Expression.count(), Expression.sum("order"),
                        Expression.avg("order"), Expression.max("at"))
                .groupBy("kind")
                .having(Expression.count().gt(1).and(Expression.sum("order").le(100)))
                .orderBy(Order.desc(Expression.sum("order")).nullsLast(), Order.asc("kind"))
                .limit(10));

        assertThat(projection.statement().sql()).isEqualTo("SELECT t0.\"kind\", count(*), sum(t0.\"order\")::bigint,"
                + " avg(t0.\"order\"), max(t0.\"at\") FROM \"event\" AS t0 WHERE t0.\"id\" > $1 GROUP BY t0.\"kind\""
                + " HAVING count(*) > $2 AND sum(t0.\"order\")::bigint <= $3"
                + " ORDER BY sum(t0.\"order\")::bigint DESC NULLS LAST, t0.\"kind\" ASC LIMIT $4");
        assertThat(values(projection.statement())).containsExactly(0L, 1L, 100L, 10L);
        assertThat(types(projection.statement())).containsExactly(Long.class, Long.class, Long.class, Long.class);
        assertThat(projection.columns()).extracting(ProjectedColumn::javaType)
                .containsExactly(Event.Kind.class, Long.class, Long.class, BigDecimal.class, Instant.class);
    }

    @Test
    void countDistinctAndDistinctRowsRender() {
        RenderedProjection counted = renderer.project(
                Select.from(Child.class).value(Long.class, Expression.countDistinct("parent")));
        RenderedProjection distinct = renderer.project(Select.from(Child.class).value(String.class, "value").distinct());

        assertThat(counted.statement().sql()).isEqualTo("SELECT count(DISTINCT t0.\"parent_id\") FROM \"child\" AS t0");
        assertThat(distinct.statement().sql()).isEqualTo("SELECT DISTINCT t0.\"value\" FROM \"child\" AS t0");
    }

    @Test
    void anAggregateOverANonNumericPropertyFailsBeforeAnySql() {
        assertThatThrownBy(() -> renderer.project(Select.from(Child.class).value(Long.class, Expression.sum("value"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"value\") needs a number, but Child.value holds String values; sum a numeric property"
                        + " (short, int, long, float, double or BigDecimal), or count it with Expression.count(\"value\")");
        assertThatThrownBy(() -> renderer.project(Select.from(Event.class).value(Object.class, Expression.avg("kind"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("avg(\"kind\") needs a number, but Event.kind holds Kind values");
    }

    @Test
    void anAggregateConditionOutsideHavingFailsPointingAtHaving() {
        assertThatThrownBy(() -> renderer.project(
                        Select.from(Child.class).where(Expression.count().gt(1)).value(Long.class, Expression.count())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the condition on count compares an aggregate, which SQL evaluates per group, after WHERE;"
                        + " put it in Projection.having(…) of a grouped projection");
    }

    @Test
    void anEntityQueryOrderedByAnAggregateFails() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).orderBy(Order.desc(Expression.count()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an entity query cannot be ordered by the aggregate count; order a projection grouped with"
                        + " Projection.groupBy(…) by it");
    }

    @Test
    void loadOptionsAndLocksOverGroupsAreRefused() {
        assertThatThrownBy(() -> renderer.project(
                        Select.from(Child.class).options(Load.joined("parent")).value(Long.class, "id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loads no entity, so its Select cannot have load options");
        assertThatThrownBy(() -> renderer.project(
                        Select.from(Child.class).forUpdate().value(Long.class, Expression.count())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot lock rows (PostgreSQL locks rows, not groups)");
    }

    @Test
    void theTextIsCachedPerShapeWhateverTheValues() {
        RenderedProjection first = renderer.project(Select.from(Child.class).filterBy("value", "a").tuples("id"));
        RenderedProjection second = renderer.project(Select.from(Child.class).filterBy("value", "b").tuples("id"));

        assertThat(second.statement().sql()).isSameAs(first.statement().sql());
        assertThat(values(second.statement())).containsExactly("b");
    }

    @Test
    void duplicateSelectionNamesAreRefusedAtTheCall() {
        assertThatThrownBy(() -> Select.from(Child.class).tuples(Expression.property("id"), Expression.property("id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two selections are named \"id\"");
    }
}
