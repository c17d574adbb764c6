package io.valence.orm.internal.load;

import static io.valence.orm.internal.load.Library.SHELF_OF_VOLUME;
import static io.valence.orm.internal.load.Library.TAGS;
import static io.valence.orm.internal.load.Library.VOLUMES;
import static io.valence.orm.internal.load.Library.persistent;
import static io.valence.orm.internal.load.Library.render;
import static io.valence.orm.internal.load.Library.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.query.SelectIn;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.query.Load;
import io.valence.orm.query.Select;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A select-in as data: the keys its statements ask for, and what each owner holds once the target rows are grouped. */
class SelectInWiringTest {
    private static final SelectIn SHELF_VOLUMES = selectIn(Select.from(Shelf.class).options(Load.selectIn("volumes")));
    private static final SelectIn SHELF_TAGS = selectIn(Select.from(Shelf.class).options(Load.selectIn("tags")));
    private static final SelectIn VOLUME_SHELF = selectIn(Select.from(Volume.class).options(Load.selectIn("shelf")));

    private final UnitOfWork unitOfWork = new UnitOfWork(Library.METAMODEL);
    private final RowLoader loader = new RowLoader(unitOfWork);

    private static SelectIn selectIn(Select<?> select) {
        return render(select).selectIns().get(0);
    }

    /** Runs a select-in on rows of its target: the statements it would send, then the wiring. */
    private List<List<Object>> load(SelectIn selectIn, List<Object> owners, Object[]... targetRows) {
        SelectInWiring wiring = new SelectInWiring(selectIn, loader.statesOf(owners));
        List<List<Object>> keys = wiring.statements().stream().map(SelectInWiringTest::keys).toList();
        LoadedResult targets = loader.result(selectIn.query(), false, wiring);
        for (Object[] values : targetRows) {
            targets.read(row(values));
        }
        targets.finish();
        wiring.wire();
        return keys;
    }

    private static List<Object> keys(SqlStatement statement) {
        return Arrays.asList((Object[]) statement.binds().get(0).value());
    }

    @Test
    void selectInGroupsTargetsByKeyAndSetsEachOwnersListAndSnapshotsIt() {
        Shelf first = persistent(unitOfWork, Shelf.class, 1L, "s1");
        Shelf second = persistent(unitOfWork, Shelf.class, 2L, "s2");

        List<List<Object>> keys = load(SHELF_VOLUMES, List.of(first, second),
                new Object[] {10L, "v1", 1L},
                new Object[] {11L, "v2", 1L},
                new Object[] {12L, "v3", 2L},
                new Object[] {13L, "v4", 1L});

        assertThat(keys).containsExactly(List.of(1L, 2L));
        assertThat(first.volumes).isInstanceOf(ArrayList.class).extracting(volume -> volume.title).containsExactly("v1", "v2", "v4");
        assertThat(second.volumes).extracting(volume -> volume.title).containsExactly("v3");
        EntityState state = unitOfWork.state(first);
        assertThat(state.isLoaded(VOLUMES)).isTrue();
        assertThat(state.collectionSnapshot(VOLUMES)).containsExactlyElementsOf(first.volumes);
    }

    @Test
    void selectInSetsAnEmptyCollectionOnOwnersWithoutRows() {
        Shelf empty = persistent(unitOfWork, Shelf.class, 3L, "empty");

        load(SHELF_VOLUMES, List.of(empty));

        assertThat(empty.volumes).isEmpty();
        assertThat(unitOfWork.state(empty).isLoaded(VOLUMES)).isTrue();
        assertThat(unitOfWork.state(empty).collectionSnapshot(VOLUMES)).isEmpty();
    }

    @Test
    void aSetFieldGetsAnInsertionOrderedSetOfItsTargets() {
        Shelf shelf = persistent(unitOfWork, Shelf.class, 1L, "s1");

        load(SHELF_TAGS, List.of(shelf), new Object[] {21L, "b", 1L}, new Object[] {20L, "a", 1L});

        assertThat(shelf.tags).isInstanceOf(LinkedHashSet.class).extracting(tag -> tag.label).containsExactly("b", "a");
        assertThat(unitOfWork.state(shelf).collectionSnapshot(TAGS)).containsExactlyElementsOf(shelf.tags);
    }

    @Test
    void aCollectionLoadedBeforeTheWiringIsNotReplaced() {
        Shelf shelf = persistent(unitOfWork, Shelf.class, 1L, "s1");
        SelectInWiring wiring = new SelectInWiring(SHELF_VOLUMES, List.of(unitOfWork.state(shelf)));
        List<Object> meanwhile = new ArrayList<>();
        Library.loaded(unitOfWork, shelf, VOLUMES, meanwhile);

        wiring.group(unitOfWork.loadState(Library.VOLUME, new Object[] {10L, "v1", 1L}, false), null);
        wiring.wire();

        assertThat(shelf.volumes).isSameAs(meanwhile).isEmpty();
    }

    @Test
    void aToOneSelectInMatchesOwnersByForeignKeyAndSetsTheirTarget() {
        Volume first = persistent(unitOfWork, Volume.class, 10L, "v1", 1L);
        Volume second = persistent(unitOfWork, Volume.class, 11L, "v2", 1L);
        Volume gone = persistent(unitOfWork, Volume.class, 12L, "v3", 2L);
        Volume orphan = persistent(unitOfWork, Volume.class, 13L, "v4", null);

        List<List<Object>> keys = load(VOLUME_SHELF, List.of(first, second, gone, orphan), new Object[] {1L, "s1"});

        assertThat(keys).containsExactly(List.of(1L, 2L));
        assertThat(first.shelf).isNotNull().isSameAs(second.shelf);
        assertThat(first.shelf.name).isEqualTo("s1");
        assertThat(gone.shelf).isNull();
        assertThat(orphan.shelf).isNull();
        assertThat(unitOfWork.state(gone).isLoaded(SHELF_OF_VOLUME)).isTrue();
    }

    @Test
    void noOwnerWithAKeyRunsNoStatementAndStillWiresEveryOwner() {
        Volume orphan = persistent(unitOfWork, Volume.class, 13L, "v4", null);

        assertThat(load(VOLUME_SHELF, List.of(orphan))).isEmpty();
        assertThat(unitOfWork.state(orphan).isLoaded(SHELF_OF_VOLUME)).isTrue();
    }

    @Test
    void keysAreChunkedInOrderIntoStatementsOfAtMostTheChunkSize() {
        assertThat(SelectInWiring.chunks(List.of(1L, 2L, 3L, 4L, 5L), 2))
                .containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
        assertThat(SelectInWiring.chunks(List.of(1L, 2L), 2)).containsExactly(List.of(1L, 2L));
        assertThat(SelectInWiring.chunks(List.of(), 2)).isEmpty();
    }

    @Test
    void aLargeSetOfOwnersIsAskedForInChunksOfTenThousandKeys() {
        List<Object> shelves = new ArrayList<>();
        for (long id = 1; id <= SelectInWiring.KEY_CHUNK + 1; id++) {
            shelves.add(persistent(unitOfWork, Shelf.class, id, "s" + id));
        }

        List<List<Object>> keys = load(SHELF_VOLUMES, shelves);

        assertThat(keys).extracting(List::size).containsExactly(SelectInWiring.KEY_CHUNK, 1);
        assertThat(keys.get(1)).containsExactly((long) SelectInWiring.KEY_CHUNK + 1);
    }
}
