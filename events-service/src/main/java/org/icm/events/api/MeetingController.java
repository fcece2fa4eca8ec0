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
import org.icm.events.api.Representations.MeetingDetail;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.events.calendar.View;
import org.icm.events.meeting.MeetingCommand.*;
import org.icm.events.meeting.MeetingState;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;

/**
 * ICM meetings: focal points schedule and run them; participants register themselves. Everyone sees a
 * meeting's time and place; members also see who registered, the waiting list, minutes and action points.
 */
@RestController
@RequestMapping("/meetings")
@Tag(name = "Meetings", description = "ICM plenaries, thematic meetings and briefings, with registrations and a waiting list")
class MeetingController {

    private final Writes writes;
    private final CalendarReadModel readModel;
    private final Clock clock;

    MeetingController(Writes writes, CalendarReadModel readModel, Clock clock) {
        this.writes = writes;
        this.readModel = readModel;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Upcoming meetings, soonest first")
    List<MeetingDetail> upcoming(@AuthenticationPrincipal Jwt member) {
        return readModel.upcomingMeetings(clock.instant(), null).stream()
                .map(view -> Representations.meeting(view, member == null ? null : member.getSubject())).toList();
    }

    @GetMapping("/{meetingId}")
    @Operation(summary = "A meeting; with its registrations, waiting list and minutes for signed-in members")
    ResponseEntity<MeetingDetail> get(@PathVariable String meetingId, @AuthenticationPrincipal Jwt member) {
        View<MeetingState> view = readModel.meeting(meetingId).orElseThrow(() -> Reads.notFound("meeting", meetingId));
        return ResponseEntity.ok().eTag(Writes.etag(view.version()))
                .body(Representations.meeting(view, member == null ? null : member.getSubject()));
    }

    @PostMapping
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Schedule a meeting (focal points)")
    ResponseEntity<Map<String, Object>> schedule(@RequestBody Requests.MeetingFields body, Actor actor,
                                                 @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        String id = UUID.randomUUID().toString();
        List<AgendaItemFields> agenda = body.agenda() == null ? List.of()
                : body.agenda().stream().map(item -> item == null ? null : new AgendaItemFields(item.title(), item.dossierId())).toList();
        return writes.create(id, new ScheduleMeeting(id, body.title(), body.type(), body.start(), body.end(), body.timeZone(), body.place(),
                body.onlineLink(), body.capacity(), agenda, clock.instant()), actor, reason, URI.create("/meetings/" + id));
    }

    @PutMapping("/{meetingId}/agenda")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Replace the agenda (focal points); items may link dossiers")
    ResponseEntity<Map<String, Object>> agenda(@PathVariable String meetingId, @RequestBody Requests.Agenda body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        List<AgendaItemFields> items = body.items() == null ? List.of()
                : body.items().stream().map(item -> item == null ? null : new AgendaItemFields(item.title(), item.dossierId())).toList();
        return writes.send(meetingId, new ChangeAgenda(meetingId, expectedVersion(ifMatch), items), actor, reason);
    }

    @PostMapping("/{meetingId}/reschedule")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Move the meeting to another time (focal points)")
    ResponseEntity<Map<String, Object>> reschedule(@PathVariable String meetingId, @RequestBody Requests.Reschedule body, Actor actor,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                   @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(meetingId, new RescheduleMeeting(meetingId, expectedVersion(ifMatch), body.start(), body.end(), body.timeZone(),
                clock.instant()), actor, reason);
    }

    @PutMapping("/{meetingId}/capacity")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Change the capacity (focal points); more places promote the waiting list in order")
    ResponseEntity<Map<String, Object>> capacity(@PathVariable String meetingId, @RequestBody Requests.Capacity body, Actor actor,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(meetingId, new ChangeCapacity(meetingId, expectedVersion(ifMatch), body.capacity()), actor, reason);
    }

    @PostMapping("/{meetingId}/cancel")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Cancel the meeting with a reason (focal points)")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable String meetingId, @RequestBody Requests.Reason body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(meetingId, new CancelMeeting(meetingId, expectedVersion(ifMatch), body.reason()), actor, body.reason());
    }

    @PostMapping("/{meetingId}/held")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Mark the meeting as held (focal points), once it has started")
    ResponseEntity<Map<String, Object>> held(@PathVariable String meetingId, Actor actor,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(meetingId, new MarkMeetingHeld(meetingId, expectedVersion(ifMatch), clock.instant()), actor, null);
    }

    @PutMapping("/{meetingId}/minutes")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Record the minutes and action points of a held meeting (focal points)")
    ResponseEntity<Map<String, Object>> minutes(@PathVariable String meetingId, @RequestBody Requests.Minutes body, Actor actor,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        List<ActionPointFields> points = body.actionPoints() == null ? List.of() : body.actionPoints().stream()
                .map(p -> p == null ? null : new ActionPointFields(p.description(), p.owningOrganisation(), p.dueDate())).toList();
        return writes.send(meetingId, new RecordMinutes(meetingId, expectedVersion(ifMatch), body.minutes(), points), actor, reason);
    }

    @PostMapping("/{meetingId}/registrations")
    @PreAuthorize("hasAnyRole('PARTICIPANT', 'FOCAL_POINT')")
    @Operation(summary = "Register yourself: a place, or a place on the waiting list when the meeting is full")
    ResponseEntity<Map<String, Object>> register(@PathVariable String meetingId, Actor actor) {
        return writes.send(meetingId, new RegisterParticipant(meetingId, actor.account().toString(), actor.organisation().toString(),
                clock.instant()), actor, null);
    }

    @DeleteMapping("/{meetingId}/registrations/mine")
    @PreAuthorize("hasAnyRole('PARTICIPANT', 'FOCAL_POINT')")
    @Operation(summary = "Unregister yourself; the first on the waiting list gets your place")
    ResponseEntity<Map<String, Object>> unregister(@PathVariable String meetingId, Actor actor) {
        return writes.send(meetingId, new UnregisterParticipant(meetingId, actor.account().toString(), clock.instant()), actor, null);
    }
}
