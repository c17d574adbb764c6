package io.valence.orm.internal.query;

import static io.valence.orm.internal.query.Fixtures.METAMODEL;
import static io.valence.orm.internal.query.Fixtures.types;
import static io.valence.orm.internal.query.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectLoadOptionsTest {
    private static final EntityMapping PARENT = METAMODEL.entity(Parent.class);
    private static final EntityMapping CHILD = METAMODEL.entity(Child.class);
    private static final EntityMapping NODE = METAMODEL.entity(Node.class);
    private static final String CHILD_COLUMNS = "t0.\"id\", t0.\"value\", t0.\"parent_id\"";
    private static final String NODE_COLUMNS = "t0.\"id\", t0.\"name\", t0.\"parent_id\"";

    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    @Test
    void aJoinedToOneAddsALeftJoinAndItsColumnsAfterTheRoots() {
        RenderedSelect rendered = renderer.render(Select.from(Child.class).options(Load.joined("parent")));

        assertThat(rendered.statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS + ", t1.\"id\", t1.\"value\""
                + " FROM \"child\" AS t0 LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\"");
        assertThat(rendered.entities()).containsExactly(
                new SelectedEntity(CHILD, 0, -1, null),
                new SelectedEntity(PARENT, 3, 0, CHILD.relationship("parent")));
        assertThat(rendered.selectIns()).isEmpty();
    }

    @Test
    void aLoadJoinIsSeparateFromTheJoinAConditionUses() {
        Select<Child> select = Select.from(Child.class).filterBy("parent.value", "p").options(Load.joined("parent"));

        assertThat(renderer.render(select).statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS
                + ", t2.\"id\", t2.\"value\" FROM \"child\" AS t0"
                + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " LEFT OUTER JOIN \"parent\" AS t2 ON t2.\"id\" = t0.\"parent_id\" WHERE t1.\"value\" = $1");
    }

    @Test
    void aJoinedCollectionWithoutLimitJoinsTheCollectionDirectly() {
        Select<Parent> select = Select.from(Parent.class).options(Load.joined("children")).orderBy("id");

        RenderedSelect rendered = renderer.render(select);

        assertThat(rendered.statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"value\", t1.\"id\", t1.\"value\","
                + " t1.\"parent_id\" FROM \"parent\" AS t0 LEFT OUTER JOIN \"child\" AS t1 ON t1.\"parent_id\" = t0.\"id\""
                + " ORDER BY t0.\"id\" ASC");
        assertThat(rendered.entities()).containsExactly(
                new SelectedEntity(PARENT, 0, -1, null),
                new SelectedEntity(CHILD, 2, 0, PARENT.relationship("children")));
    }

    @Test
    void aJoinedCollectionWithALimitLimitsTheRootsInASubquery() {
        Select<Parent> select = Select.from(Parent.class)
                .filterBy("value", "p")
                .options(Load.joined("children"))
                .orderBy("value")
                .limit(5)
                .offset(10);

        SqlStatement statement = renderer.render(select).statement();

        assertThat(statement.sql()).isEqualTo("SELECT t0.\"id\", t0.\"value\", t1.\"id\", t1.\"value\", t1.\"parent_id\""
                + " FROM (SELECT t0.* FROM \"parent\" AS t0 WHERE t0.\"value\" = $1 ORDER BY t0.\"value\" ASC"
                + " LIMIT $2 OFFSET $3) AS t0 LEFT OUTER JOIN \"child\" AS t1 ON t1.\"parent_id\" = t0.\"id\""
                + " ORDER BY t0.\"value\" ASC");
        assertThat(values(statement)).containsExactly("p", 5L, 10L);
    }

    @Test
    void theRootSubqueryCarriesOrderTermsOnJoinedTablesOutAsColumns() {
        Select<Child> select = Select.from(Child.class)
                .options(Load.joined("parent").joined("children"))
                .orderBy("parent.value")
                .limit(3);

        assertThat(renderer.render(select).statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS
                + ", t2.\"id\", t2.\"value\", t3.\"id\", t3.\"value\", t3.\"parent_id\""
                + " FROM (SELECT t0.*, t1.\"value\" AS \"valence_order_1\" FROM \"child\" AS t0"
                + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\" ORDER BY t1.\"value\" ASC LIMIT $1)"
                + " AS t0 LEFT OUTER JOIN \"parent\" AS t2 ON t2.\"id\" = t0.\"parent_id\""
                + " LEFT OUTER JOIN \"child\" AS t3 ON t3.\"parent_id\" = t2.\"id\" ORDER BY t0.\"valence_order_1\" ASC");
    }

    @Test
    void aJoinedToOneWithALimitNeedsNoSubquery() {
        Select<Child> select = Select.from(Child.class).options(Load.joined("parent")).limit(3);

        assertThat(renderer.render(select).statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS
                + ", t1.\"id\", t1.\"value\" FROM \"child\" AS t0"
                + " LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\" LIMIT $1");
    }

    @Test
    void selectInOfACollectionIsAFollowUpQueryOnTheForeignKeyWithOneArrayParameter() {
        RenderedSelect rendered = renderer.render(Select.from(Parent.class).options(Load.selectIn("children")));

        assertThat(rendered.statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"value\" FROM \"parent\" AS t0");
        assertThat(rendered.entities()).containsExactly(new SelectedEntity(PARENT, 0, -1, null));
        assertThat(rendered.selectIns()).hasSize(1);
        SelectIn children = rendered.selectIns().get(0);
        assertThat(children.from()).isZero();
        assertThat(children.relationship()).isEqualTo(PARENT.relationship("children"));
        assertThat(children.keyColumn()).isEqualTo(CHILD.column("parent"));
        assertThat(children.query().statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS
                + " FROM \"child\" AS t0 WHERE t0.\"parent_id\" = ANY($1::bigint[])");
        assertThat(children.query().entities()).containsExactly(new SelectedEntity(CHILD, 0, -1, null));
        assertThat(values(children.query().statement())).containsExactly((Object) null);
        assertThat(types(children.query().statement())).containsExactly(Long[].class);
    }

    @Test
    void bindKeysBindsTheKeysAsOneTypedArray() {
        SelectIn children = renderer.render(Select.from(Parent.class).options(Load.selectIn("children")))
                .selectIns().get(0);

        SqlStatement statement = children.bindKeys(new Object[] {1L, 2L, 3L});

        assertThat(statement.sql()).isEqualTo(children.query().statement().sql());
        assertThat(statement.binds()).hasSize(1);
        assertThat(statement.binds().get(0).value()).isInstanceOf(Long[].class);
        assertThat(Arrays.asList((Long[]) statement.binds().get(0).value())).containsExactly(1L, 2L, 3L);
        assertThat(statement.binds().get(0).type()).isEqualTo(Long[].class);
    }

    @Test
    void selectInOfAManyToOneFiltersTheTargetsIdByTheForeignKeyValues() {
        SelectIn parent = renderer.render(Select.from(Child.class).options(Load.selectIn("parent"))).selectIns().get(0);

        assertThat(parent.keyColumn()).isEqualTo(PARENT.id());
        assertThat(parent.query().statement().sql())
                .isEqualTo("SELECT t0.\"id\", t0.\"value\" FROM \"parent\" AS t0 WHERE t0.\"id\" = ANY($1::bigint[])");
    }

    @Test
    void selectInThenJoinedJoinsInsideTheFollowUpQuery() {
        RenderedSelect rendered =
                renderer.render(Select.from(Parent.class).options(Load.selectIn("children").joined("parent")));

        RenderedSelect children = rendered.selectIns().get(0).query();
        assertThat(rendered.statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"value\" FROM \"parent\" AS t0");
        assertThat(children.statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS + ", t1.\"id\", t1.\"value\""
                + " FROM \"child\" AS t0 LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " WHERE t0.\"parent_id\" = ANY($1::bigint[])");
        assertThat(children.entities()).containsExactly(
                new SelectedEntity(CHILD, 0, -1, null),
                new SelectedEntity(PARENT, 3, 0, CHILD.relationship("parent")));
    }

    @Test
    void joinedThenSelectInStartsTheFollowUpFromTheJoinedEntity() {
        RenderedSelect rendered =
                renderer.render(Select.from(Child.class).options(Load.joined("parent").selectIn("children")));

        assertThat(rendered.statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS + ", t1.\"id\", t1.\"value\""
                + " FROM \"child\" AS t0 LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\"");
        SelectIn children = rendered.selectIns().get(0);
        assertThat(children.from()).isEqualTo(1);
        assertThat(children.relationship()).isEqualTo(PARENT.relationship("children"));
        assertThat(children.query().statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS
                + " FROM \"child\" AS t0 WHERE t0.\"parent_id\" = ANY($1::bigint[])");
    }

    @Test
    void aDeeperChainNestsFollowUpQueries() {
        RenderedSelect rendered = renderer.render(
                Select.from(Node.class).options(Load.selectIn("children").selectIn("children").joined("parent")));

        SelectIn children = rendered.selectIns().get(0);
        SelectIn grandchildren = children.query().selectIns().get(0);
        assertThat(rendered.statement().sql()).isEqualTo("SELECT " + NODE_COLUMNS + " FROM \"node\" AS t0");
        assertThat(children.query().statement().sql()).isEqualTo("SELECT " + NODE_COLUMNS
                + " FROM \"node\" AS t0 WHERE t0.\"parent_id\" = ANY($1::bigint[])");
        assertThat(grandchildren.from()).isZero();
        assertThat(grandchildren.query().statement().sql()).isEqualTo("SELECT " + NODE_COLUMNS
                + ", t1.\"id\", t1.\"name\", t1.\"parent_id\" FROM \"node\" AS t0"
                + " LEFT OUTER JOIN \"node\" AS t1 ON t1.\"id\" = t0.\"parent_id\""
                + " WHERE t0.\"parent_id\" = ANY($1::bigint[])");
        assertThat(grandchildren.query().entities()).containsExactly(
                new SelectedEntity(NODE, 0, -1, null),
                new SelectedEntity(NODE, 3, 0, NODE.relationship("parent")));
        assertThat(grandchildren.query().selectIns()).isEmpty();
    }

    @Test
    void optionsSharingAPrefixShareItsJoin() {
        RenderedSelect rendered = renderer.render(Select.from(Child.class)
                .options(Load.joined("parent"), Load.joined("parent").selectIn("children")));

        assertThat(rendered.statement().sql()).isEqualTo("SELECT " + CHILD_COLUMNS + ", t1.\"id\", t1.\"value\""
                + " FROM \"child\" AS t0 LEFT OUTER JOIN \"parent\" AS t1 ON t1.\"id\" = t0.\"parent_id\"");
        assertThat(rendered.entities()).hasSize(2);
        assertThat(rendered.selectIns()).extracting(SelectIn::from).containsExactly(1);
    }

    @Test
    void anUnknownRelationshipInALoadOptionIsRejectedSuggestingTheClosestName() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).options(Load.joined("parnt"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Child has no relationship \"parnt\"; did you mean \"parent\"? Its relationships are [parent]");
    }

    @Test
    void aColumnNamedInALoadOptionIsRejectedListingTheRelationships() {
        assertThatThrownBy(() -> renderer.render(Select.from(Child.class).options(Load.selectIn("value"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Child.value is a column, not a relationship; Child's relationships are [parent]");
    }

    @Test
    void equalLoadShapesReuseTheFollowUpQueries() {
        Select<Parent> select = Select.from(Parent.class).options(Load.selectIn("children"));

        assertThat(renderer.render(select.filterBy("value", "b")).selectIns())
                .isSameAs(renderer.render(select.filterBy("value", "a")).selectIns());
        assertThat(renderer.render(select).selectIns().get(0).query().statement().binds()).isEqualTo(List.of(
                new SqlStatement.Bind(null, Long[].class)));
    }
}
