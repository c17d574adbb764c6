package io.valence.orm.spring;

import io.valence.orm.OrmException;
import org.springframework.dao.UncategorizedDataAccessException;

/**
 * A Valence failure that none of Spring's more specific {@code DataAccessException} types describes
 * (a statement PostgreSQL rejected for another reason, for instance); the {@link OrmException} is
 * the cause and its message is this one's.
 */
public final class UncategorizedValenceException extends UncategorizedDataAccessException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps a Valence exception.
     *
     * @param message Valence's message
     * @param cause the Valence exception
     */
    public UncategorizedValenceException(String message, OrmException cause) {
        super(message, cause);
    }
}
