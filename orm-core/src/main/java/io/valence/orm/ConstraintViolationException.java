package io.valence.orm;

/**
 * The database rejected a statement because of a unique, foreign key, not-null or check
 * constraint. The message names the table, the constraint as PostgreSQL names it, the entity and
 * the statement; the driver's exception is the cause.
 */
public class ConstraintViolationException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String constraint;
    private final String entityType;
    private final String sql;

    /**
     * Creates the exception.
     *
     * @param message the full message
     * @param table the table PostgreSQL reported, or {@code null}
     * @param constraint the constraint PostgreSQL reported, or {@code null}
     * @param entityType the simple name of the entity mapped to the table, or {@code null}
     * @param sql the statement that failed, or {@code null}
     * @param cause the driver's exception
     */
    public ConstraintViolationException(
            String message, String table, String constraint, String entityType, String sql, Throwable cause) {
        super(message, cause);
        this.table = table;
        this.constraint = constraint;
        this.entityType = entityType;
        this.sql = sql;
    }

    /**
     * The table PostgreSQL reported.
     *
     * @return the table name, or {@code null} when the server did not say
     */
    public String table() {
        return table;
    }

    /**
     * The violated constraint as PostgreSQL names it.
     *
     * @return the constraint name, or {@code null} when the server did not say
     */
    public String constraint() {
        return constraint;
    }

    /**
     * The entity mapped to the table.
     *
     * @return the entity's simple class name, or {@code null} when no entity maps the table
     */
    public String entityType() {
        return entityType;
    }

    /**
     * The statement that failed.
     *
     * @return the SQL text, or {@code null}
     */
    public String sql() {
        return sql;
    }
}
