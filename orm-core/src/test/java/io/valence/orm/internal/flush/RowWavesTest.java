package io.valence.orm.internal.flush;

import static io.valence.orm.internal.unitofwork.fixtures.Model.persistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valence.orm.OrmException;
import io.valence.orm.internal.state.EntityState;
import io.valence.orm.internal.unitofwork.UnitOfWork;
import io.valence.orm.internal.unitofwork.fixtures.Category;
import io.valence.orm.internal.unitofwork.fixtures.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-by-row ordering inside a self-referencing table. */
class RowWavesTest {
    private final UnitOfWork unitOfWork = new UnitOfWork(Model.METAMODEL);

    private List<EntityState> states(Object... entities) {
        return java.util.Arrays.stream(entities).map(unitOfWork::state).toList();
    }

    private static List<List<Object>> entities(List<List<EntityState>> waves) {
        return waves.stream().map(wave -> wave.stream().map(EntityState::entity).toList()).toList();
    }

    @Test
    void insertWavesFollowTheDepthOfTheTreeAndKeepTheGivenOrderWithinAWave() {
        Category root = new Category("root", null);
        Category a = new Category("a", root);
        Category b = new Category("b", root);
        Category leaf = new Category("leaf", b);
        unitOfWork.add(leaf);
        unitOfWork.add(a);

        List<List<EntityState>> waves = RowWaves.forInserts(states(leaf, b, a, root));

        assertThat(entities(waves)).containsExactly(List.of(root), List.of(b, a), List.of(leaf));
    }

    @Test
    void rowsPointingAtPersistentRowsNeedNoEarlierWave() {
        Category existing = persistent(unitOfWork, Category.class, 1L, "existing", null);
        Category first = new Category("first", existing);
        Category second = new Category("second", existing);
        unitOfWork.add(first);
        unitOfWork.add(second);

        assertThat(entities(RowWaves.forInserts(states(first, second)))).containsExactly(List.of(first, second));
    }

    @jakarta.persistence.Entity
    abstract static class Node {
        @jakarta.persistence.Id
        Long id;
    }

    @jakarta.persistence.Entity
    static class Branch extends Node {
        @jakarta.persistence.ManyToOne
        Branch parent;
    }

    @jakarta.persistence.Entity
    static class Leaf extends Node {
        @jakarta.persistence.ManyToOne
        Branch branch;
    }

    @Test
    void aDeletedRowsForeignKeyToASubclassOfItsHierarchyStillOrdersTheDeletes() {
        io.valence.orm.internal.mapping.Metamodel model =
                io.valence.orm.internal.mapping.Metamodel.of(List.of(Node.class, Branch.class, Leaf.class));
        UnitOfWork hierarchy = new UnitOfWork(model);
        Object branch = hierarchy.load(model.entity(Branch.class), new Object[] {1L, "Branch", null}, false);
        Object leaf = hierarchy.load(model.entity(Leaf.class), new Object[] {2L, "Leaf", 1L}, false);
        hierarchy.delete(branch);
        hierarchy.delete(leaf);

        List<List<EntityState>> waves = RowWaves.forDeletes(List.of(hierarchy.state(branch), hierarchy.state(leaf)));

        assertThat(entities(waves)).containsExactly(List.of(leaf), List.of(branch));
    }

    @Test
    void deleteWavesGoFromTheLeavesUp() {
        Category root = persistent(unitOfWork, Category.class, 1L, "root", null);
        Category middle = persistent(unitOfWork, Category.class, 2L, "middle", 1L);
        Category leaf = persistent(unitOfWork, Category.class, 3L, "leaf", 2L);
        Category sibling = persistent(unitOfWork, Category.class, 4L, "sibling", 1L);
        List.of(root, middle, leaf, sibling).forEach(unitOfWork::delete);

        List<List<EntityState>> waves = RowWaves.forDeletes(states(root, middle, leaf, sibling));

        assertThat(entities(waves)).containsExactly(List.of(leaf), List.of(middle, sibling), List.of(root));
    }

    @Test
    void aCycleOfRowsIsAnErrorNamingEachRowAndReference() {
        Category first = new Category("first", null);
        Category second = new Category("second", first);
        first.parent = second;
        unitOfWork.add(first);

        assertThatThrownBy(() -> RowWaves.forInserts(states(first, second)))
                .isInstanceOf(OrmException.class)
                .hasMessageContaining("Category (pending, no id).parent -> Category (pending, no id).parent ->"
                        + " Category (pending, no id)")
                .hasMessageContaining("Break the cycle");
    }
}
