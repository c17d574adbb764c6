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
    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message the full message
     * @param sqlState the SQLSTATE of class 23 PostgreSQL reported (23505 unique, 23503 foreign key,
     *     23502 not-null, 23514 check, 23P01 exclusion)
     * @param table the table PostgreSQL reported, or {@code null}
     * @param constraint the constraint PostgreSQL reported, or {@code null}
     * @param entityType the simple name of the entity mapped to the table, or {@code null}
     * @param sql the statement that failed, or {@code null}
     * @param cause the driver's exception, or {@code null} when Valence detected the conflict itself
     */
    public ConstraintViolationException(String message, String sqlState, String table, String constraint,
            String entityType, String sql, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.table = table;
        this.constraint = constraint;
        this.entityType = entityType;
        this.sql = sql;
    }

    /**
     * The kind of constraint, as PostgreSQL's SQLSTATE says it.
     *
     * @return 23505 (unique), 23503 (foreign key), 23502 (not-null), 23514 (check), 23P01
     *     (exclusion)
     */
    public String sqlState() {
        return sqlState;
    }

    /**
     * Whether a unique constraint (or primary key) was violated: another row holds the value.
     *
     * @return {@code true} for SQLSTATE 23505
     */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState);
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
