package io.valence.orm.internal.flush;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.unitofwork.fixtures.Author;
import io.valence.orm.internal.unitofwork.fixtures.Book;
import io.valence.orm.internal.unitofwork.fixtures.Category;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import io.valence.orm.internal.unitofwork.fixtures.Player;
import io.valence.orm.internal.unitofwork.fixtures.Team;
import io.valence.orm.internal.unitofwork.fixtures.Ticket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a flush's insert, update and delete nodes, and the type graph under it. */
class StepGraphTest {
    private final TypeGraph types = new TypeGraph(Model.METAMODEL);
    private final EntityMapping author = Model.METAMODEL.entity(Author.class);
    private final EntityMapping book = Model.METAMODEL.entity(Book.class);
    private final EntityMapping ticket = Model.METAMODEL.entity(Ticket.class);

    private List<StepGraph.Node> order(StepGraph.Node... nodes) {
        StepGraph graph = new StepGraph(types);
        for (StepGraph.Node node : nodes) {
            graph.add(node);
        }
        return graph.order();
    }

    private StepGraph.Node insert(EntityMapping type) {
        return StepGraph.Node.insert(types.componentOf(type));
    }

    private StepGraph.Node delete(EntityMapping type) {
        return StepGraph.Node.delete(types.componentOf(type));
    }

    private StepGraph.Node update(EntityMapping type) {
        return StepGraph.Node.update(types.componentOf(type), type);
    }

    @Test
    void componentsAreNumberedParentsFirst() {
        assertThat(types.componentOf(author)).isLessThan(types.componentOf(book));
        assertThat(types.isCyclic(types.componentOf(author))).isFalse();
    }

    @Test
    void selfAndMutualReferencesMakeCyclicComponents() {
        EntityMapping category = Model.METAMODEL.entity(Category.class);
        EntityMapping team = Model.METAMODEL.entity(Team.class);
        EntityMapping player = Model.METAMODEL.entity(Player.class);

        assertThat(types.isCyclic(types.componentOf(category))).isTrue();
        assertThat(types.componentOf(team)).isEqualTo(types.componentOf(player));
        assertThat(types.members(types.componentOf(team))).containsExactly(player, team);
        assertThat(types.isCyclic(types.componentOf(team))).isTrue();
    }

    @Test
    void parentInsertsPrecedeChildInsertsWhateverTheOrderAdded() {
        assertThat(order(insert(book), insert(author))).containsExactly(insert(author), insert(book));
    }

    @Test
    void aSelfReferencingTablesInsertsPrecedeItsUpdatesWhichPrecedeItsDeletes() {
        EntityMapping category = Model.METAMODEL.entity(Category.class);

        // updates may point rows at new rows, or away from rows about to be deleted
        assertThat(order(delete(category), update(category), insert(category)))
                .containsExactly(insert(category), update(category), delete(category));
    }

    @Test
    void childDeletesPrecedeParentDeletes() {
        assertThat(order(delete(author), delete(book))).containsExactly(delete(book), delete(author));
    }

    @Test
    void aTablesDeletesPrecedeItsUpdatesWhichPrecedeItsInserts() {
        assertThat(order(insert(ticket), update(ticket), delete(ticket)))
                .containsExactly(delete(ticket), update(ticket), insert(ticket));
    }

    @Test
    void deletesGoFirstAcrossTablesWhenNoForeignKeyForbidsIt() {
        assertThat(order(insert(book), insert(author), delete(book), delete(author)))
                .containsExactly(delete(book), delete(author), insert(author), insert(book));
    }

    @Test
    void aParentsDeleteWaitsForChildUpdatesThatMayMoveChildrenToANewParent() {
        List<StepGraph.Node> order = order(delete(author), update(book), insert(author), delete(book), insert(book));

        // the soft "author deletes first" edge would close a cycle with insert author -> update book -> delete author
        assertThat(order).containsExactly(insert(author), delete(book), update(book), insert(book), delete(author));
    }
}
