package io.valence.orm.internal.load;

import static io.valence.orm.internal.load.Library.TAGS;
import static io.valence.orm.internal.load.Library.VOLUMES;
import static io.valence.orm.internal.load.Library.render;
import static io.valence.orm.internal.load.Library.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole results: joined collections filled and finished, repeated roots returned once, where select-ins start. */
class LoadedResultTest {
    /** Columns: shelf id, name; volume id, title, shelf_id; tag id, label, shelf_id. */
    private static final RenderedSelect SHELVES_WITH_VOLUMES_AND_TAGS =
            render(Select.from(Shelf.class).options(Load.joined("volumes"), Load.joined("tags")));

    private final UnitOfWork unitOfWork = new UnitOfWork(Library.METAMODEL);
    private final RowLoader loader = new RowLoader(unitOfWork);

    private static List<Object> entities(List<EntityState> states) {
        return states.stream().map(EntityState::entity).toList();
    }

    private LoadedResult read(RenderedSelect query, Object[]... rows) {
        LoadedResult result = loader.result(query, false, null);
        for (Object[] values : rows) {
            result.read(row(values));
        }
        return result;
    }

    @Test
    void joinedCollectionRowsWireEachChildOnceAndSnapshotTheCollection() {
        // two collections joined: every volume meets every tag, so each member arrives twice
        List<Object> roots = entities(read(SHELVES_WITH_VOLUMES_AND_TAGS,
                        new Object[] {1L, "s1", 10L, "v1", 1L, 20L, "t1", 1L},
                        new Object[] {1L, "s1", 10L, "v1", 1L, 21L, "t2", 1L},
                        new Object[] {1L, "s1", 11L, "v2", 1L, 20L, "t1", 1L},
                        new Object[] {1L, "s1", 11L, "v2", 1L, 21L, "t2", 1L})
                .finish());

        Shelf shelf = (Shelf) roots.get(0);
        assertThat(roots).containsExactly(shelf);
        assertThat(shelf.volumes).isInstanceOf(ArrayList.class).extracting(volume -> volume.title).containsExactly("v1", "v2");
        assertThat(shelf.tags).isInstanceOf(LinkedHashSet.class).extracting(tag -> tag.label).containsExactly("t1", "t2");
        EntityState state = unitOfWork.state(shelf);
        assertThat(state.isLoaded(VOLUMES)).isTrue();
        assertThat(state.collectionSnapshot(VOLUMES)).containsExactlyElementsOf(shelf.volumes);
        assertThat(state.collectionSnapshot(TAGS)).containsExactlyElementsOf(shelf.tags);
        assertThat(loader.isFilling()).isFalse();
    }

    @Test
    void rowsOfOneOwnerNeedNotBeAdjacent() {
        List<Object> roots = entities(read(SHELVES_WITH_VOLUMES_AND_TAGS,
                        new Object[] {1L, "s1", 10L, "v1", 1L, null, null, null},
                        new Object[] {2L, "s2", 12L, "v3", 2L, null, null, null},
                        new Object[] {1L, "s1", 11L, "v2", 1L, null, null, null})
                .finish());

        assertThat(roots).hasSize(2);
        assertThat(((Shelf) roots.get(0)).volumes).extracting(volume -> volume.title).containsExactly("v1", "v2");
        assertThat(((Shelf) roots.get(1)).volumes).extracting(volume -> volume.title).containsExactly("v3");
    }

    @Test
    void anOwnerWhoseJoinFoundNoRowGetsAnEmptyLoadedCollection() {
        Shelf shelf = (Shelf) read(SHELVES_WITH_VOLUMES_AND_TAGS, new Object[] {2L, "empty", null, null, null, null, null, null})
                .finish().get(0).entity();

        assertThat(shelf.volumes).isEmpty();
        assertThat(shelf.tags).isEmpty();
        assertThat(unitOfWork.state(shelf).isLoaded(VOLUMES)).isTrue();
        assertThat(unitOfWork.state(shelf).collectionSnapshot(VOLUMES)).isEmpty();
        assertThat(unitOfWork.size()).isEqualTo(1);
    }

    @Test
    void anAlreadyLoadedCollectionIsNotReplacedOrExtendedByAJoinedLoad() {
        Shelf shelf = (Shelf) read(SHELVES_WITH_VOLUMES_AND_TAGS, new Object[] {1L, "s1", 10L, "v1", 1L, null, null, null})
                .finish().get(0).entity();
        List<Volume> loaded = shelf.volumes;

        read(SHELVES_WITH_VOLUMES_AND_TAGS,
                        new Object[] {1L, "s1", 10L, "v1", 1L, null, null, null},
                        new Object[] {1L, "s1", 11L, "v2", 1L, null, null, null})
                .finish();

        assertThat(shelf.volumes).isSameAs(loaded).extracting(volume -> volume.title).containsExactly("v1");
        assertThat(unitOfWork.find(Library.VOLUME, 11L)).isNotNull();
        assertThat(loader.isFilling()).isFalse();
    }

    @Test
    void aFilterJoinThroughACollectionReturnsEachRootOnceInRowOrder() {
        RenderedSelect query = render(Select.from(Shelf.class).join("volumes").options(Load.selectIn("tags")));

        List<EntityState> roots = read(query, new Object[] {2L, "s2"}, new Object[] {1L, "s1"}, new Object[] {2L, "s2"})
                .finish();

        assertThat(roots).extracting(state -> state.id()).containsExactly(2L, 1L);
    }

    @Test
    void aSelectInAfterAJoinStartsFromEveryDistinctObjectOfItsEntity() {
        // columns: volume id, title, shelf_id; shelf id, name
        RenderedSelect query = render(Select.from(Volume.class).options(Load.joined("shelf").selectIn("tags")));
        LoadedResult result = read(query,
                new Object[] {10L, "v1", 1L, 1L, "s1"},
                new Object[] {11L, "v2", 1L, 1L, "s1"},
                new Object[] {12L, "v3", 2L, 2L, "s2"},
                new Object[] {13L, "v4", null, null, null});

        assertThat(result.finish()).hasSize(4);
        assertThat(result.ownersOf(query.selectIns().get(0)))
                .extracting(state -> state.id())
                .containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void aSelectInFromTheRootsOfOneEntityStartsFromThemInRowOrder() {
        RenderedSelect query = render(Select.from(Shelf.class).options(Load.selectIn("volumes")));
        LoadedResult result = read(query, new Object[] {2L, "s2"}, new Object[] {1L, "s1"});

        assertThat(result.ownersOf(query.selectIns().get(0))).isEqualTo(result.finish())
                .extracting(state -> state.id())
                .containsExactly(2L, 1L);
    }
}
