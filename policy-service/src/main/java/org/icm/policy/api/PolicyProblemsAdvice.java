package org.icm.policy.api;

import java.util.List;
import org.icm.policy.dossier.RuleViolation;
import org.icm.service.web.ProblemDetailsAdvice.FieldProblem;
import org.icm.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused command as problem+json: a malformed value is 400 and names its field in {@code errors};
 * a well-formed request the dossier's state does not allow is 422. The problem type ends with the rule's
 * stable code ({@code urn:icm:problem:step-after-exit}). Nothing was changed in either case.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyProblemsAdvice {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation violation) {
        boolean invalid = violation.kind() == RuleViolation.Kind.INVALID_INPUT;
        ProblemDetail problem = Problems.of(invalid ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT, violation.code(),
                invalid ? "Invalid request" : "Not allowed in the dossier's current state", violation.getMessage());
        problem.setProperty("code", violation.code());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(violation.field(), violation.getMessage())));
        }
        return problem;
    }
}
