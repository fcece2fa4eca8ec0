package org.icm.events.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.icm.events.calendar.CalendarItems.Item;
import org.icm.events.dossiers.DossierReplica;
import org.icm.kernel.vocabulary.Country;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

/**
 * The upcoming calendar (meetings, EU events, consultation deadlines) as JSON, filtered by dossier or policy
 * area and by country, and the same as iCalendar feeds: one file per meeting, a public feed, and a personal feed of an
 * account's registrations behind a secret URL. Policy areas and the countries with national facts come from the
 * dossier replica fed by Kafka.
 */
@RestController
@Tag(name = "Calendar", description = "The upcoming calendar and its iCalendar (RFC 5545) feeds")
class CalendarController {

    private final CalendarReadModel readModel;
    private final DossierReplica dossiers;
    private final FeedTokens tokens;
    private final Clock clock;

    CalendarController(CalendarReadModel readModel, DossierReplica dossiers, FeedTokens tokens, Clock clock) {
        this.readModel = readModel;
        this.dossiers = dossiers;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    @Operation(summary = "Upcoming meetings, EU events and consultation deadlines, soonest first",
            description = "Filter by one dossier (dossier=<id>) or by a policy area (policyArea=ASYLUM), not both; and by a country "
                    + "(country=GR, ISO 3166-1 alpha-2): the items linked to a dossier with national implementation recorded for it.")
    List<Item> upcoming(@RequestParam(required = false) String dossier, @RequestParam(required = false) PolicyArea policyArea,
                        @RequestParam(required = false) String country) {
        if (dossier != null && policyArea != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "filter by dossier or by policyArea, not both");
        }
        if (country != null && !Country.isValid(country)) {
            throw RuleViolation.invalid("country", "unknown-country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code such as GR");
        }
        // a draft dossier never shows in the public calendar: not as a filter, not among an item's dossiers
        if (dossier != null && !dossiers.drafts(List.of(dossier)).isEmpty()) {
            return List.of();
        }
        List<String> dossierIds = dossier != null ? List.of(dossier) : policyArea != null ? dossiers.idsIn(policyArea) : null;
        if (country != null) {
            // the country narrows the other filters: of their dossiers, those with that country's national facts
            Set<String> national = Set.copyOf(dossiers.idsWithNationalFactsIn(country));
            dossierIds = dossierIds == null ? List.copyOf(national) : dossierIds.stream().filter(national::contains).toList();
        }
        Instant now = clock.instant();
        List<Item> items = CalendarItems.items(readModel.upcomingMeetings(now, dossierIds), readModel.upcomingEuEvents(now, dossierIds, false),
                readModel.openConsultations(now, dossierIds));
        java.util.Set<String> drafts = dossiers.drafts(items.stream().flatMap(item -> item.dossierIds().stream()).distinct().toList());
        return items.stream().map(item -> item.dossierIds().stream().noneMatch(drafts::contains) ? item : item.withDossierIds(
                item.dossierIds().stream().filter(id -> !drafts.contains(id)).toList())).toList();
    }

    @GetMapping("/meetings/{meetingId}/calendar.ics")
    @Operation(summary = "One meeting as an iCalendar file")
    ResponseEntity<String> meeting(@PathVariable String meetingId) {
        var view = readModel.meeting(meetingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no meeting " + meetingId + "."));
        return ics("meeting-" + meetingId, ICalendars.write(view.state().title(), List.of(CalendarItems.entry(view))));
    }

    @GetMapping("/calendar/public.ics")
    @Operation(summary = "The public feed: meetings, EU events and consultation deadlines (cancellations included, so apps update)")
    ResponseEntity<String> publicFeed() {
        Instant now = clock.instant();
        List<ICalendars.Entry> entries = new ArrayList<>();
        readModel.feedMeetings(now).forEach(view -> entries.add(CalendarItems.entry(view)));
        readModel.upcomingEuEvents(now, null, true).forEach(view -> entries.add(CalendarItems.euEventEntry(view)));
        readModel.openConsultations(now, null).forEach(view -> entries.add(CalendarItems.deadline(view)));
        return ics("icm-calendar", ICalendars.write("ICM calendar", entries));
    }

    @PostMapping("/calendar/personal-feed")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Make the secret URL of your personal feed (any earlier one stops working); shown only now")
    ResponseEntity<Map<String, String>> issue(Actor actor) {
        String token = tokens.issue(actor.account().toString());
        String path = "/calendar/personal/" + token + ".ics";
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store").body(Map.of("path", path));
    }

    @DeleteMapping("/calendar/personal-feed")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Revoke your personal feed's URL")
    ResponseEntity<Void> revoke(Actor actor) {
        tokens.revoke(actor.account().toString());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/calendar/personal/{token}.ics")
    @Operation(summary = "A personal feed: the meetings the account has a place at")
    ResponseEntity<String> personal(@PathVariable String token) {
        String accountId = tokens.accountOf(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no such feed (it may have been revoked)."));
        List<ICalendars.Entry> entries = new ArrayList<>();
        for (var view : readModel.meetingsOf(accountId, clock.instant())) {
            entries.add(CalendarItems.entry(view));
        }
        return ics("my-icm-meetings", ICalendars.write("My ICM meetings", entries));
    }

    private static ResponseEntity<String> ics(String filename, String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ICalendars.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + ".ics\"").body(body);
    }
}
