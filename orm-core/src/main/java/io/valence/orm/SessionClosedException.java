package io.valence.orm;

/**
 * The session was used after {@code close()}; open a new session.
 */
public class SessionClosedException extends OrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which entity or statement, and what to do
     */
    public SessionClosedException(String message) {
        super(message);
    }
}
