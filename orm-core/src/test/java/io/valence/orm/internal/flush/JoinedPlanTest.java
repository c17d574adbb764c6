package io.valence.orm.internal.flush;

import static io.valence.orm.internal.flush.FlushPlannerTest.rows;
import static io.valence.orm.internal.flush.FlushPlannerTest.shape;
import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.joined.JoinedModel;
import io.valence.orm.internal.joined.JoinedModel.BankPayment;
import io.valence.orm.internal.joined.JoinedModel.Building;
import io.valence.orm.internal.joined.JoinedModel.CardPayment;
import io.valence.orm.internal.joined.JoinedModel.Truck;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.FlushSqlRenderer;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flush of a JOINED hierarchy as data: an object is written to each table of its class, the
 * root's first on insert and last on delete, an update touches the tables whose columns changed, and
 * only a class's last step completes its rows.
 */
class JoinedPlanTest {
    private static final Metamodel MODEL = JoinedModel.METAMODEL;

    private final UnitOfWork unitOfWork = new UnitOfWork(MODEL);
    private final FlushPlanner planner = new FlushPlanner(MODEL);

    private FlushPlan plan() {
        return planner.plan(new ChangeCollector(unitOfWork).collect());
    }

    private static List<Boolean> completing(FlushPlan plan) {
        return plan.steps().stream().map(FlushStep::completes).toList();
    }

    private <T> T loaded(Class<T> type, Object... row) {
        return type.cast(unitOfWork.load(MODEL.entity(type), row, false));
    }

    @Test
    void anInsertWritesTheRootsTableThenTheSubclassTableOfEachClassAndOnlyTheLastCompletesTheRows() {
        CardPayment first = new CardPayment("1.00", "4111");
        BankPayment bank = new BankPayment("2.00", "DE89");
        CardPayment second = new CardPayment("3.00", "5500");
        unitOfWork.add(first);
        unitOfWork.add(bank);
        unitOfWork.add(second);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("INSERT payment", "INSERT bank_transfer", "INSERT payment",
                "INSERT card_payment");
        assertThat(completing(plan)).containsExactly(false, true, false, true);
        assertThat(rows(plan.steps().get(2))).containsExactly(first, second);
        assertThat(rows(plan.steps().get(3))).containsExactly(first, second);
        EntityMapping transfer = plan.steps().get(1).mapping();
        assertThat(FlushSqlRenderer.insertAssigned(transfer, transfer.columns())).isEqualTo("INSERT INTO"
                + " \"bank_transfer\" (\"payment_id\", \"iban\", \"payee_id\") SELECT c1, c2, c3 FROM"
                + " unnest($1::bigint[], $2::text[], $3::bigint[]) AS t(c1, c2, c3)");
        assertThat(plan.steps().get(0).mapping().idGeneration().isGenerated()).as("the root's draws the ids").isTrue();
    }

    @Test
    void aChangeOfASubclassColumnUpdatesOnlyItsTableAndOfARootColumnOnlyTheRootsTable() {
        CardPayment card = loaded(CardPayment.class, 1L, new BigDecimal("1.00"), null, "4111");
        BankPayment bank = loaded(BankPayment.class, 2L, new BigDecimal("2.00"), null, "DE89", null);
        card.cardNumber = "5500";
        bank.amount = new BigDecimal("2.50");

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactlyInAnyOrder("UPDATE card_payment [card_number]", "UPDATE payment [amount]");
        assertThat(completing(plan)).containsExactly(true, true);
    }

    @Test
    void aChangeOfColumnsInTwoTablesUpdatesEachTableOnceTheRootsChecksTheVersion() {
        Truck truck = loaded(Truck.class, 1L, "t", 3L, 6, 10);
        truck.payload = 12;
        truck.name = "renamed";

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("UPDATE asset [name]", "UPDATE truck [payload]");
        assertThat(completing(plan)).containsExactly(false, true);
    }

    @Test
    void aChangeOfASubclassColumnOfAVersionedClassIncrementsTheVersionInTheRootsTable() {
        Building building = loaded(Building.class, 2L, "b", 0L, 4);
        building.floors = 5;

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("UPDATE asset []", "UPDATE building [floors]");
        assertThat(FlushSqlRenderer.update(plan.steps().get(0).mapping(), List.of(), List.of())).isEqualTo(
                "WITH u AS (UPDATE \"asset\" AS x SET \"version\" = x.\"version\" + 1 FROM unnest($1::bigint[],"
                        + " $2::bigint[]) AS v(k, ver) WHERE x.\"id\" = v.k AND x.\"version\" = v.ver RETURNING x.\"id\""
                        + " AS k) SELECT CASE WHEN count(*) = cardinality($1::bigint[]) THEN NULL ELSE"
                        + " coalesce(array_agg(u.k), '{}') END FROM u");
    }

    @Test
    void aDeleteRemovesTheSubclassRowsBeforeTheRootRowsTwoLevelsDownToo() {
        Truck truck = loaded(Truck.class, 1L, "t", 3L, 6, 10);
        CardPayment card = loaded(CardPayment.class, 5L, new BigDecimal("1.00"), null, "4111");
        unitOfWork.delete(truck);
        unitOfWork.delete(card);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsSubsequence("DELETE truck", "DELETE vehicle", "DELETE asset");
        assertThat(shape(plan)).containsSubsequence("DELETE card_payment", "DELETE payment");
        assertThat(plan.steps()).filteredOn(FlushStep::completes).extracting(step -> step.mapping().table())
                .containsExactlyInAnyOrder("asset", "payment");
        assertThat(rows(plan.steps().get(0))).hasSize(1);
    }

    @Test
    void aNewObjectOfAnotherClassWithADeletedObjectsKeyDeletesTheOldRowsAndInsertsTheNewOnes() {
        Building building = loaded(Building.class, 1L, "b", 2L, 4);
        unitOfWork.delete(building);
        Truck truck = new Truck(1L, "t", 6, 10);
        unitOfWork.add(truck);

        FlushPlan plan = plan();

        assertThat(shape(plan)).as("its subclass tables differ: no row switch").containsExactly("DELETE building",
                "DELETE asset", "INSERT asset", "INSERT vehicle", "INSERT truck");
        assertThat(rows(plan.steps().get(4))).containsExactly(truck);
    }

    @Test
    void aNewObjectOfTheSameClassWithADeletedObjectsKeyIsARowSwitchUpdatingItsTables() {
        Building old = loaded(Building.class, 1L, "b", 2L, 4);
        unitOfWork.delete(old);
        unitOfWork.add(new Building(1L, "b", 5));

        assertThat(shape(plan())).containsExactly("UPDATE asset []", "UPDATE building [floors]");
    }
}
