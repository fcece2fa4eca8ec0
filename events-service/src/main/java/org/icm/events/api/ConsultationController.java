package org.icm.events.api;

import static org.icm.service.web.Writes.REASON_HEADER;
import static org.icm.service.web.Writes.expectedVersion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.events.api.Representations.ConsultationDetail;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.events.calendar.View;
import org.icm.events.consultation.ConsultationCommand.*;
import org.icm.events.consultation.ConsultationState;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/** European Commission consultations ICM follows: public to read; focal points open them and plan joint responses. */
@RestController
@RequestMapping("/consultations")
@Tag(name = "Consultations", description = "\"Have your say\" consultations, their deadlines and ICM's joint responses")
class ConsultationController {

    private final Writes writes;
    private final CalendarReadModel readModel;
    private final Clock clock;

    ConsultationController(Writes writes, CalendarReadModel readModel, Clock clock) {
        this.writes = writes;
        this.readModel = readModel;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Consultations open now, nearest deadline first")
    List<ConsultationDetail> open(@RequestParam(required = false) String dossier) {
        return readModel.openConsultations(clock.instant(), dossier == null ? null : List.of(dossier)).stream()
                .map(Representations::consultation).toList();
    }

    @GetMapping("/{consultationId}")
    ResponseEntity<ConsultationDetail> get(@PathVariable String consultationId) {
        View<ConsultationState> view = readModel.consultation(consultationId).orElseThrow(() -> Reads.notFound("consultation", consultationId));
        return ResponseEntity.ok().eTag(Writes.etag(view.version())).body(Representations.consultation(view));
    }

    @PostMapping
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Open a consultation (focal points)")
    ResponseEntity<Map<String, Object>> openConsultation(@RequestBody Requests.ConsultationFields body, Actor actor,
                                                         @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String id = UUID.randomUUID().toString();
        return writes.create(id, new OpenConsultation(id, body.type(), body.directorateGeneral(), body.title(), body.link(), body.opensAt(),
                body.closesAt(), body.dossierId(), body.measureId(), clock.instant()), actor, reason, URI.create("/consultations/" + id));
    }

    @PutMapping("/{consultationId}/deadline")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Change the deadline (focal points)")
    ResponseEntity<Map<String, Object>> deadline(@PathVariable String consultationId, @RequestBody Requests.Deadline body, Actor actor,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(consultationId, new ChangeConsultationDeadline(consultationId, expectedVersion(ifMatch), body.closesAt(),
                clock.instant()), actor, reason);
    }

    @PostMapping("/{consultationId}/joint-response")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Plan an ICM joint response, led by an organisation (focal points)")
    ResponseEntity<Map<String, Object>> plan(@PathVariable String consultationId, @RequestBody Requests.JointResponse body, Actor actor,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(consultationId, new PlanJointResponse(consultationId, expectedVersion(ifMatch), body.leadOrganisation()), actor, null);
    }

    @PostMapping("/{consultationId}/joint-response/submission")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Record the joint response as submitted, with its link (focal points)")
    ResponseEntity<Map<String, Object>> submitted(@PathVariable String consultationId, @RequestBody Requests.Link body, Actor actor,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(consultationId, new RecordJointResponseSubmitted(consultationId, expectedVersion(ifMatch), body.link()), actor, null);
    }
}
