package io.valence.orm;

/**
 * A statement ran past its limit (SQLSTATE 57014, {@code statement_timeout} or a cancel request)
 * or waited for a lock past its limit (55P03, {@code lock_timeout} or {@code NOWAIT}). PostgreSQL
 * aborted the transaction: call {@code rollback()}, then retry or raise the limit
 * ({@code SessionFactory.Builder.statementTimeout}/{@code lockTimeout}).
 */
public class StatementTimeoutException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String sql;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which statement, and what to do
     * @param sqlState 57014 or 55P03
     * @param sql the statement that timed out, or {@code null}
     * @param cause the driver's exception
     */
    public StatementTimeoutException(String message, String sqlState, String sql, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.sql = sql;
    }

    /**
     * The SQLSTATE PostgreSQL reported.
     *
     * @return 57014 (statement timeout or cancel) or 55P03 (lock not available)
     */
    public String sqlState() {
        return sqlState;
    }

    /**
     * The statement that timed out.
     *
     * @return the SQL text, or {@code null}
     */
    public String sql() {
        return sql;
    }

    /**
     * Whether the limit was a lock wait's rather than the whole statement's.
     *
     * @return true for 55P03
     */
    public boolean isLockTimeout() {
        return "55P03".equals(sqlState);
    }
}
