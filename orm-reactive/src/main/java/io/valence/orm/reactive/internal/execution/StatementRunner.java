package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one {@link SqlStatement} on a connection: binds its values (never splices them), maps the
 * rows it returns, and translates database errors. Every statement Valence sends goes through here.
 */
public final class StatementRunner {
    private final ErrorTranslator errors;

    /**
     * @param errors turns driver exceptions into Valence's
     */
    public StatementRunner(ErrorTranslator errors) {
        this.errors = errors;
    }

    /**
     * Streams the rows of a statement.
     *
     * @param connection the session's connection
     * @param statement the SQL and binds
     * @param fetchSize rows fetched per round trip while the stream has demand; 0 for all at once
     * @param mapper reads one row; runs as rows arrive
     * @param <T> the row type
     * @return a Flux of mapped rows
     */
    public <T> Flux<T> rows(Connection connection, SqlStatement statement, int fetchSize, Function<Readable, T> mapper) {
        return Flux.defer(() -> Flux.from(prepare(connection, statement, fetchSize).execute()))
                .concatMap(result -> result.map(mapper::apply))
                .onErrorMap(error -> errors.translate(error, statement));
    }

    /**
     * Runs a statement and reads every row it returns.
     *
     * @param connection the session's connection
     * @param statement the SQL and binds
     * @param mapper reads one row
     * @param <T> the row type
     * @return a Mono of all rows, in order
     */
    public <T> Mono<List<T>> list(Connection connection, SqlStatement statement, Function<Readable, T> mapper) {
        return rows(connection, statement, 0, mapper).collectList();
    }

    /**
     * Runs a statement that returns no rows and reports how many it changed.
     *
     * @param connection the session's connection
     * @param statement the SQL and binds
     * @return a Mono of the rows changed
     */
    public Mono<Long> update(Connection connection, SqlStatement statement) {
        return Flux.defer(() -> Flux.from(prepare(connection, statement, 0).execute()))
                .concatMap(result -> Flux.from(result.getRowsUpdated()))
                .reduce(0L, Long::sum)
                .onErrorMap(error -> errors.translate(error, statement));
    }

    private static Statement prepare(Connection connection, SqlStatement statement, int fetchSize) {
        Statement prepared = connection.createStatement(statement.sql());
        List<SqlStatement.Bind> binds = statement.binds();
        for (int i = 0; i < binds.size(); i++) {
            SqlStatement.Bind bind = binds.get(i);
            if (bind.value() == null) {
                prepared.bindNull(i, bind.type());
            } else {
                prepared.bind(i, bind.value());
            }
        }
        if (fetchSize > 0) {
            prepared.fetchSize(fetchSize);
        }
        return prepared;
    }
}
