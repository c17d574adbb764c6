package io.valence.orm.internal.flush;

import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.internal.state.EntityState;
import java.util.List;

/**
 * One statement of a flush, ready to run: the step it belongs to, the rows it carries (a step
 * with very many rows is cut into chunks), and the SQL with its bound arrays.
 *
 * @param step the planned step
 * @param rows the rows this statement writes, in bind order
 * @param statement the SQL and its binds
 */
public record BoundStep(FlushStep step, List<EntityState> rows, SqlStatement statement) {
    /**
     * Whether the statement returns the generated ids of inserted rows, in row order.
     *
     * @return {@code true} for inserts with IDENTITY or SEQUENCE ids
     */
    public boolean returnsGeneratedIds() {
        return step instanceof FlushStep.InsertRows && step.mapping().idGeneration().isGenerated();
    }

    /**
     * Whether the statement checks that it touched every row: it answers NULL when it did, and the
     * ids it touched when it missed some.
     *
     * @return {@code true} for deletes and updates of versioned entities
     */
    public boolean checksTouchedRows() {
        return !(step instanceof FlushStep.InsertRows) && !countsTouchedRows();
    }

    /**
     * Whether the statement is checked by the count of rows it changed instead: an UPDATE of an
     * entity without a version column, which can only miss a row that no longer exists.
     *
     * @return {@code true} for such an UPDATE
     */
    public boolean countsTouchedRows() {
        return step instanceof FlushStep.UpdateRows && step.mapping().version() == null;
    }
}
