package io.valence.orm.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @OrderBy} on a collection orders its members in the select-in query and after a joined load's own order. */
class CollectionOrderTest {
    private static final Metamodel METAMODEL = Metamodel.of(List.of(Album.class, Song.class));
    private static final String SONG_COLUMNS = "\"id\", \"title\", \"position\", \"album_id\"";

    private final SelectRenderer renderer = new SelectRenderer(METAMODEL);

    private static String columns(String alias) {
        return alias + "." + SONG_COLUMNS.replace(", ", ", " + alias + ".");
    }

    @Test
    void aSelectInOfAnOrderedCollectionSortsTheMembers() {
        RenderedSelect rendered = renderer.render(Select.from(Album.class).options(Load.selectIn("songs")));

        assertThat(rendered.selectIns().get(0).query().statement().sql()).isEqualTo("SELECT " + columns("t0")
                + " FROM \"song\" AS t0 WHERE t0.\"album_id\" = ANY($1::bigint[])"
                + " ORDER BY t0.\"position\" DESC, t0.\"title\"");
    }

    @Test
    void aJoinedOrderedCollectionSortsAfterTheQuerysOwnOrder() {
        RenderedSelect rendered = renderer.render(
                Select.from(Album.class).options(Load.joined("songs")).orderBy("title"));

        assertThat(rendered.statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"title\", " + columns("t1")
                + " FROM \"album\" AS t0 LEFT OUTER JOIN \"song\" AS t1 ON t1.\"album_id\" = t0.\"id\""
                + " ORDER BY t0.\"title\" ASC, t1.\"position\" DESC, t1.\"title\"");
    }

    @Test
    void aJoinedOrderedCollectionUnderALimitSortsInTheOuterQuery() {
        RenderedSelect rendered = renderer.render(
                Select.from(Album.class).options(Load.joined("songs")).orderBy("title").limit(2));

        assertThat(rendered.statement().sql()).endsWith(" ORDER BY t0.\"title\" ASC, t1.\"position\" DESC, t1.\"title\"");
    }
}
