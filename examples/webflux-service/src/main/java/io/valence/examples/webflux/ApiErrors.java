package io.valence.examples.webflux;

import io.valence.orm.ConstraintViolationException;
import io.valence.orm.DataException;
import io.valence.orm.TransactionOutcomeUnknownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error leaves the service as an RFC 9457 problem ({@code application/problem+json}): Spring's
 * own (404, 405, 415, unreadable bodies) through {@link ResponseEntityExceptionHandler}, the
 * client's mistakes as 400, and Valence's exceptions, which {@code ValenceTransactions} hands over as
 * Spring's {@link DataAccessException}s: a conflict with stored data 409, a value the database
 * refuses 400, a database that is unreachable, busy or too slow 503, anything else 500. Details name
 * what the client can act on, never SQL; the server log keeps the whole exception.
 */
@RestControllerAdvice
final class ApiErrors extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
    }

    /** A request body whose constructor refused it (a {@link ParentViews.NewParent} check) arrives wrapped. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException error, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause = error.getMostSpecificCause();
        if (cause instanceof IllegalArgumentException) {
            error.getBody().setDetail(cause.getMessage());
        }
        return super.handleServerWebInputException(error, headers, status, exchange);
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail dataAccess(DataAccessException error) {
        ProblemDetail problem = problemFor(error);
        if (problem.getStatus() >= 500) {
            LOG.warn("Answered {}: {}", problem.getStatus(), error.getMessage(), error);
        }
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception error) {
        LOG.error("Answered 500", error);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed on the server.");
    }

    /** The status and detail of a data access failure, from Spring's type and Valence's facts. */
    static ProblemDetail problemFor(DataAccessException error) {
        Throwable cause = error.getCause();
        if (error instanceof DuplicateKeyException || error instanceof DataIntegrityViolationException
                        && cause instanceof ConstraintViolationException) {
            ConstraintViolationException violation = (ConstraintViolationException) cause;
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The request conflicts with data already"
                    + " stored (constraint " + violation.constraint() + " of table " + violation.table() + ").");
        }
        if (error instanceof OptimisticLockingFailureException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Another request changed or deleted this data meanwhile; read it again and retry.");
        }
        if (error instanceof DataIntegrityViolationException && cause instanceof DataException data) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A value was refused by the database"
                    + (data.property() != null ? " (" + data.entityName() + "." + data.property() + ")" : "")
                    + "; correct it and send the request again.");
        }
        if (cause instanceof TransactionOutcomeUnknownException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The connection to the database"
                    + " broke while the change was being committed: it may or may not be stored. Read it back before"
                    + " sending it again.");
        }
        if (error instanceof TransientDataAccessException || error instanceof DataAccessResourceFailureException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is unavailable or busy; retry in a moment.");
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed on the server.");
    }
}
