package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.valence.orm.internal.load.LabelledReader;
import io.valence.orm.internal.load.ResultRow;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Maps the rows of one result with a {@link LabelledReader} (native SQL), bound to the result's
 * column labels when its first row arrives: the driver hands every row of a result the same
 * metadata, so the labels are read once per result.
 */
final class LabelBinding<T> implements BiFunction<Row, RowMetadata, T> {
    private final LabelledReader<T> reader;
    private final RowGate gate;
    private RowMetadata boundTo;
    private Function<ResultRow, T> bound;

    LabelBinding(LabelledReader<T> reader, RowGate gate) {
        this.reader = reader;
        this.gate = gate;
    }

    @Override
    public T apply(Row row, RowMetadata metadata) {
        if (metadata != boundTo) {
            bound = reader.forLabels(metadata.getColumnMetadatas().stream().map(ColumnMetadata::getName).toList());
            boundTo = metadata;
        }
        return gate.map(row, bound);
    }
}
