package io.valence.orm;

/**
 * The connection to the database broke while a statement was running (SQLSTATE class 08, or the
 * server ending the session: 57P01, 57P02, 57P04…). The transaction is gone and nothing of it was
 * committed: call {@code rollback()}, after which the session continues on a fresh connection.
 */
public class ConnectionLostException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String sql;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which statement, and what to do
     * @param sqlState the SQLSTATE the driver or server reported, or {@code null}
     * @param sql the statement that was running, or {@code null}
     * @param cause the driver's exception
     */
    public ConnectionLostException(String message, String sqlState, String sql, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.sql = sql;
    }

    /**
     * The SQLSTATE reported with the failure.
     *
     * @return the SQLSTATE, or {@code null} when none was reported
     */
    public String sqlState() {
        return sqlState;
    }

    /**
     * The statement that was running when the connection broke.
     *
     * @return the SQL text, or {@code null} when none was running
     */
    public String sql() {
        return sql;
    }
}
