package io.valence.orm;

/**
 * The session's transaction was rolled back by a failed flush or left in doubt by a cancelled
 * flush or commit. Every operation fails with this exception until {@code rollback()} is called;
 * the original failure is the cause.
 */
public class PendingRollbackException extends OrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and that {@code rollback()} is needed
     * @param cause the failure that left the transaction unusable
     */
    public PendingRollbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
