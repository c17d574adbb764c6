package io.valence.orm.internal.load;

import static io.valence.orm.internal.load.Library.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.query.SelectRenderer;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.internal.unitofwork.fixtures.Label;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import io.valence.orm.internal.unitofwork.fixtures.Post;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A many-to-many select-in as data: each row names its owner, and a target shared by owners is one object in each collection. */
class LinkedSelectInTest {
    private static final SelectIn POST_LABELS = new SelectRenderer(Model.METAMODEL)
            .render(Select.from(Post.class).options(Load.selectIn("labels"))).selectIns().get(0);

    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);
    private final RowLoader loader = new RowLoader(unitOfWork);

    @Test
    void aLabelLinkedToTwoPostsIsOneObjectInBothCollections() {
        Post first = Model.persistent(unitOfWork, Post.class, 1L, "first");
        Post second = Model.persistent(unitOfWork, Post.class, 2L, "second");
        Post none = Model.persistent(unitOfWork, Post.class, 3L, "none");
        SelectInWiring wiring = new SelectInWiring(POST_LABELS, loader.statesOf(List.of(first, second, none)));
        LoadedResult labels = loader.result(POST_LABELS.query(), false, wiring);

        labels.read(row(new Object[] {10L, "shared", 1L}));
        labels.read(row(new Object[] {11L, "own", 1L}));
        labels.read(row(new Object[] {10L, "shared", 2L}));
        List<?> roots = labels.finish();
        wiring.wire();

        assertThat(roots).hasSize(2);
        assertThat(first.labels).extracting(label -> label.name).containsExactly("shared", "own");
        assertThat(second.labels).singleElement().isSameAs(first.labels.iterator().next());
        assertThat(none.labels).isEmpty();
        assertThat(unitOfWork.state(second).collectionSnapshot(Model.METAMODEL.entity(Post.class).relationship("labels")))
                .extracting(label -> ((Label) label).name).containsExactly("shared");
    }
}
