package io.valence.orm.reactive.internal.execution;

import io.r2dbc.spi.R2dbcException;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.OrmException;
import io.valence.orm.internal.mapping.EntityMapping;
import io.valence.orm.internal.mapping.Metamodel;
import io.valence.orm.internal.sql.SqlStatement;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns driver exceptions into Valence's: constraint violations (SQLSTATE class 23) become
 * {@link ConstraintViolationException} naming the table, the constraint and the entity; a lost
 * connection (class 08, or the server ending the session) says so and what to do; others keep
 * their type and gain the statement in a wrapping {@link OrmException}. Table and constraint are
 * read from PostgreSQL's message (or the statement's target), since the R2DBC SPI does not
 * expose the server's error fields.
 */
public final class ErrorTranslator {
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern TABLE = Pattern.compile("(?:on table|of relation|relation) \"([^\"]+)\"");
    private static final Pattern STATEMENT_TABLE = Pattern.compile("(?:INSERT INTO|UPDATE|DELETE FROM) \"([^\"]+)\"");
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
     * @return the exception to raise
     */
    public Throwable translate(Throwable error, SqlStatement statement) {
        if (error instanceof OrmException || !(error instanceof R2dbcException database)) {
            return error;
        }
        String state = database.getSqlState();
        if (state != null && state.startsWith("23")) {
            return constraintViolation(database, statement);
        }
        if (state != null && (state.startsWith("08") || SESSION_ENDED.contains(state))) {
            return new OrmException("The connection to the database was lost (SQLSTATE " + state + "): "
                    + database.getMessage() + ". The transaction is gone and nothing of it was committed; call"
                    + " rollback(), after which the session continues on a fresh connection.\n  statement: "
                    + statement.abbreviated(), database);
        }
        return new OrmException("The database rejected a statement (SQLSTATE " + state + "): " + database.getMessage()
                + "\n  statement: " + statement.abbreviated(), database);
    }

    private ConstraintViolationException constraintViolation(R2dbcException error, SqlStatement statement) {
        String message = String.valueOf(error.getMessage());
        String constraint = find(CONSTRAINT, message);
        // unique violations do not name the table; the statement's target does
        String table = find(TABLE, message);
        if (table == null) {
            table = find(STATEMENT_TABLE, statement.sql());
        }
        EntityMapping entity = table == null ? null : metamodel.byTable(table);
        String kind = switch (error.getSqlState()) {
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
                + (constraint != null ? ": constraint \"" + constraint + "\"" : "") + " — " + message
                + ". What to do: " + advice + ".\n  statement: " + statement.abbreviated(),
                table, constraint, entity != null ? entity.name() : null, statement.sql(), error);
    }

    private static String find(Pattern pattern, String message) {
        Matcher matcher = pattern.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }
}
