package io.valence.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

/** The translation table as data: each Valence exception, the Spring type it becomes, the original as cause. */
class ValenceExceptionTranslatorTest {
    private final ValenceExceptionTranslator translator = new ValenceExceptionTranslator();

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new StaleObjectException("stale", "Note", 1L), OptimisticLockingFailureException.class),
                Arguments.of(violation("23505"), DuplicateKeyException.class),
                Arguments.of(violation("23503"), DataIntegrityViolationException.class),
                Arguments.of(violation("23502"), DataIntegrityViolationException.class),
                Arguments.of(new DataException("too long", "22001", "insert", "Note", "text", null),
                        DataIntegrityViolationException.class),
                Arguments.of(new StatementTimeoutException("timeout", "57014", "select", null), QueryTimeoutException.class),
                Arguments.of(new StatementTimeoutException("lock", "55P03", "select", null), CannotAcquireLockException.class),
                Arguments.of(new PoolExhaustedException("exhausted", 10, Duration.ofSeconds(5), null),
                        TransientDataAccessResourceException.class),
                Arguments.of(new ConnectionLostException("lost", "08006", "select", null),
                        DataAccessResourceFailureException.class),
                Arguments.of(new TransactionOutcomeUnknownException("unknown", "08006", null),
                        DataAccessResourceFailureException.class),
                Arguments.of(new NoResultException("none"), EmptyResultDataAccessException.class),
                Arguments.of(new MultipleResultsException("several"), IncorrectResultSizeDataAccessException.class),
                Arguments.of(new ConcurrentSessionUseException("busy"), InvalidDataAccessApiUsageException.class),
                Arguments.of(new PendingRollbackException("roll back", null), InvalidDataAccessApiUsageException.class),
                Arguments.of(new SessionClosedException("closed"), InvalidDataAccessApiUsageException.class),
                Arguments.of(new RelationshipNotLoadedException("Parent", "children"),
                        InvalidDataAccessApiUsageException.class),
                Arguments.of(new MappingException("not mapped"), InvalidDataAccessApiUsageException.class),
                Arguments.of(new OrmException("rejected"), UncategorizedValenceException.class));
    }

    @ParameterizedTest
    @MethodSource("table")
    void translatesEachValenceExceptionKeepingItsMessageAndTheOriginalAsCause(
            OrmException error, Class<? extends DataAccessException> expected) {
        DataAccessException translated = translator.translateExceptionIfPossible(error);

        assertThat(translated).isExactlyInstanceOf(expected).hasMessage(error.getMessage());
        assertThat(translated.getCause()).isSameAs(error);
        assertThat(translator.translateIfValence(error)).isExactlyInstanceOf(expected);
    }

    @Test
    void leavesExceptionsThatAreNotValencesAlone() {
        IllegalArgumentException foreign = new IllegalArgumentException("not ours");

        assertThat(translator.translateExceptionIfPossible(foreign)).isNull();
        assertThat(translator.translateIfValence(foreign)).isSameAs(foreign);
    }

    private static ConstraintViolationException violation(String sqlState) {
        return new ConstraintViolationException("violated", sqlState, "note", "note_code_key", "Note", "insert", null);
    }
}
