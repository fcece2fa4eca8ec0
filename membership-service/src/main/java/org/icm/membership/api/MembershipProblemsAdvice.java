package org.icm.membership.api;

import java.util.List;
import org.icm.membership.organisation.RuleViolation;
import org.icm.service.web.ProblemDetailsAdvice.FieldProblem;
import org.icm.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused command as problem+json: a malformed value is 400 and names its field in {@code errors}; a request the
 * organisation's state does not allow is 422; a caller who may not do this to this organisation gets 403. The
 * problem type ends with the rule's stable code. Nothing was changed in any case.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MembershipProblemsAdvice {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation violation) {
        ProblemDetail problem = switch (violation.kind()) {
            case INVALID_INPUT -> Problems.of(HttpStatus.BAD_REQUEST, violation.code(), "Invalid request", violation.getMessage());
            case CONFLICTS_WITH_STATE -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, violation.code(),
                    "Not allowed in the organisation's current state", violation.getMessage());
            case NOT_ALLOWED -> Problems.of(HttpStatus.FORBIDDEN, violation.code(), "Not allowed", violation.getMessage());
        };
        problem.setProperty("code", violation.code());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(violation.field(), violation.getMessage())));
        }
        return problem;
    }
}
