package io.valence.orm.internal.flush;

import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.DataException;
import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.ChangeCollector;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.internal.unitofwork.fixtures.Author;
import io.valence.orm.internal.unitofwork.fixtures.Book;
import io.valence.orm.internal.unitofwork.fixtures.Category;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import io.valence.orm.internal.unitofwork.fixtures.Player;
import io.valence.orm.internal.unitofwork.fixtures.Team;
import io.valence.orm.internal.unitofwork.fixtures.Ticket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan of a flush as data: which statements, on which tables, with which rows in which order. */
class FlushPlannerTest {
    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);
    private final FlushPlanner planner = new FlushPlanner(Model.METAMODEL);

    private FlushPlan plan() {
        return planner.plan(new ChangeCollector(unitOfWork).collect());
    }

    /** {@code INSERT author}, {@code UPDATE book [title]}, {@code DELETE book}: one line per step. */
    static List<String> shape(FlushPlan plan) {
        return plan.steps().stream().map(FlushPlannerTest::describe).toList();
    }

    static String describe(FlushStep step) {
        String table = step.mapping().table();
        if (step instanceof FlushStep.UpdateRows update) {
            return "UPDATE " + table + " " + update.columns().stream().map(ColumnMapping::column).toList()
                    + (update.cleared().isEmpty() ? "" : " clearing " + update.cleared().stream().map(ColumnMapping::column).toList());
        }
        return (step instanceof FlushStep.InsertRows ? "INSERT " : "DELETE ") + table;
    }

    static List<Object> rows(FlushStep step) {
        return step.rows().stream().map(EntityState::entity).toList();
    }

    @Test
    void nothingChangedPlansNoStep() {
        persistent(unitOfWork, Author.class, 1L, "unchanged");

        assertThat(plan().steps()).isEmpty();
    }

    @Test
    void parentTableIsInsertedBeforeChildTableWhateverTheAddOrder() {
        Author author = new Author("a");
        Book book = new Book("b", author);
        unitOfWork.add(book);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("INSERT author", "INSERT book");
        assertThat(rows(plan.steps().get(0))).containsExactly(author);
        assertThat(rows(plan.steps().get(1))).containsExactly(book);
    }

    @Test
    void rowsOfOneTableAreOneStepInAddOrder() {
        Author first = new Author("1");
        Author second = new Author("2");
        Author third = new Author("3");
        unitOfWork.add(second);
        unitOfWork.add(first);
        unitOfWork.add(third);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("INSERT author");
        assertThat(rows(plan.steps().get(0))).containsExactly(second, first, third);
    }

    @Test
    void childTableIsDeletedBeforeParentTable() {
        Author author = persistent(unitOfWork, Author.class, 1L, "a");
        Book book = persistent(unitOfWork, Book.class, 10L, "b", null, 1L);
        unitOfWork.delete(author);
        unitOfWork.delete(book);

        assertThat(shape(plan())).containsExactly("DELETE book", "DELETE author");
    }

    @Test
    void updatesAreGroupedByTheSetOfChangedColumns() {
        Book first = persistent(unitOfWork, Book.class, 10L, "one", 100, null);
        Book second = persistent(unitOfWork, Book.class, 11L, "two", 200, null);
        Book third = persistent(unitOfWork, Book.class, 12L, "three", 300, null);
        first.title = "one!";
        second.pages = 201;
        third.title = "three!";

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("UPDATE book [title]", "UPDATE book [pages]");
        assertThat(rows(plan.steps().get(0))).containsExactly(first, third);
        assertThat(rows(plan.steps().get(1))).containsExactly(second);
    }

    @Test
    void severalColumnsChangedTogetherAreOneGroup() {
        Book first = persistent(unitOfWork, Book.class, 10L, "one", 100, null);
        Book second = persistent(unitOfWork, Book.class, 11L, "two", 200, null);
        first.title = "one!";
        first.pages = 101;
        second.pages = 201;
        second.title = "two!";

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("UPDATE book [title, pages]");
        assertThat(rows(plan.steps().get(0))).containsExactly(first, second);
    }

    @Test
    void aDeletedUniqueKeyIsDeletedBeforeTheNewRowWithThatKeyIsInserted() {
        Ticket old = persistent(unitOfWork, Ticket.class, 1L, "A-1");
        unitOfWork.delete(old);
        unitOfWork.add(new Ticket("A-1"));

        assertThat(shape(plan())).containsExactly("DELETE ticket", "INSERT ticket");
    }

    @Test
    void movingChildrenToANewParentInsertsItFirstAndDeletesTheOldParentLast() {
        Author old = persistent(unitOfWork, Author.class, 1L, "old");
        Book book = persistent(unitOfWork, Book.class, 10L, "b", null, 1L);
        Author replacement = new Author("new");
        book.author = replacement;
        unitOfWork.delete(old);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("INSERT author", "UPDATE book [author_id]", "DELETE author");
        assertThat(rows(plan.steps().get(0))).containsExactly(replacement);
        assertThat(rows(plan.steps().get(2))).containsExactly(old);
    }

    @Test
    void aSelfReferencingTreeIsInsertedInOneWavePerDepth() {
        Category root = new Category("root", null);
        Category left = new Category("left", root);
        Category right = new Category("right", root);
        Category leaf = new Category("leaf", left);
        unitOfWork.add(leaf);
        unitOfWork.add(right);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("INSERT category", "INSERT category", "INSERT category");
        assertThat(rows(plan.steps().get(0))).containsExactly(root);
        assertThat(rows(plan.steps().get(1))).containsExactlyInAnyOrder(left, right);
        assertThat(rows(plan.steps().get(2))).containsExactly(leaf);
    }

    @Test
    void aSelfReferencingTreeIsDeletedLeavesFirst() {
        Category root = persistent(unitOfWork, Category.class, 1L, "root", null);
        Category middle = persistent(unitOfWork, Category.class, 2L, "middle", 1L);
        Category leaf = persistent(unitOfWork, Category.class, 3L, "leaf", 2L);
        unitOfWork.delete(root);
        unitOfWork.delete(middle);
        unitOfWork.delete(leaf);

        FlushPlan plan = plan();

        assertThat(plan.steps()).extracting(FlushPlannerTest::rows)
                .containsExactly(List.of(leaf), List.of(middle), List.of(root));
    }

    @Test
    void newRowsOfAChildOfASelfReferencingTableWaitForTheirTreeRows() {
        Author author = new Author("a");
        unitOfWork.add(new Book("b", author));
        Category root = new Category("root", null);
        unitOfWork.add(new Category("leaf", root));

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsSubsequence("INSERT author", "INSERT book");
        assertThat(shape(plan)).filteredOn(line -> line.endsWith("category")).hasSize(2);
    }

    @Test
    void mutuallyReferencingTablesAreOrderedRowByRow() {
        Team founders = new Team("founders");
        Player player = new Player("p", founders);
        Team captained = new Team("captained");
        captained.captain = player;
        unitOfWork.add(captained);

        FlushPlan plan = plan();

        assertThat(shape(plan)).containsExactly("INSERT team", "INSERT player", "INSERT team");
        assertThat(plan.steps()).extracting(FlushPlannerTest::rows)
                .containsExactly(List.of(founders), List.of(player), List.of(captained));
    }

    @Test
    void rowsReferringToEachOtherInACycleAreAnErrorNamingTheCycle() {
        Team team = new Team("t");
        Player captain = new Player("c", team);
        team.captain = captain;
        unitOfWork.add(team);

        assertThatThrownBy(this::plan)
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("refer to each other in a cycle")
                .hasMessageContaining("Team (pending, no id)")
                .hasMessageContaining("Player (pending, no id)")
                .hasMessageContaining("captain")
                .hasMessageContaining("Break the cycle: leave one reference null, flush, then set it");
    }

    @Test
    void anInsertedValuePostgresqlCannotHoldIsRefusedBeforeAnyStepIsPlanned() {
        unitOfWork.add(new Author("fine"));
        unitOfWork.add(new Author("nul\u0000inside"));

        assertThatThrownBy(this::plan)
                .isExactlyInstanceOf(DataException.class)
                .satisfies(error -> assertThat(((DataException) error).property()).isEqualTo("name"))
                .satisfies(error -> assertThat(((DataException) error).entityName()).isEqualTo("Author"));
    }

    @Test
    void aChangedValuePostgresqlCannotHoldIsRefusedToo() {
        Author author = persistent(unitOfWork, Author.class, 1L, "loaded");
        author.name = "nul\u0000inside";

        assertThatThrownBy(this::plan).isExactlyInstanceOf(DataException.class);
    }
}
