package io.valence.orm;

/**
 * A value the database rejects or would silently change: too long for its column (22001), a NUL
 * byte in text (22021), out of range (22003, 22008), and values outside PostgreSQL's range that
 * Valence refuses before any SQL is sent (a {@code LocalDate} before 4713 BC, {@code Instant.MAX}).
 * When the database rejected the value, the transaction is aborted: call {@code rollback()}; when
 * Valence refused it first, nothing was sent and the session is intact.
 */
public class DataException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String sql;
    private final String entityName;
    private final String property;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which value, and what to do
     * @param sqlState the SQLSTATE PostgreSQL reported, or {@code null} when Valence refused the value first
     * @param sql the statement, or {@code null} when none was sent
     * @param entityName the entity's simple name, or {@code null} when not known
     * @param property the property holding the value, or {@code null} when not known
     * @param cause the driver's exception, or {@code null}
     */
    public DataException(
            String message, String sqlState, String sql, String entityName, String property, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.sql = sql;
        this.entityName = entityName;
        this.property = property;
    }

    /**
     * The SQLSTATE PostgreSQL reported.
     *
     * @return the SQLSTATE (class 22), or {@code null} when Valence refused the value before any SQL
     */
    public String sqlState() {
        return sqlState;
    }

    /**
     * The statement that carried the value.
     *
     * @return the SQL text, or {@code null} when none was sent
     */
    public String sql() {
        return sql;
    }

    /**
     * The entity whose value was refused.
     *
     * @return the entity's simple class name, or {@code null} when not known
     */
    public String entityName() {
        return entityName;
    }

    /**
     * The property whose value was refused.
     *
     * @return the property name, or {@code null} when not known
     */
    public String property() {
        return property;
    }
}
