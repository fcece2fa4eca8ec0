package org.icm.policy.api;

import static org.icm.service.web.Writes.REASON_HEADER;
import static org.icm.service.web.Writes.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.icm.policy.dossier.DossierCommand.AddMeasure;
import org.icm.policy.dossier.DossierCommand.CorrectProcedureStep;
import org.icm.policy.dossier.DossierCommand.EditMeasure;
import org.icm.policy.dossier.DossierCommand.RecordProcedureStep;
import org.icm.policy.dossier.DossierCommand.SetMeasureKeyDates;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The measures of a dossier and the steps of their EU procedures, recorded by focal points. */
@RestController
@RequestMapping("/dossiers/{dossierId}/measures")
@PreAuthorize("hasRole('FOCAL_POINT')")
@Tag(name = "Measures", description = "Acts inside a dossier and the steps of their EU procedures")
class MeasureController {

    private final Writes writes;
    private final Clock clock;

    MeasureController(Writes writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Add a measure")
    ResponseEntity<Map<String, Object>> add(@PathVariable String dossierId, @RequestBody Requests.MeasureFields body, Actor actor,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String measureId = UUID.randomUUID().toString();
        return writes.create(measureId, new AddMeasure(dossierId, expectedVersion(ifMatch), measureId, body.title(), body.type(),
                body.procedureReference(), body.comReference(), body.celexNumber(), body.finalAct()), actor, reason,
                URI.create("/dossiers/" + dossierId + "/measures/" + measureId));
    }

    @PutMapping("/{measureId}")
    @Operation(summary = "Edit a measure's title, type, procedure reference, COM and CELEX numbers")
    ResponseEntity<Map<String, Object>> edit(@PathVariable String dossierId, @PathVariable String measureId,
                                             @RequestBody Requests.MeasureFields body, Actor actor,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new EditMeasure(dossierId, expectedVersion(ifMatch), measureId, body.title(), body.type(),
                body.procedureReference(), body.comReference(), body.celexNumber(), body.finalAct()), actor, reason);
    }

    @PostMapping("/{measureId}/steps")
    @Operation(summary = "Record a step of the EU procedure, with the date it happened")
    ResponseEntity<Map<String, Object>> recordStep(@PathVariable String dossierId, @PathVariable String measureId,
                                                   @RequestBody Requests.StepFields body, Actor actor,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                   @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String stepId = UUID.randomUUID().toString();
        return writes.create(stepId, new RecordProcedureStep(dossierId, expectedVersion(ifMatch), measureId, stepId, body.stage(),
                body.effectiveDate(), body.note(), body.documentReference(), today()), actor, reason,
                URI.create("/dossiers/" + dossierId + "/measures/" + measureId + "/steps/" + stepId));
    }

    @PutMapping("/{measureId}/steps/{stepId}")
    @Operation(summary = "Correct a recorded step, with a reason; the history keeps what was recorded before")
    ResponseEntity<Map<String, Object>> correctStep(@PathVariable String dossierId, @PathVariable String measureId,
                                                    @PathVariable String stepId, @RequestBody Requests.Correction body, Actor actor,
                                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(dossierId, new CorrectProcedureStep(dossierId, expectedVersion(ifMatch), measureId, stepId, body.stage(),
                body.effectiveDate(), body.note(), body.documentReference(), body.reason(), today()), actor, body.reason());
    }

    @PutMapping("/{measureId}/key-dates")
    @Operation(summary = "Set entry into force, application and transposition deadline")
    ResponseEntity<Map<String, Object>> keyDates(@PathVariable String dossierId, @PathVariable String measureId,
                                                 @RequestBody Requests.KeyDates body, Actor actor,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(dossierId, new SetMeasureKeyDates(dossierId, expectedVersion(ifMatch), measureId, body.entryIntoForce(),
                body.application(), body.transpositionDeadline()), actor, reason);
    }

    /** Effective dates are judged by the calendar of Brussels, where the procedures happen. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
