package org.icm.service.web;

import java.util.List;
import org.icm.service.rules.RuleViolation;
import org.icm.service.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused command as problem+json: a malformed value is 400 and names its field in {@code errors}; a
 * well-formed request the aggregate's state does not allow is 422; a caller who may not do this gets 403. The
 * problem type ends with the rule's stable code ({@code urn:icm:problem:step-after-exit}), repeated as
 * {@code code}. Nothing was changed in any case. A service may name its aggregate in the titles of 422 and 403
 * with {@code icm.rules.titles.conflicts-with-state} and {@code icm.rules.titles.not-allowed}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RuleViolationProblemsAdvice {

    private final String conflictTitle;
    private final String notAllowedTitle;

    public RuleViolationProblemsAdvice(
            @Value("${icm.rules.titles.conflicts-with-state:Not allowed in the current state}") String conflictTitle,
            @Value("${icm.rules.titles.not-allowed:Not allowed}") String notAllowedTitle) {
        this.conflictTitle = conflictTitle;
        this.notAllowedTitle = notAllowedTitle;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation violation) {
        ProblemDetail problem = switch (violation.kind()) {
            case INVALID_INPUT -> Problems.of(HttpStatus.BAD_REQUEST, violation.code(), "Invalid request", violation.getMessage());
            case CONFLICTS_WITH_STATE -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, violation.code(), conflictTitle, violation.getMessage());
            case NOT_ALLOWED -> Problems.of(HttpStatus.FORBIDDEN, violation.code(), notAllowedTitle, violation.getMessage());
        };
        problem.setProperty("code", violation.code());
        List<FieldProblem> errors = violation.fieldRefusals().stream().filter(refusal -> refusal.field() != null)
                .map(refusal -> new FieldProblem(refusal.field(), refusal.getMessage(), refusal.code())).toList();
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
