package io.valence.orm.internal.query;

import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.sql.SqlStatement;
import io.valence.orm.query.Projection;
import java.util.List;

/**
 * A native query ready to run: its statement, and what its rows become. Only the result's column
 * labels tell where each value is, so rows are read by a reader bound to the labels of the result.
 *
 * @param statement the text (named parameters rewritten to {@code $n}) and binds
 * @param entity for an entity query, the entity; null for a projection
 * @param into for a projection, how a row becomes a result; null for entities
 * @param resultType the entity, record, tuple or value type
 * @param overwrite whether entity rows overwrite loaded objects (populate-existing)
 */
public record RenderedNative(
        SqlStatement statement, EntityMapping entity, Projection.Into into, Class<?> resultType, boolean overwrite) {

    /**
     * The query as entity loading sees it: one entity per row, its columns from index 0 in mapping
     * order (the reader puts the labelled columns there).
     *
     * @return the query of the entity
     */
    public RenderedSelect entityQuery() {
        return new RenderedSelect(statement, List.of(new SelectedEntity(entity, 0, -1, null)), List.of());
    }

    /**
     * Where the entity's columns are in a result: for each column, in mapping order, the index of the
     * first result column of its name (compared ignoring case).
     *
     * @param labels the result's column labels
     * @return the indexes
     * @throws IllegalArgumentException when a column of the entity is missing (the message names it)
     */
    public int[] entityColumns(List<String> labels) {
        List<ColumnMapping> columns = entity.columns();
        int[] indexes = new int[columns.size()];
        for (int c = 0; c < indexes.length; c++) {
            String name = columns.get(c).column();
            indexes[c] = -1;
            for (int l = labels.size() - 1; l >= 0; l--) {
                if (labels.get(l).equalsIgnoreCase(name)) {
                    indexes[c] = l;
                }
            }
            if (indexes[c] < 0) {
                throw QueryErrors.nativeMissingColumn(entity, name, labels);
            }
        }
        return indexes;
    }
}
