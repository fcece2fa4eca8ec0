package org.icm.events.api;

import java.util.List;
import org.icm.events.common.RuleViolation;
import org.icm.service.web.ProblemDetailsAdvice.FieldProblem;
import org.icm.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused command as problem+json: a malformed value is 400 and names its field in {@code errors}; a
 * well-formed request the state does not allow is 422; someone else's bulletin is 403. The problem type ends
 * with the rule's stable code ({@code urn:icm:problem:registration-closed}). Nothing was changed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventsProblemsAdvice {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case CONFLICTS_WITH_STATE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_YOURS -> HttpStatus.FORBIDDEN;
        };
        String title = switch (violation.kind()) {
            case INVALID_INPUT -> "Invalid request";
            case CONFLICTS_WITH_STATE -> "Not allowed in the current state";
            case NOT_YOURS -> "Not yours to change";
        };
        ProblemDetail problem = Problems.of(status, violation.code(), title, violation.getMessage());
        problem.setProperty("code", violation.code());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(violation.field(), violation.getMessage())));
        }
        return problem;
    }
}
