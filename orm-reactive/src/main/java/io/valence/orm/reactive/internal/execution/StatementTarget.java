package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;

/**
 * Where the {@link StatementRunner} runs a statement: exactly the two calls it needs of a
 * connection, so that the session's lease decides when a statement may go out (BEGIN first,
 * nothing after the transaction ended) and nothing else of the connection is reachable.
 */
public interface StatementTarget {
    /**
     * Creates a statement to bind; nothing is sent yet.
     *
     * @param sql the SQL text
     * @return the driver's statement
     */
    Statement createStatement(String sql);

    /**
     * Executes a bound statement.
     *
     * @param statement a statement this target created
     * @return the driver's results
     */
    Publisher<? extends Result> execute(Statement statement);
}
