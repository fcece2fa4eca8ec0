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
import org.icm.events.api.Representations.EuEventDetail;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.events.calendar.View;
import org.icm.events.euevent.EuEventCommand.*;
import org.icm.events.euevent.EuEventState;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

/** Hearings, conferences and briefings of EU institutions: public to read, announced by focal points. */
@RestController
@RequestMapping("/eu-events")
@Tag(name = "EU events", description = "Hearings, conferences and briefings of EU institutions that concern ICM's dossiers")
class EuEventController {

    private final Writes writes;
    private final CalendarReadModel readModel;
    private final Clock clock;

    EuEventController(Writes writes, CalendarReadModel readModel, Clock clock) {
        this.writes = writes;
        this.readModel = readModel;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Upcoming EU events, soonest first")
    List<EuEventDetail> upcoming() {
        return readModel.upcomingEuEvents(clock.instant(), null, false).stream().map(Representations::euEvent).toList();
    }

    @GetMapping("/{euEventId}")
    ResponseEntity<EuEventDetail> get(@PathVariable String euEventId) {
        View<EuEventState> view = readModel.euEvent(euEventId).orElseThrow(() -> Reads.notFound("EU event", euEventId));
        return ResponseEntity.ok().eTag(Writes.etag(view.version())).body(Representations.euEvent(view));
    }

    @PostMapping
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Announce an EU event (focal points)")
    ResponseEntity<Map<String, Object>> announce(@RequestBody Requests.EuEventFields body, Actor actor,
                                                 @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String id = UUID.randomUUID().toString();
        return writes.create(id, new AnnounceEuEvent(id, fields(body)), actor, reason, URI.create("/eu-events/" + id));
    }

    @PutMapping("/{euEventId}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Update an EU event, all of it (focal points)")
    ResponseEntity<Map<String, Object>> update(@PathVariable String euEventId, @RequestBody Requests.EuEventFields body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(euEventId, new UpdateEuEvent(euEventId, expectedVersion(ifMatch), fields(body)), actor, reason);
    }

    @PostMapping("/{euEventId}/cancel")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Cancel an EU event with a reason (focal points)")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable String euEventId, @RequestBody Requests.Reason body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(euEventId, new CancelEuEvent(euEventId, expectedVersion(ifMatch), body.reason()), actor, body.reason());
    }

    private static EuEventFields fields(Requests.EuEventFields body) {
        return body == null ? null : new EuEventFields(body.institution(), body.title(), body.start(), body.end(),
                body.timeZone() == null ? "Europe/Brussels" : body.timeZone(), body.link(), body.dossierIds());
    }
}
