package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Where the {@link StatementRunner} runs a statement: exactly the two calls it needs of a
 * connection, so that the session's lease decides when a statement may go out (BEGIN first,
 * nothing after the transaction ended) and nothing else of the connection is reachable.
 */
public interface StatementTarget {
    /**
     * What a reader emits for a row that arrived after its operation was cancelled: the row is not
     * read (no object is loaded from it), and the target drops this marker.
     */
    Object UNREAD = new Object();

    /**
     * Creates a statement to bind; nothing is sent yet.
     *
     * @param sql the SQL text
     * @return the driver's statement
     */
    Statement createStatement(String sql);

    /**
     * Executes a bound statement and reads each of its results.
     *
     * @param statement a statement this target created
     * @param reader reads one result (its rows or its count), mapping each row through the gate:
     *     a row read after the operation was cancelled is not mapped, and {@link #UNREAD} stands for it
     * @param <T> what the reader emits
     * @return what the reader emits for each result, in order
     */
    <T> Flux<T> execute(Statement statement, BiFunction<Result, RowGate, Publisher<T>> reader);
}
