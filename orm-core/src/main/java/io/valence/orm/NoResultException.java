package io.valence.orm;

/**
 * A query that must return exactly one row returned none.
 */
public class NoResultException extends OrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which entity or statement, and what to do
     */
    public NoResultException(String message) {
        super(message);
    }
}
