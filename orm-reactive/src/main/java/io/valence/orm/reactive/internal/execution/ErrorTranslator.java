package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.R2dbcException;
import io.valence.orm.ConnectionLostException;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.DataException;
import io.valence.orm.OrmException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.Identifiers;
import io.valence.orm.internal.sql.SqlStatement;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns driver exceptions into Valence's, by SQLSTATE, so that a caller can handle each by type:
 *
 * <ul>
 *   <li>a lost connection (class 08, the server ending the session, or an I/O failure the driver
 *       reports without a SQLSTATE) → {@link ConnectionLostException}, or during COMMIT
 *       {@link TransactionOutcomeUnknownException} ({@link #translateCommit});
 *   <li>57014 (statement timeout, cancel) and 55P03 (lock timeout, NOWAIT) → {@link StatementTimeoutException};
 *   <li>class 22 (too long, NUL byte, out of range…) → {@link DataException};
 *   <li>class 23 → {@link ConstraintViolationException} naming the table, constraint and entity;
 *   <li>anything else from the database → {@link OrmException} with the statement.
 * </ul>
 *
 * Table, constraint and column type are read from PostgreSQL's message or the statement's target,
 * since the R2DBC SPI does not expose the server's error fields. Errors that did not come from the
 * driver (a row mapper's, Valence's own) pass unchanged. The messages are {@link DatabaseErrors}'.
 */
public final class ErrorTranslator {
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern TABLE = Pattern.compile("(?:on table|of relation|relation) \"([^\"]+)\"");
    private static final Pattern STATEMENT_TABLE = Pattern.compile("(?:INSERT INTO|UPDATE|DELETE FROM) \"([^\"]+)\"");
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final SqlStatement COMMIT = new SqlStatement("COMMIT", List.of());
    /**
     * The SQLSTATEs of the FATAL errors with which PostgreSQL ends a session before closing its
     * connection: admin_shutdown (pg_terminate_backend), crash_shutdown, database_dropped,
     * idle_session_timeout and idle_in_transaction_session_timeout. A statement meets either this
     * error or the driver's 08006, depending on whether the server's last message or the closed
     * socket was read first.
     */
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P04", "57P05", "25P03");

    private final Metamodel metamodel;

    /**
     * @param metamodel maps table names back to entities for messages
     */
    public ErrorTranslator(Metamodel metamodel) {
        this.metamodel = metamodel;
    }

    /**
     * Translates one failure of a statement.
     *
     * @param error what the driver raised
     * @param statement the statement that failed
     * @return the exception to raise: a Valence exception keeping {@code error} as its cause, or
     *     {@code error} itself when it is already Valence's or did not come from the driver
     */
    public Throwable translate(Throwable error, SqlStatement statement) {
        if (error instanceof OrmException || !(error instanceof R2dbcException database)) {
            return error;
        }
        String state = database.getSqlState();
        if (isConnectionLost(database)) {
            return DatabaseErrors.connectionLost(database, state, statement);
        }
        if (state == null) {
            return DatabaseErrors.rejected(database, null, statement);
        }
        if (state.equals("57014")) {
            return DatabaseErrors.statementCancelled(database, state, statement);
        }
        if (state.equals("55P03")) {
            return DatabaseErrors.lockNotAvailable(database, state, statement);
        }
        if (state.startsWith("22")) {
            return dataError(database, state, statement);
        }
        if (state.startsWith("23")) {
            return constraintViolation(database, state, statement);
        }
        return DatabaseErrors.rejected(database, state, statement);
    }

    /**
     * Translates a failure of COMMIT. A connection lost while COMMIT was in flight leaves the
     * outcome unknown (the server may have committed before the connection broke), which
     * {@link TransactionOutcomeUnknownException} says; anything else (a deferred constraint, a
     * serialization failure) is translated like a statement's failure.
     *
     * @param error what the driver raised for COMMIT
     * @return the exception to raise, keeping {@code error} as its cause
     */
    public Throwable translateCommit(Throwable error) {
        if (error instanceof R2dbcException database && isConnectionLost(database)) {
            return DatabaseErrors.outcomeUnknown(database, database.getSqlState());
        }
        return translate(error, COMMIT);
    }

    /**
     * Whether the connection broke: SQLSTATE class 08 (r2dbc-postgresql reports a closed or failing
     * channel as 08006, a failed connect as 08003), the server ending the session, or a failure
     * without a SQLSTATE caused by an I/O error.
     */
    private static boolean isConnectionLost(R2dbcException error) {
        String state = error.getSqlState();
        if (state != null) {
            return state.startsWith("08") || SESSION_ENDED.contains(state);
        }
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private DataException dataError(R2dbcException error, String state, SqlStatement statement) {
        String table = find(STATEMENT_TABLE, statement.sql());
        EntityMapping entity = table == null ? null : metamodel.byTable(table);
        return switch (state) {
            case "22001" -> DatabaseErrors.valueTooLong(error, state, statement, table, entity,
                    tooShortColumns(entity, String.valueOf(error.getMessage()), statement));
            case "22021" -> DatabaseErrors.nulInText(error, state, statement, table, entity);
            default -> DatabaseErrors.valueRejected(error, state, statement, table, entity);
        };
    }

    /** The entity's columns of the type PostgreSQL named (varchar(n)) that the statement writes. */
    private static List<ColumnMapping> tooShortColumns(EntityMapping entity, String message, SqlStatement statement) {
        String length = find(VARCHAR, message);
        if (entity == null || length == null) {
            return List.of();
        }
        String type = "varchar(" + length + ")";
        return entity.columns().stream()
                .filter(column -> column.type().ddlType().equals(type))
                .filter(column -> statement.sql().contains(Identifiers.quote(column.column())))
                .toList();
    }

    private ConstraintViolationException constraintViolation(R2dbcException error, String state, SqlStatement statement) {
        String message = String.valueOf(error.getMessage());
        String constraint = find(CONSTRAINT, message);
        // unique violations do not name the table; the statement's target does
        String table = find(TABLE, message);
        if (table == null) {
            table = find(STATEMENT_TABLE, statement.sql());
        }
        EntityMapping entity = table == null ? null : metamodel.byTable(table);
        return DatabaseErrors.constraintViolation(error, state, statement, table, constraint, entity);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
