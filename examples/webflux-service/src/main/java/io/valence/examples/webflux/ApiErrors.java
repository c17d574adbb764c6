package io.valence.examples.webflux;

import io.valence.orm.ConstraintViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Maps the errors a client causes to RFC 9457 problem responses; anything else stays a 500. */
@RestControllerAdvice
final class ApiErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
    }

    /** A request body whose constructor refused it (a {@link ParentViews.NewParent} check) arrives wrapped. */
    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail unreadableBody(ServerWebInputException error) {
        Throwable cause = error.getMostSpecificCause();
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                cause instanceof IllegalArgumentException ? cause.getMessage() : error.getReason());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail conflict(ConstraintViolationException error) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The request conflicts with a row already stored (constraint " + error.constraint() + " of table "
                        + error.table() + ")");
    }
}
