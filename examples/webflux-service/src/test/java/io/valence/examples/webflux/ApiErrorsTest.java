package io.valence.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.valence.orm.ConnectionLostException;
import io.valence.orm.ConstraintViolationException;
import io.valence.orm.DataException;
import io.valence.orm.OrmException;
import io.valence.orm.PoolExhaustedException;
import io.valence.orm.StaleObjectException;
import io.valence.orm.StatementTimeoutException;
import io.valence.orm.TransactionOutcomeUnknownException;
import io.valence.orm.spring.ValenceExceptionTranslator;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;

/**
 * What a client is told for each of Valence's failures, once {@code ValenceTransactions} has made it
 * a Spring {@code DataAccessException}: a status it can act on and a detail without SQL.
 */
class ApiErrorsTest {
    private static final String INSERT = "INSERT INTO \"tag\" (\"name\") VALUES ($1)";

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConstraintViolationException("unique", "23505", "tag", "tag_name_key", "Tag", INSERT, null),
                        409, "The request conflicts with data already stored (constraint tag_name_key of table tag)."),
                Arguments.of(new ConstraintViolationException("fk", "23503", "child", "child_parent_id_fkey", "Child",
                        INSERT, null), 409,
                        "The request conflicts with data already stored (constraint child_parent_id_fkey of table child)."),
                Arguments.of(new StaleObjectException("stale", "Parent", 1L), 409,
                        "Another request changed or deleted this data meanwhile; read it again and retry."),
                Arguments.of(new DataException("too long", "22001", INSERT, "Tag", "name", null), 400,
                        "A value was refused by the database (Tag.name); correct it and send the request again."),
                Arguments.of(new PoolExhaustedException("exhausted", 10, Duration.ofSeconds(5), null), 503,
                        "The database is unavailable or busy; retry in a moment."),
                Arguments.of(new ConnectionLostException("lost", "08006", INSERT, null), 503,
                        "The database is unavailable or busy; retry in a moment."),
                Arguments.of(new StatementTimeoutException("timeout", "57014", INSERT, null), 503,
                        "The database is unavailable or busy; retry in a moment."),
                Arguments.of(new StatementTimeoutException("lock", "55P03", INSERT, null), 503,
                        "The database is unavailable or busy; retry in a moment."),
                Arguments.of(new TransactionOutcomeUnknownException("unknown", "08006", null), 500,
                        "The connection to the database broke while the change was being committed: it may or may not"
                                + " be stored. Read it back before sending it again."),
                Arguments.of(new OrmException("rejected"), 500, "The request failed on the server."));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void answersEachTranslatedValenceFailureWithAStatusTheClientCanActOn(OrmException failure, int status, String detail) {
        ProblemDetail problem = ApiErrors.problemFor(new ValenceExceptionTranslator().translateExceptionIfPossible(failure));

        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getDetail()).isEqualTo(detail);
    }
}
