package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.Statement;
import io.valence.orm.internal.load.LabelledReader;
import io.valence.orm.internal.load.ResultRow;
import io.valence.orm.internal.sql.BindText;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Runs one {@link SqlStatement} on a connection: binds its values (never splices them), maps the
 * rows it returns (a {@link LabelledReader}, for native SQL, bound to each result's column labels),
 * and translates database errors. Every statement Valence sends goes through here, so here each one
 * is logged (logger {@code io.valence.orm.sql} at DEBUG, with its binds written by
 * {@link BindText}) and counted for the observation it runs under ({@link StatementCounter}).
 */
public final class StatementRunner {
    private static final Logger SQL = LoggerFactory.getLogger("io.valence.orm.sql");
    private final ErrorTranslator errors;

    /**
     * @param errors turns driver exceptions into Valence's
     */
    public StatementRunner(ErrorTranslator errors) {
        this.errors = errors;
    }

    /**
     * Translates a failure of COMMIT itself: a connection lost while it was in flight leaves the
     * transaction's outcome unknown.
     *
     * @param error what the driver raised for COMMIT
     * @return the exception to raise
     */
    public Throwable translateCommit(Throwable error) {
        return errors.translateCommit(error);
    }

    /**
     * Streams the rows of a statement, all of them in one exchange.
     *
     * @param target the session's lease, where the statement runs
     * @param statement the SQL and binds
     * @param mapper reads one row; runs as rows are requested
     * @param <T> the row type
     * @return a Flux of mapped rows
     */
    public <T> Flux<T> rows(StatementTarget target, SqlStatement statement, Function<ResultRow, T> mapper) {
        return rows(target, statement, 0, mapper);
    }

    /**
     * Streams the rows of a query, fetched the way the subscriber's first request asks for them. An
     * unbounded request ({@code collectList}, {@code count}) takes the whole result in one exchange.
     * A bounded one reads through a cursor, {@code sliceSize} rows per round trip: a paused stream
     * then leaves PostgreSQL waiting instead of pushing the rest, and a cancel ends the query without
     * reading the rest. A cursor costs one more round trip at its end, which an unbounded reader need
     * not pay.
     *
     * @param target the session's lease, where the statement runs
     * @param statement the SQL and binds
     * @param sliceSize rows per round trip when the demand is bounded
     * @param mapper reads one row; runs as rows are requested
     * @param <T> the row type
     * @return a Flux of mapped rows
     */
    public <T> Flux<T> stream(StatementTarget target, SqlStatement statement, int sliceSize, Function<ResultRow, T> mapper) {
        return new FetchSizedByDemand<>(
                demand -> rows(target, statement, demand == Long.MAX_VALUE ? 0 : sliceSize, mapper));
    }

    /** The rows of a statement, {@code fetchSize} per round trip, or all at once for 0. */
    private <T> Flux<T> rows(StatementTarget target, SqlStatement statement, int fetchSize, Function<ResultRow, T> mapper) {
        return Flux.deferContextual(context -> {
                    sent(statement, context);
                    return target.execute(prepare(target, statement, fetchSize), (result, gate) ->
                            mapper instanceof LabelledReader<T> labelled
                                    ? result.map(new LabelBinding<>(labelled, gate))
                                    : result.map(row -> gate.map(row, mapper)));
                })
                .onErrorMap(error -> errors.translate(error, statement));
    }

    /**
     * Runs a statement and reads every row it returns.
     *
     * @param target the session's lease, where the statement runs
     * @param statement the SQL and binds
     * @param mapper reads one row
     * @param <T> the row type
     * @return a Mono of all rows, in order
     */
    public <T> Mono<List<T>> list(StatementTarget target, SqlStatement statement, Function<ResultRow, T> mapper) {
        return rows(target, statement, mapper).collectList();
    }

    /**
     * Runs a statement that returns no rows and reports how many it changed.
     *
     * @param target the session's lease, where the statement runs
     * @param statement the SQL and binds
     * @return a Mono of the rows changed
     */
    public Mono<Long> update(StatementTarget target, SqlStatement statement) {
        return Flux.deferContextual(context -> {
                    sent(statement, context);
                    return target.execute(prepare(target, statement, 0), (result, gate) -> result.getRowsUpdated());
                })
                .reduce(0L, Long::sum)
                .onErrorMap(error -> errors.translate(error, statement));
    }

    /** Logs a statement about to be sent and counts it for the observation it runs under. */
    private static void sent(SqlStatement statement, ContextView context) {
        if (SQL.isDebugEnabled()) {
            SQL.debug(statement.binds().isEmpty() ? "{}" : "{}\n  binds: {}", statement.sql(), BindText.of(statement.binds()));
        }
        context.getOrEmpty(StatementCounter.class).ifPresent(counter -> ((StatementCounter) counter).statementSent());
    }

    private static Statement prepare(StatementTarget target, SqlStatement statement, int fetchSize) {
        Statement prepared = target.createStatement(statement.sql());
        List<SqlStatement.Bind> binds = statement.binds();
        for (int i = 0; i < binds.size(); i++) {
            SqlStatement.Bind bind = binds.get(i);
            if (bind.value() == null) {
                prepared.bindNull(i, DriverValues.bindableType(bind.type()));
            } else {
                prepared.bind(i, DriverValues.bindable(bind.value()));
            }
        }
        if (fetchSize > 0) {
            prepared.fetchSize(fetchSize);
        }
        return prepared;
    }
}
