package io.valence.orm.internal.load;

import io.valence.orm.internal.query.ProjectedColumn;
import io.valence.orm.internal.query.RenderedNative;
import io.valence.orm.internal.query.RenderedSelect;
import io.valence.orm.internal.query.RowAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the rows of native SQL by their column labels: an entity's columns picked by name and
 * loaded through the identity map, or a projection's values by position, matched to the result type
 * by label.
 */
public final class NativeRows {
    private NativeRows() {}

    /**
     * The reader of a native query's rows.
     *
     * @param query the prepared query
     * @param loader the session's row loader (for entities)
     * @return a reader to bind to each result's labels
     */
    public static LabelledReader<Object> reader(RenderedNative query, RowLoader loader) {
        if (query.entity() == null) {
            return labels -> projection(query, labels);
        }
        RenderedSelect entityQuery = query.entityQuery();
        return labels -> {
            int[] columns = query.entityColumns(labels);
            return row -> loader.root(new Picked(row, columns), entityQuery, query.overwrite());
        };
    }

    /** A row seen through the entity's columns: index i reads result column {@code columns[i]}. */
    private record Picked(ResultRow row, int[] columns) implements ResultRow {
        @Override
        public <T> T get(int index, Class<T> type) {
            return row.get(columns[index], type);
        }
    }

    private static Function<ResultRow, Object> projection(RenderedNative query, List<String> labels) {
        List<ProjectedColumn> columns = new ArrayList<>(labels.size());
        labels.forEach(label -> columns.add(ProjectedColumn.labelled(label)));
        RowAssembler assembler = RowAssembler.of(query.into(), query.resultType(), columns);
        return row -> {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i, Object.class);
            }
            return assembler.assemble(values);
        };
    }
}
