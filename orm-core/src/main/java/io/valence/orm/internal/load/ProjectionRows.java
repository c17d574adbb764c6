package io.valence.orm.internal.load;

import io.valence.orm.internal.query.ProjectedColumn;
import io.valence.orm.internal.query.RenderedProjection;
import java.util.List;

/** Reads one projection row into its result: each column by its type, then the row's assembler. No identity map. */
public final class ProjectionRows {
    private ProjectionRows() {}

    /**
     * Reads one row.
     *
     * @param row the row
     * @param projection the rendered projection whose row it is
     * @return the result: a record, a tuple or a value
     */
    public static Object read(ResultRow row, RenderedProjection projection) {
        List<ProjectedColumn> columns = projection.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            ProjectedColumn column = columns.get(i);
            values[i] = column.fromDriver(row.get(i, column.driverType()));
        }
        return projection.assembler().assemble(values);
    }
}
