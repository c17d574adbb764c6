package io.valence.orm.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.unitofwork.fixtures.Label;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import io.valence.orm.internal.unitofwork.fixtures.Post;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import org.junit.jupiter.api.Test;

/** The SQL that loads a many-to-many and filters through it: always through its link table. */
class ManyToManySqlTest {
    private final SelectRenderer renderer = new SelectRenderer(Model.METAMODEL);

    @Test
    void aSelectInJoinsTheLinkTableAndEndsEachRowWithTheOwnersId() {
        SelectIn selectIn = renderer.render(Select.from(Post.class).options(Load.selectIn("labels"))).selectIns().get(0);

        assertThat(selectIn.query().statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"name\", t1.\"post_id\""
                + " FROM \"label\" AS t0 INNER JOIN \"post_label\" AS t1 ON t1.\"label_id\" = t0.\"id\""
                + " WHERE t1.\"post_id\" = ANY($1::bigint[])");
        assertThat(selectIn.rowKeyIndex()).isEqualTo(2);
        assertThat(selectIn.query().repeatsRoots()).isTrue();
    }

    @Test
    void theInverseSideLoadsThroughTheSameLinkTable() {
        SelectIn selectIn = renderer.render(Select.from(Label.class).options(Load.selectIn("posts"))).selectIns().get(0);

        assertThat(selectIn.query().statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"title\", t1.\"label_id\""
                + " FROM \"post\" AS t0 INNER JOIN \"post_label\" AS t1 ON t1.\"post_id\" = t0.\"id\""
                + " WHERE t1.\"label_id\" = ANY($1::bigint[])");
    }

    @Test
    void aJoinedLoadGoesThroughTheLinkTableWithOuterJoins() {
        String sql = renderer.render(Select.from(Post.class).options(Load.joined("labels"))).statement().sql();

        assertThat(sql).isEqualTo("SELECT t0.\"id\", t0.\"title\", t1.\"id\", t1.\"name\" FROM \"post\" AS t0"
                + " LEFT OUTER JOIN \"post_label\" AS t1_l ON t1_l.\"post_id\" = t0.\"id\""
                + " LEFT OUTER JOIN \"label\" AS t1 ON t1.\"id\" = t1_l.\"label_id\"");
    }

    @Test
    void aConditionThroughAJoinedManyToManyFiltersByTheLinkedRows() {
        String sql = renderer.render(Select.from(Post.class).join("labels").filterBy("labels.name", "java"))
                .statement().sql();

        assertThat(sql).isEqualTo("SELECT t0.\"id\", t0.\"title\" FROM \"post\" AS t0"
                + " INNER JOIN \"post_label\" AS t1_l ON t1_l.\"post_id\" = t0.\"id\""
                + " INNER JOIN \"label\" AS t1 ON t1.\"id\" = t1_l.\"label_id\" WHERE t1.\"name\" = $1");
    }
}
