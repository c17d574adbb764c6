package io.valence.orm.reactive.internal.execution;

import io.valence.orm.ConnectionLostException;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.DataException;
import io.valence.orm.OrmException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.internal.mapping.ColumnMapping;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the message of every failure the database or the driver reports, one factory per message,
 * for {@link ErrorTranslator}. Each says what happened (with PostgreSQL's SQLSTATE and words), to
 * which table, entity or statement, and what to do; the statement follows abbreviated, bound values
 * stay out, and the driver's exception is kept as the cause.
 */
final class DatabaseErrors {
    private DatabaseErrors() {}

    static ConnectionLostException connectionLost(Throwable error, String sqlState, SqlStatement statement) {
        return new ConnectionLostException("The connection to the database was lost" + state(sqlState) + ": "
                + error.getMessage() + ". The transaction is gone and nothing of it was committed; call rollback(),"
                + " after which the session continues on a fresh connection." + statement(statement),
                sqlState, statement.sql(), error);
    }

    static TransactionOutcomeUnknownException outcomeUnknown(Throwable error, String sqlState) {
        return new TransactionOutcomeUnknownException("The connection to the database was lost while COMMIT was in"
                + " flight" + state(sqlState) + ": " + error.getMessage() + ". Whether the transaction was committed is"
                + " unknown: the server may have committed it before the connection broke, or not, so do not take it"
                + " as rolled back. Before retrying it, check in a new session whether its writes are there (read a"
                + " row it inserted or updated); call rollback() before using this session again", sqlState, error);
    }

    static StatementTimeoutException statementCancelled(Throwable error, String sqlState, SqlStatement statement) {
        return new StatementTimeoutException("A statement was cancelled by the database" + state(sqlState) + ": "
                + error.getMessage() + ". It ran past statement_timeout, or a cancel request stopped it, and PostgreSQL"
                + " aborted the transaction; call rollback(), then retry, or raise the limit"
                + " (SessionFactory.Builder.statementTimeout)." + statement(statement), sqlState, statement.sql(), error);
    }

    static StatementTimeoutException lockNotAvailable(Throwable error, String sqlState, SqlStatement statement) {
        return new StatementTimeoutException("A statement gave up waiting for a lock" + state(sqlState) + ": "
                + error.getMessage() + ". Another transaction holds a lock on a row or table it needs, and PostgreSQL"
                + " aborted the transaction; call rollback(), then retry, or raise the limit"
                + " (SessionFactory.Builder.lockTimeout)." + statement(statement), sqlState, statement.sql(), error);
    }

    /**
     * A value longer than its column (22001). PostgreSQL names only the type, {@code character
     * varying(5)}: {@code candidates} are the entity's columns of that type in the statement, and
     * the exception names the property when there is exactly one.
     */
    static DataException valueTooLong(Throwable error, String sqlState, SqlStatement statement, String table,
            EntityMapping entity, List<ColumnMapping> candidates) {
        String property = candidates.size() == 1 ? candidates.get(0).property() : null;
        String properties = entity == null || candidates.isEmpty() ? null
                : candidates.stream().map(column -> entity.name() + "." + column.property())
                        .collect(Collectors.joining(" or "));
        return new DataException("A value is too long for its column" + state(sqlState) + ": " + error.getMessage()
                + target(table, entity, properties) + ". PostgreSQL aborted the transaction; call rollback(), then"
                + " shorten the value, or lengthen the column (@Column(length) and the column's type in the database)."
                + statement(statement), sqlState, statement.sql(), name(entity), property, error);
    }

    static DataException nulInText(
            Throwable error, String sqlState, SqlStatement statement, String table, EntityMapping entity) {
        return new DataException("A text value holds a character PostgreSQL does not accept" + state(sqlState) + ": "
                + error.getMessage() + target(table, entity, null) + "; a NUL character (U+0000) is not allowed in"
                + " text. PostgreSQL aborted the transaction; call rollback(), then remove the character from the"
                + " value, or map binary content as byte[]." + statement(statement),
                sqlState, statement.sql(), name(entity), null, error);
    }

    static DataException valueRejected(
            Throwable error, String sqlState, SqlStatement statement, String table, EntityMapping entity) {
        return new DataException("The database rejected a value" + state(sqlState) + ": " + error.getMessage()
                + target(table, entity, null) + ". PostgreSQL aborted the transaction; call rollback(), then correct"
                + " the value." + statement(statement), sqlState, statement.sql(), name(entity), null, error);
    }

    static ConstraintViolationException constraintViolation(Throwable error, String sqlState, SqlStatement statement,
            String table, String constraint, EntityMapping entity) {
        String kind = switch (sqlState) {
            case "23505" -> "unique";
            case "23503" -> "foreign key";
            case "23502" -> "not-null";
            case "23514" -> "check";
            default -> "integrity";
        };
        String advice = switch (kind) {
            case "unique" -> "another row already holds that value; load that row instead (getOrCreate/updateOrCreate"
                    + " do this race-safely) or change the value";
            case "foreign key" -> "the referenced row does not exist (yet) or is still referenced; make sure the parent"
                    + " is in the session or the database, and delete children before parents";
            case "not-null" -> "set the field before flushing, or map the column as nullable";
            default -> "change the values so the constraint holds";
        };
        return new ConstraintViolationException("A " + kind + " constraint rejected a write"
                + (table != null ? " to table \"" + table + "\"" : "")
                + (entity != null ? " (entity " + entity.name() + ")" : "")
                + (constraint != null ? ": constraint \"" + constraint + "\"" : "") + " — " + error.getMessage()
                + ". What to do: " + advice + "." + statement(statement),
                sqlState, table, constraint, name(entity), statement.sql(), error);
    }

    static OrmException rejected(Throwable error, String sqlState, SqlStatement statement) {
        return new OrmException("The database rejected a statement" + state(sqlState) + ": " + error.getMessage()
                + ". PostgreSQL aborted the transaction, if one was open; call rollback() before using the session"
                + " again." + statement(statement), error);
    }

    private static String state(String sqlState) {
        return sqlState == null ? "" : " (SQLSTATE " + sqlState + ")";
    }

    private static String statement(SqlStatement statement) {
        return "\n  statement: " + statement.abbreviated();
    }

    /** {@code , on table "note" (Note.code)}, as far as table, entity and properties are known. */
    private static String target(String table, EntityMapping entity, String properties) {
        if (table == null) {
            return "";
        }
        String mapped = properties != null ? properties : entity != null ? "entity " + entity.name() : null;
        return ", on table \"" + table + "\"" + (mapped != null ? " (" + mapped + ")" : "");
    }

    private static String name(EntityMapping entity) {
        return entity == null ? null : entity.name();
    }
}
