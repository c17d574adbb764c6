package io.valence.orm.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.query.NativeQuery;
import io.valence.orm.query.Order;
import io.valence.orm.query.Select;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Queries over an entity with a composite key: keyset pages, counts, native parameters. */
class CompositeKeyQueryTest {
    /** The key of a cell. */
    static final class CellKey {
        int row;
        int col;

        @Override
        public boolean equals(Object other) {
            return other instanceof CellKey key && key.row == row && key.col == col;
        }

        @Override
        public int hashCode() {
            return Objects.hash(row, col);
        }
    }

    /** A cell of a grid, keyed by (row, col). */
    @Entity
    @IdClass(CellKey.class)
    static class Cell {
        @Id
        Integer row;

        @Id
        Integer col;

        String text;

        @OneToMany(mappedBy = "cell")
        List<Remark> remarks;
    }

    /** A remark on a cell. */
    @Entity
    static class Remark {
        @Id
        Long id;

        @ManyToOne
        Cell cell;
    }

    private static final Metamodel METAMODEL = Metamodel.of(List.of(Cell.class, Remark.class));

    @Test
    void aKeysetPageOrderedByOneKeyPartIsNotUniqueButByEveryPartItIs() {
        assertThatIllegalArgumentException().isThrownBy(() -> Keyset.of(METAMODEL, Select.from(Cell.class).orderBy("row")))
                .withMessage("keyset pagination of Cell needs a unique ordering, but [row ASC] can tie, so rows would be"
                        + " skipped or repeated between pages (it does not end in the id or a unique NOT NULL column,"
                        + " nor holds every key part); end the ordering with the id, as in orderBy(…, Order.asc(\"row\"),"
                        + " Order.asc(\"col\"))");
        Keyset.of(METAMODEL, Select.from(Cell.class).orderBy(Order.asc("row"), Order.asc("col")));
    }

    @Test
    void aCountOverACollectionJoinCountsDistinctKeys() {
        String sql = new SelectRenderer(METAMODEL).count(Select.from(Cell.class).join("remarks")).sql();

        assertThat(sql).startsWith("SELECT count(DISTINCT (t0.\"row\", t0.\"col\")) FROM \"cell\" AS t0 INNER JOIN");
    }

    @Test
    void anEntityWithACompositeKeyIsNoNativeParameter() {
        Cell cell = new Cell();
        cell.row = 1;
        cell.col = 2;

        assertThatIllegalArgumentException().isThrownBy(() -> new NativeRenderer(METAMODEL)
                        .render(NativeQuery.tuples("SELECT :cell").bind("cell", cell)))
                .withMessage("a Cell was passed as a native query parameter, but its key has 2 parts, which one"
                        + " parameter cannot hold; pass the parts as separate parameters, e.g. :row, :col");
    }
}
