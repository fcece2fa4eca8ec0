package org.icm.service.axon;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.icm.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What Axon's refusals mean over HTTP: an unknown aggregate is 404; a command that named a version the
 * aggregate has moved past (If-Match) is 412; two writers racing for the same sequence number is 409.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemsAdvice {

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing with id " + exception.getAggregateIdentifier() + ".");
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException exception) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed since you read it",
                "It is at version " + exception.getActualVersion() + " now, not " + exception.getExpectedVersion()
                        + ": read it again, then decide.");
        problem.setProperty("currentVersion", exception.getActualVersion());
        return problem;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException exception) {
        return Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists", "Something with this id exists already; nothing was changed.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException exception) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-write", "Changed at the same moment",
                "Someone else changed it at the same moment; nothing of yours was applied. Read it again and retry.");
    }
}
