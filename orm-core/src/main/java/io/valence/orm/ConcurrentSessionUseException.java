package io.valence.orm;

/**
 * A session operation was subscribed while another operation of the same session was in flight. A session allows one operation at a time; use a separate session for each concurrent task, for example through {@code SessionFactory.fanOut(...)}.
 */
public class ConcurrentSessionUseException extends OrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which entity or statement, and what to do
     */
    public ConcurrentSessionUseException(String message) {
        super(message);
    }
}
