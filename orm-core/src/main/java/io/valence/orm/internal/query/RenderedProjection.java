package io.valence.orm.internal.query;

import io.valence.orm.internal.sql.SqlStatement;
import java.util.List;

/**
 * A rendered projection: its statement, the columns of its rows and how a row becomes a result.
 *
 * @param statement the text and binds
 * @param columns the row's columns, in order
 * @param assembler turns a row's values into the result
 */
public record RenderedProjection(SqlStatement statement, List<ProjectedColumn> columns, RowAssembler assembler) {
    /**
     * Copies the columns.
     *
     * @param statement the text and binds
     * @param columns the row's columns
     * @param assembler the assembler
     */
    public RenderedProjection {
        columns = List.copyOf(columns);
    }
}
