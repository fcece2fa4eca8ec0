package org.icm.policy.history;

import org.icm.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A history asked of a dossier the event store has never seen is a 404, whichever controller asked. */
@RestControllerAdvice
class UnknownDossierProblem {

    @ExceptionHandler(DossierHistory.UnknownDossier.class)
    ProblemDetail unknown(DossierHistory.UnknownDossier exception) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", exception.getMessage());
    }
}
