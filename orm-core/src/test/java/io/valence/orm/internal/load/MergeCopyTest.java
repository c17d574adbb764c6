package io.valence.orm.internal.load;

import static io.valence.orm.internal.load.Library.SHELF_OF_VOLUME;
import static io.valence.orm.internal.load.Library.TAG;
import static io.valence.orm.internal.load.Library.VOLUME;
import static io.valence.orm.internal.load.Library.persistent;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** Merge's copy of a detached object: onto the session's object for its row, or as a new object. */
class MergeCopyTest {
    private final UnitOfWork unitOfWork = new UnitOfWork(Library.METAMODEL);
    private final Shelf shelf = persistent(unitOfWork, Shelf.class, 1L, "s1");

    @Test
    void copyStateCopiesColumnsOntoTheSessionsObjectAndKeepsItsId() {
        Volume persistent = persistent(unitOfWork, Volume.class, 10L, "old", null);

        MergeCopy.copyState(unitOfWork, VOLUME, new Volume(99L, "new", null), persistent);

        assertThat(persistent.id).isEqualTo(10L);
        assertThat(persistent.title).isEqualTo("new");
    }

    @Test
    void aForeignKeyIsResolvedToTheSessionsObjectForTheSameRowAndMarkedLoaded() {
        Volume persistent = persistent(unitOfWork, Volume.class, 10L, "v", 2L);
        Volume detached = new Volume(10L, "v", new Shelf(1L, "a detached copy of s1"));

        MergeCopy.copyState(unitOfWork, VOLUME, detached, persistent);

        assertThat(persistent.shelf).isSameAs(shelf);
        assertThat(unitOfWork.state(persistent).isLoaded(SHELF_OF_VOLUME)).isTrue();
    }

    @Test
    void aReferenceToARowTheSessionDoesNotHoldIsCopiedAsItIs() {
        Volume persistent = persistent(unitOfWork, Volume.class, 10L, "v", null);
        Shelf elsewhere = new Shelf(9L, "not in the session");

        MergeCopy.copyState(unitOfWork, VOLUME, new Volume(10L, "v", elsewhere), persistent);

        assertThat(persistent.shelf).isSameAs(elsewhere);
    }

    @Test
    void aNewCopyOfAGeneratedIdLeavesTheIdToItsInsert() {
        Volume detached = new Volume(10L, "gone", new Shelf(1L, "detached"));

        Volume copy = (Volume) MergeCopy.copyAsNew(unitOfWork, VOLUME, detached);

        assertThat(copy).isNotSameAs(detached);
        assertThat(copy.id).isNull();
        assertThat(copy.title).isEqualTo("gone");
        assertThat(copy.shelf).isSameAs(shelf);
        assertThat(unitOfWork.state(copy).status()).isEqualTo(Status.PENDING);
        assertThat(unitOfWork.contains(detached)).isFalse();
    }

    @Test
    void aNewCopyOfAnAssignedIdKeepsItSoTheRowComesBackUnderIt() {
        Tag copy = (Tag) MergeCopy.copyAsNew(unitOfWork, TAG, new Tag(7L, "t", null));

        assertThat(copy.id).isEqualTo(7L);
        assertThat(copy.label).isEqualTo("t");
        assertThat(unitOfWork.state(copy).status()).isEqualTo(Status.PENDING);
    }
}
