package io.valence.orm.internal.load;

import static io.valence.orm.internal.load.Library.VOLUME;
import static io.valence.orm.internal.load.Library.VOLUMES;
import static io.valence.orm.internal.load.Library.loaded;
import static io.valence.orm.internal.load.Library.persistent;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.state.UnloadedCollection;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loaded inverse sides after a statement changed rows behind the session's back: who holds whom afterwards. */
class InverseSidesTest {
    private final UnitOfWork unitOfWork = new UnitOfWork(Library.METAMODEL);
    private final InverseSides inverseSides = new InverseSides(unitOfWork);
    private final Shelf first = persistent(unitOfWork, Shelf.class, 1L, "s1");
    private final Shelf second = persistent(unitOfWork, Shelf.class, 2L, "s2");
    private final Volume kept = persistent(unitOfWork, Volume.class, 10L, "kept", 1L);
    private final Volume changed = persistent(unitOfWork, Volume.class, 11L, "changed", 1L);

    private void firstHoldsItsVolumes() {
        loaded(unitOfWork, first, VOLUMES, new ArrayList<>(List.of(kept, changed)));
    }

    @Test
    void aDeletedRowLeavesItsParentsLoadedCollectionAndItsSnapshot() {
        firstHoldsItsVolumes();
        Object[] before = InverseSides.referencedBy(VOLUME, changed);

        inverseSides.follow(VOLUME, changed, before, true);

        assertThat(first.volumes).containsExactly(kept);
        assertThat(unitOfWork.state(first).collectionSnapshot(VOLUMES)).containsExactly(kept);
    }

    @Test
    void anUpdatedRowMovesBetweenTheLoadedCollectionsOfItsOldAndNewParent() {
        firstHoldsItsVolumes();
        loaded(unitOfWork, second, VOLUMES, new ArrayList<>());
        Object[] before = InverseSides.referencedBy(VOLUME, changed);
        unitOfWork.load(VOLUME, new Object[] {11L, "changed", 2L}, true); // the statement's returned row

        inverseSides.follow(VOLUME, changed, before, false);

        assertThat(changed.shelf).isSameAs(second);
        assertThat(first.volumes).containsExactly(kept);
        assertThat(second.volumes).containsExactly(changed);
        assertThat(unitOfWork.state(second).collectionSnapshot(VOLUMES)).containsExactly(changed);
    }

    @Test
    void anInsertedRowJoinsItsParentsLoadedCollectionOnce() {
        firstHoldsItsVolumes();
        Volume inserted = persistent(unitOfWork, Volume.class, 12L, "new", 1L);

        inverseSides.follow(VOLUME, inserted, InverseSides.referencedBy(VOLUME, null), false);
        inverseSides.follow(VOLUME, inserted, InverseSides.referencedBy(VOLUME, null), false);

        assertThat(first.volumes).containsExactly(kept, changed, inserted);
    }

    @Test
    void aCollectionThatWasNotLoadedIsLeftUnloaded() {
        Object[] before = InverseSides.referencedBy(VOLUME, changed);
        unitOfWork.load(VOLUME, new Object[] {11L, "changed", 2L}, true);

        inverseSides.follow(VOLUME, changed, before, false);

        assertThat(first.volumes).isInstanceOf(UnloadedCollection.class);
        assertThat(second.volumes).isInstanceOf(UnloadedCollection.class);
        assertThat(unitOfWork.state(second).isLoaded(VOLUMES)).isFalse();
    }

    @Test
    void aRowIsHeldByALoadedSideOnlyWhenItsParentIsInTheSessionWithTheCollectionLoaded() {
        firstHoldsItsVolumes();

        assertThat(inverseSides.isHeldByLoadedSide(VOLUME, new Object[] {20L, "to s1", 1L})).isTrue();
        assertThat(inverseSides.isHeldByLoadedSide(VOLUME, new Object[] {21L, "to s2", 2L})).isFalse();
        assertThat(inverseSides.isHeldByLoadedSide(VOLUME, new Object[] {22L, "elsewhere", 9L})).isFalse();
        assertThat(inverseSides.isHeldByLoadedSide(VOLUME, new Object[] {23L, "nowhere", null})).isFalse();
    }

    @Test
    void referencedByReadsTheOwningToOnesAndNothingForAnObjectNotInTheSession() {
        assertThat(InverseSides.referencedBy(VOLUME, changed)).containsExactly(first);
        assertThat(InverseSides.referencedBy(VOLUME, null)).containsExactly((Object) null);
    }
}
