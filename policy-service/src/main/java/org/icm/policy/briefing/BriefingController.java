package org.icm.policy.briefing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.icm.policy.briefing.CalendarReplica.CalendarItem;
import org.icm.policy.briefing.CalendarReplica.Meeting;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.history.Change;
import org.icm.policy.history.DossierHistory;
import org.icm.policy.history.TimelineEntry;
import org.icm.policy.history.WordDiff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A meeting's briefing: for each dossier on its agenda, everything recorded since the network's previous meeting (or a
 * date the reader picks), from the dossiers' own history, and the EU events and consultations heard of since. Built
 * here because the history is here (effective dates, corrections and their reasons, recommendation texts word by word);
 * the meetings and the calendar come from events-service's events on Kafka ({@link CalendarReplica}). A change
 * recorded since but effective before the previous meeting is late news, and says so. It can be read as known at an
 * instant, so an analyst sees what the network knew before a meeting.
 */
@RestController
@Tag(name = "Briefings", description = "What changed since the network last met, for each dossier on a meeting's agenda")
class BriefingController {

    /** With no earlier meeting to start from, a briefing looks back this far. */
    static final Duration WITHOUT_EARLIER_MEETING = Duration.ofDays(90);

    private final CalendarReplica calendar;
    private final DossierHistory history;
    private final DossierCatalogue catalogue;
    private final Clock clock;

    BriefingController(CalendarReplica calendar, DossierHistory history, DossierCatalogue catalogue, Clock clock) {
        this.calendar = calendar;
        this.history = history;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * One change: as the timeline tells it, with its day in the world when it has one, whether it is late news, and
     * for a recommendation's new text its words, changed and kept.
     */
    record Item(long sequence, Instant recordedAt, String kind, String summary, boolean correction, String reason, LocalDate effectiveDate,
                boolean lateNews, String measureId, String recommendationId, List<WordDiff.Segment> words, String diff) {
    }

    record DossierChanges(String dossierId, String title, List<Item> items) {
    }

    /**
     * @param since       the start of the period: the end of the previous meeting, or the reader's date
     * @param previousMeeting the meeting it starts from; null when the reader picked the date or there was none
     */
    record Briefing(String meetingId, String title, Instant startsAt, String timeZone, Instant since, Meeting previousMeeting, Instant asOf,
                    List<DossierChanges> dossiers, List<CalendarItem> calendar) {
    }

    @GetMapping("/meetings/{meetingId}/briefing")
    @Operation(summary = "What changed on the dossiers of a meeting's agenda since the previous meeting (or since), as known at an instant")
    Briefing briefing(@PathVariable String meetingId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                      @AuthenticationPrincipal Jwt member) {
        Meeting meeting = calendar.meeting(meetingId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no meeting " + meetingId + "."));
        Instant until = asOf == null ? clock.instant() : asOf;
        Meeting previous = since == null ? calendar.previousMeeting(meeting.startsAt()).orElse(null) : null;
        Instant from = since != null ? since.atStartOfDay(clock.getZone()).toInstant()
                : previous != null ? previous.endsAt() : meeting.startsAt().minus(WITHOUT_EARLIER_MEETING);
        LocalDate fromDay = LocalDate.ofInstant(from, clock.getZone());
        List<DossierChanges> dossiers = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        for (String dossierId : meeting.dossierIds()) {
            DossierView view = catalogue.findFor(dossierId, member != null).orElse(null);
            if (view == null) {
                continue; // a draft, for members only, or a dossier since removed from the catalogue
            }
            visible.add(dossierId);
            List<Item> items = new ArrayList<>();
            history.timeline(dossierId, entry -> {
                if (entry.recordedAt().isAfter(from) && !entry.recordedAt().isAfter(until)) {
                    items.add(item(dossierId, entry, fromDay));
                }
            });
            dossiers.add(new DossierChanges(dossierId, view.state().title(), List.copyOf(items)));
        }
        return new Briefing(meeting.id(), meeting.title(), meeting.startsAt(), meeting.timeZone(), from, previous, asOf, List.copyOf(dossiers),
                visible.isEmpty() ? List.of() : calendar.items(visible, from, until));
    }

    private static Item item(String dossierId, TimelineEntry entry, LocalDate fromDay) {
        boolean late = entry.effectiveDate() != null && entry.effectiveDate().isBefore(fromDay);
        List<WordDiff.Segment> words = null;
        if ("RecommendationRevised".equals(entry.kind())) {
            Change text = entry.changes().stream().filter(change -> change.path().endsWith("/text")).findFirst().orElse(null);
            if (text != null) {
                words = WordDiff.between(String.valueOf(text.oldValue()), String.valueOf(text.newValue()));
            }
        }
        // the change on its own: the dossier just before it and just after it
        String diff = "/dossiers/" + dossierId + "/history/diff?from=" + entry.recordedAt().minusMillis(1) + "&to=" + entry.recordedAt();
        return new Item(entry.sequence(), entry.recordedAt(), entry.kind(), entry.summary(), entry.correction(), entry.reason(),
                entry.effectiveDate(), late, entry.measureId(), entry.recommendationId(), words, diff);
    }
}
