package io.valence.orm;

/**
 * Root of every exception Valence throws. Unchecked: reactive pipelines deliver it through
 * {@code onError}, and argument mistakes throw it at the call.
 */
public class OrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what happened, to what, and what to do.
     *
     * @param message the full message
     */
    public OrmException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause it wraps.
     *
     * @param message the full message
     * @param cause the underlying failure, kept for diagnosis
     */
    public OrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
