package io.valence.orm;

/**
 * The connection broke while COMMIT was in flight: the server may have committed the transaction
 * or not, and the session cannot tell. It is not "rolled back". Check whether the transaction's
 * writes are in the database (for example by reading a row it wrote, in a new session) before
 * retrying. The session needs {@code rollback()} before it is used again.
 */
public class TransactionOutcomeUnknownException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what happened, that the outcome is unknown, and how to check it
     * @param sqlState the SQLSTATE the driver reported, or {@code null}
     * @param cause the driver's exception
     */
    public TransactionOutcomeUnknownException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
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
     * The statement whose outcome is unknown.
     *
     * @return always {@code "COMMIT"}
     */
    public String sql() {
        return "COMMIT";
    }
}
