package io.valence.orm.spring;

import io.valence.orm.ConcurrentSessionUseException;
import io.valence.orm.ConnectionLostException;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.DataException;
import io.valence.orm.MappingException;
import io.valence.orm.MultipleResultsException;
import io.valence.orm.NoResultException;
import io.valence.orm.OrmException;
import io.valence.orm.PendingRollbackException;
import io.valence.orm.PoolExhaustedException;
import io.valence.orm.RelationshipNotLoadedException;
import io.valence.orm.SessionClosedException;
import io.valence.orm.StaleObjectException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.TransactionOutcomeUnknownException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Turns Valence's exceptions into Spring's {@link DataAccessException} hierarchy, keeping Valence's
 * message and the original exception as the cause (its getters, such as
 * {@code ConstraintViolationException.constraint()}, stay one {@code getCause()} away).
 *
 * <table>
 * <caption>The translation</caption>
 * <tr><th>Valence</th><th>Spring</th></tr>
 * <tr><td>{@code StaleObjectException}</td><td>{@link OptimisticLockingFailureException}</td></tr>
 * <tr><td>{@code ConstraintViolationException}, unique (23505)</td><td>{@link DuplicateKeyException}</td></tr>
 * <tr><td>{@code ConstraintViolationException}, other</td><td>{@link DataIntegrityViolationException}</td></tr>
 * <tr><td>{@code DataException}</td><td>{@link DataIntegrityViolationException}</td></tr>
 * <tr><td>{@code StatementTimeoutException}, lock timeout (55P03)</td><td>{@link CannotAcquireLockException}</td></tr>
 * <tr><td>{@code StatementTimeoutException}, statement timeout</td><td>{@link QueryTimeoutException}</td></tr>
 * <tr><td>{@code PoolExhaustedException}</td><td>{@link TransientDataAccessResourceException}</td></tr>
 * <tr><td>{@code ConnectionLostException}</td><td>{@link DataAccessResourceFailureException}</td></tr>
 * <tr><td>{@code TransactionOutcomeUnknownException}</td><td>{@link DataAccessResourceFailureException}
 *     (not transient: retrying may apply the writes twice; check first)</td></tr>
 * <tr><td>{@code NoResultException}</td><td>{@link EmptyResultDataAccessException}</td></tr>
 * <tr><td>{@code MultipleResultsException}</td><td>{@link IncorrectResultSizeDataAccessException}</td></tr>
 * <tr><td>{@code ConcurrentSessionUseException}, {@code PendingRollbackException},
 *     {@code SessionClosedException}, {@code RelationshipNotLoadedException},
 *     {@code MappingException}</td><td>{@link InvalidDataAccessApiUsageException}</td></tr>
 * <tr><td>any other {@code OrmException}</td><td>{@link UncategorizedValenceException}</td></tr>
 * </table>
 *
 * <p>Anything that is not an {@link OrmException} is not Valence's to translate: {@link #translateExceptionIfPossible}
 * returns {@code null} for it, as the {@link PersistenceExceptionTranslator} contract asks.
 */
public final class ValenceExceptionTranslator implements PersistenceExceptionTranslator {

    /** Instantiated by the auto-configuration, or by applications that translate themselves. */
    public ValenceExceptionTranslator() {}

    /**
     * Translates a Valence exception.
     *
     * @param error any exception
     * @return Spring's exception with {@code error} as its cause, or {@code null} when {@code error}
     *     is not an {@link OrmException}
     */
    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException error) {
        return error instanceof OrmException orm ? translate(orm) : null;
    }

    /**
     * Translates any failure for a reactive pipeline's {@code onErrorMap}: Valence's exceptions
     * become Spring's, anything else passes unchanged.
     *
     * @param error the failure
     * @return the translated exception, or {@code error} itself
     */
    public Throwable translateIfValence(Throwable error) {
        return error instanceof OrmException orm ? translate(orm) : error;
    }

    private static DataAccessException translate(OrmException error) {
        String message = error.getMessage();
        if (error instanceof StaleObjectException) {
            return new OptimisticLockingFailureException(message, error);
        }
        if (error instanceof ConstraintViolationException violation) {
            return violation.isUniqueViolation()
                    ? new DuplicateKeyException(message, error) : new DataIntegrityViolationException(message, error);
        }
        if (error instanceof DataException) {
            return new DataIntegrityViolationException(message, error);
        }
        if (error instanceof StatementTimeoutException timeout) {
            return timeout.isLockTimeout()
                    ? new CannotAcquireLockException(message, error) : new QueryTimeoutException(message, error);
        }
        if (error instanceof PoolExhaustedException) {
            return new TransientDataAccessResourceException(message, error);
        }
        if (error instanceof ConnectionLostException || error instanceof TransactionOutcomeUnknownException) {
            return new DataAccessResourceFailureException(message, error);
        }
        if (error instanceof NoResultException) {
            return new EmptyResultDataAccessException(message, 1, error);
        }
        if (error instanceof MultipleResultsException) {
            return new IncorrectResultSizeDataAccessException(message, 1, error);
        }
        if (error instanceof ConcurrentSessionUseException || error instanceof PendingRollbackException
                || error instanceof SessionClosedException || error instanceof RelationshipNotLoadedException
                || error instanceof MappingException) {
            return new InvalidDataAccessApiUsageException(message, error);
        }
        return new UncategorizedValenceException(message, error);
    }
}
