package io.valence.orm.internal.load;

import static io.valence.orm.internal.load.Library.SHELF_OF_VOLUME;
import static io.valence.orm.internal.load.Library.persistent;
import static io.valence.orm.internal.load.Library.render;
import static io.valence.orm.internal.load.Library.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One row's objects through the identity map, joined to-ones wired, and which queries stream. */
class RowLoaderTest {
    /** Columns: volume id, title, shelf_id; then the joined shelf's id, name. */
    private static final RenderedSelect VOLUMES_WITH_SHELF =
            render(Select.from(Volume.class).options(Load.joined("shelf")));

    private final UnitOfWork unitOfWork = new UnitOfWork(Library.METAMODEL);
    private final RowLoader loader = new RowLoader(unitOfWork);

    @Test
    void queriesWithoutFollowUpsOrJoinedCollectionsStreamAndTheOthersAreReadWhole() {
        assertThat(RowLoader.streams(render(Select.from(Volume.class)))).isTrue();
        assertThat(RowLoader.streams(VOLUMES_WITH_SHELF)).isTrue();
        assertThat(RowLoader.streams(render(Select.from(Shelf.class).join("volumes")))).isTrue();
        assertThat(RowLoader.streams(render(Select.from(Shelf.class).options(Load.joined("volumes"))))).isFalse();
        assertThat(RowLoader.streams(render(Select.from(Shelf.class).options(Load.selectIn("volumes"))))).isFalse();
    }

    @Test
    void aJoinedToOneSetsTheOneObjectOfItsRowAndMarksItLoaded() {
        Volume first = (Volume) loader.root(row(10L, "v1", 1L, 1L, "s1"), VOLUMES_WITH_SHELF, false);
        Volume second = (Volume) loader.root(row(11L, "v2", 1L, 1L, "s1"), VOLUMES_WITH_SHELF, false);

        assertThat(first.shelf).isNotNull().isSameAs(second.shelf).isSameAs(unitOfWork.find(Library.SHELF, 1L));
        assertThat(first.shelf.name).isEqualTo("s1");
        assertThat(unitOfWork.state(first).isLoaded(SHELF_OF_VOLUME)).isTrue();
        assertThat(unitOfWork.state(second).isLoaded(SHELF_OF_VOLUME)).isTrue();
    }

    @Test
    void aJoinedToOneThatFoundNoRowIsLoadedAsNull() {
        Volume orphan = (Volume) loader.root(row(12L, "v3", null, null, null), VOLUMES_WITH_SHELF, false);

        assertThat(orphan.shelf).isNull();
        assertThat(unitOfWork.state(orphan).isLoaded(SHELF_OF_VOLUME)).isTrue();
        assertThat(unitOfWork.size()).isEqualTo(1);
    }

    @Test
    void aJoinedToOneKeepsAnUnflushedReassignmentOfALoadedObject() {
        Shelf elsewhere = persistent(unitOfWork, Shelf.class, 2L, "s2");
        persistent(unitOfWork, Shelf.class, 1L, "s1");
        Volume volume = persistent(unitOfWork, Volume.class, 10L, "v1", 1L);
        volume.shelf = elsewhere;

        Object loaded = loader.root(row(10L, "v1", 1L, 1L, "s1"), VOLUMES_WITH_SHELF, false);

        assertThat(loaded).isSameAs(volume);
        assertThat(volume.shelf).isSameAs(elsewhere);
    }

    @Test
    void aStreamedFilterJoinThroughACollectionPassesEachRootOnceOnItsFirstRow() {
        RenderedSelect query = render(Select.from(Shelf.class).join("volumes"));
        DistinctRoots distinct = new DistinctRoots();

        List<Object> passed = Stream.of(row(2L, "s2"), row(1L, "s1"), row(2L, "s2"))
                .map(row -> loader.root(row, query, false))
                .filter(distinct)
                .toList();

        assertThat(query.repeatsRoots()).isTrue();
        assertThat(passed).extracting(shelf -> ((Shelf) shelf).id).containsExactly(2L, 1L);
    }

    @Test
    void populateExistingOverwritesALoadedObjectAndAPlainLoadKeepsItsChange() {
        RenderedSelect shelves = render(Select.from(Shelf.class));
        Shelf shelf = (Shelf) loader.root(row(1L, "loaded"), shelves, false);
        shelf.name = "changed";

        loader.root(row(1L, "in the row"), shelves, false);
        assertThat(shelf.name).isEqualTo("changed");

        assertThat(loader.root(row(1L, "in the row"), shelves, true)).isSameAs(shelf);
        assertThat(shelf.name).isEqualTo("in the row");
    }

    @Test
    void statesOfObjectsAreTheirTrackedStatesInOrder() {
        Shelf first = persistent(unitOfWork, Shelf.class, 1L, "s1");
        Shelf second = persistent(unitOfWork, Shelf.class, 2L, "s2");

        assertThat(loader.statesOf(List.of(second, first)))
                .containsExactly(unitOfWork.state(second), unitOfWork.state(first));
    }
}
