package io.valence.orm.internal.flush;

import static io.valence.orm.internal.flush.FlushPlannerTest.rows;
import static io.valence.orm.internal.flush.FlushPlannerTest.shape;
import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.FlushSqlRenderer;
import io.valence.orm.internal.state.Status;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.internal.unitofwork.fixtures.Locker;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The row switch as data: a deleted object and a new one with its key become one UPDATE of the
 * columns that differ, the new object holding the row, and a rollback undoes the switch.
 */
class RowSwitchPlanTest {
    private static final EntityMapping LOCKER = Model.METAMODEL.entity(Locker.class);

    @Entity
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    abstract static class Parcel {
        @Id
        Long id;

        String label;
    }

    @Entity
    static class Letter extends Parcel {
        Integer stamps;
    }

    @Entity
    static class Crate extends Parcel {
        Integer weight;

        Crate() {}

        Crate(Long id, String label, Integer weight) {
            this.id = id;
            this.label = label;
            this.weight = weight;
        }
    }

    private static final Metamodel PARCELS = Metamodel.of(List.of(Parcel.class, Letter.class, Crate.class));

    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);
    private final FlushPlanner planner = new FlushPlanner(Model.METAMODEL);

    private FlushPlan plan() {
        return planner.plan(new ChangeCollector(unitOfWork).collect());
    }

    @Test
    void aNewObjectMayTakeTheKeyOfADeletedOneWithoutAFlush() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "old", 3, 4L);
        unitOfWork.delete(old);
        Locker replacement = new Locker(1L, "new", 3);

        unitOfWork.add(replacement);

        assertThat(unitOfWork.state(replacement).status()).isEqualTo(Status.PENDING);
        assertThat(unitOfWork.state(old).status()).isEqualTo(Status.DELETED);
    }

    @Test
    void theDeleteAndTheInsertOfOneKeyBecomeOneUpdateOfTheChangedColumns() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "old", 3, 4L);
        unitOfWork.delete(old);
        Locker replacement = new Locker(1L, "new", 3);
        unitOfWork.add(replacement);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("UPDATE locker [label]");
        assertThat(rows(plan.steps().get(0))).containsExactly(replacement);
        assertThat(replacement.version).as("the row's version, checked by the UPDATE").isEqualTo(4L);
        assertThat(unitOfWork.state(replacement).status()).isEqualTo(Status.PERSISTENT);
        assertThat(unitOfWork.contains(old)).isFalse();
        assertThat(unitOfWork.find(LOCKER, 1L)).isSameAs(replacement);
    }

    @Test
    void aReplacementEqualToTheDeletedRowPlansNothing() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "same", 3, 0L);
        unitOfWork.delete(old);
        Locker replacement = new Locker(1L, "same", 3);
        unitOfWork.add(replacement);

        assertThat(plan().steps()).isEmpty();
        assertThat(unitOfWork.find(LOCKER, 1L)).isSameAs(replacement);
    }

    @Test
    void theReplacementOfAnExpiredObjectWritesEveryColumn() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "same", 3, 0L);
        unitOfWork.expire(old);
        unitOfWork.delete(old);
        unitOfWork.add(new Locker(1L, "same", 3));

        assertThat(shape(plan())).containsExactly("UPDATE locker [label, size]");
    }

    @Test
    void otherKeysStayADeleteAndAnInsert() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "old", 3, 0L);
        unitOfWork.delete(old);
        unitOfWork.add(new Locker(2L, "other", 3));

        assertThat(shape(plan())).containsExactly("DELETE locker", "INSERT locker");
    }

    @Test
    void aRollbackAfterTheSwitchBringsTheDeletedObjectBack() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "old", 3, 0L);
        unitOfWork.delete(old);
        Locker replacement = new Locker(1L, "new", 3);
        unitOfWork.add(replacement);
        plan();

        unitOfWork.rolledBack();

        assertThat(unitOfWork.contains(replacement)).isFalse();
        assertThat(unitOfWork.state(old).status()).isEqualTo(Status.PERSISTENT);
        assertThat(unitOfWork.find(LOCKER, 1L)).isSameAs(old);
    }

    @Test
    void undoingTheDeleteAfterTheKeyWasTakenIsRejected() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "old", 3, 0L);
        unitOfWork.delete(old);
        unitOfWork.add(new Locker(1L, "new", 3));

        assertThatThrownBy(() -> unitOfWork.add(old))
                .isInstanceOf(OrmException.class)
                .hasMessage("Another Locker#1 is already in this session; a session holds one object per row. Change"
                        + " the object it holds, or use session.merge(…) to copy a detached object's state onto it");
    }

    @Test
    void undoingTheDeleteAfterTheReplacementWasDeletedTakesTheSlotBack() {
        Locker old = persistent(unitOfWork, Locker.class, 1L, "old", 3, 0L);
        unitOfWork.delete(old);
        Locker replacement = new Locker(1L, "new", 3);
        unitOfWork.add(replacement);
        unitOfWork.delete(replacement);

        unitOfWork.add(old);

        assertThat(unitOfWork.find(LOCKER, 1L)).isSameAs(old);
        assertThat(plan().steps()).isEmpty();
    }

    @Test
    void aSecondObjectForAPersistentKeyIsStillRejected() {
        persistent(unitOfWork, Locker.class, 1L, "old", 3, 0L);

        assertThatThrownBy(() -> unitOfWork.add(new Locker(1L, "new", 3)))
                .isInstanceOf(OrmException.class)
                .hasMessageStartingWith("Another Locker#1 is already in this session");
    }

    @Test
    void aSwitchToAnotherSubclassWritesTheNewClassAndClearsTheColumnsOnlyTheOldClassHas() {
        UnitOfWork parcels = new UnitOfWork(PARCELS);
        EntityMapping letter = PARCELS.entity(Letter.class);
        Object old = parcels.load(letter, new Object[] {1L, "Letter", "same", 3}, false);
        parcels.delete(old);
        Crate crate = new Crate(1L, "same", 40);
        parcels.add(crate);

        FlushPlan plan = new FlushPlanner(PARCELS).plan(new ChangeCollector(parcels).collect());

        assertThat(letter.columns()).extracting(column -> column.column()).containsExactly("id", "dtype", "label", "stamps");
        assertThat(shape(plan)).containsExactly("UPDATE parcel [dtype, weight] clearing [stamps]");
        assertThat(rows(plan.steps().get(0))).containsExactly(crate);
        FlushStep.UpdateRows update = (FlushStep.UpdateRows) plan.steps().get(0);
        assertThat(FlushSqlRenderer.update(update.mapping(), update.columns(), update.cleared()))
                .isEqualTo("UPDATE \"parcel\" AS x SET \"dtype\" = v.c1, \"weight\" = v.c2, \"stamps\" = NULL"
                        + " FROM unnest($1::bigint[], $2::varchar[], $3::integer[]) AS v(k, c1, c2) WHERE x.\"id\" = v.k");
    }

    @Test
    void aSwitchWithinOneSubclassClearsNothing() {
        UnitOfWork parcels = new UnitOfWork(PARCELS);
        Object old = parcels.load(PARCELS.entity(Crate.class), new Object[] {1L, "Crate", "old", 40}, false);
        parcels.delete(old);
        parcels.add(new Crate(1L, "new", 40));

        FlushPlan plan = new FlushPlanner(PARCELS).plan(new ChangeCollector(parcels).collect());

        assertThat(shape(plan)).containsExactly("UPDATE parcel [label]");
    }

    @Test
    void aNewObjectOfAnotherSubclassMayNotTakeTheKeyOfALiveObjectOfTheHierarchy() {
        UnitOfWork parcels = new UnitOfWork(PARCELS);
        parcels.load(PARCELS.entity(Letter.class), new Object[] {1L, "Letter", "live", 3}, false);

        assertThatThrownBy(() -> parcels.add(new Crate(1L, "new", 40)))
                .isInstanceOf(OrmException.class)
                .hasMessageStartingWith("Another Letter#1 is already in this session");
    }

    @Test
    void aDeletedObjectWhoseKeyAnotherSubclassTookCannotBeAddedBack() {
        UnitOfWork parcels = new UnitOfWork(PARCELS);
        Object old = parcels.load(PARCELS.entity(Letter.class), new Object[] {1L, "Letter", "old", 3}, false);
        parcels.delete(old);
        parcels.add(new Crate(1L, "new", 40));

        assertThatThrownBy(() -> parcels.add(old))
                .isInstanceOf(OrmException.class)
                .hasMessageStartingWith("Another Crate#1 is already in this session");
    }
}
