package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.Readable;
import io.valence.orm.internal.load.ResultRow;
import java.util.function.Function;

/**
 * Where an exchange's rows are mapped, one at a time and never once the operation was cancelled:
 * mapping a row loads an object into the session, so a cancel from another thread must wait for
 * the row being mapped, and the rows after it must not be mapped at all; otherwise the session's
 * next operation would read the unit of work while a row is still loading into it.
 */
public interface RowGate {
    /**
     * Maps one row unless the operation was cancelled.
     *
     * @param row the driver's row
     * @param mapper reads it
     * @param <T> the mapped type
     * @return the mapped row, or {@link StatementTarget#UNREAD} after a cancel
     */
    <T> T map(Readable row, Function<ResultRow, T> mapper);
}
