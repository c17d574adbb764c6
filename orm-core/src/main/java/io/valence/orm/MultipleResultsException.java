package io.valence.orm;

/**
 * A query that must return at most one row returned several.
 */
public class MultipleResultsException extends OrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, to which entity or statement, and what to do
     */
    public MultipleResultsException(String message) {
        super(message);
    }
}
