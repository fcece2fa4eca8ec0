package org.icm.policy.briefing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.icm.policy.briefing.CalendarReplica.CalendarItem;
import org.icm.policy.briefing.CalendarReplica.Meeting;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.history.Change;
import org.icm.policy.history.DossierHistory;
import org.icm.policy.history.TimelineEntry;
import org.icm.policy.history.WordDiff;
import org.icm.service.rules.RuleViolation;
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
 * instant, so an analyst sees what the network knew before a meeting. A reader may add the dossiers they follow (the
 * web client passes a member's, read from notification-service: the services share no database): they come after the
 * agenda's, each saying why it is listed.
 */
@RestController
@Tag(name = "Briefings", description = "What changed since the network last met, for each dossier on a meeting's agenda")
class BriefingController {

    /** With no earlier meeting to start from, a briefing looks back this far. */
    static final Duration WITHOUT_EARLIER_MEETING = Duration.ofDays(90);

    /** How many followed dossiers one briefing takes: their ids stay well within a request line through the gateway. */
    static final int FOLLOWED_MAX = 50;

    /** A dossier id as paths take them ({@code PathIdentifiers}). */
    private static final Pattern DOSSIER_ID = Pattern.compile("[A-Za-z0-9-]{1,80}");

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

    /** Why a dossier is in the briefing: it is on the meeting's agenda, or the reader follows it. */
    enum Listed { AGENDA, FOLLOWED }

    record DossierChanges(String dossierId, String title, Listed listedFor, List<Item> items) {
    }

    /**
     * @param since       the start of the period: the end of the previous meeting, or the reader's date
     * @param previousMeeting the meeting it starts from; null when the reader picked the date or there was none
     */
    record Briefing(String meetingId, String title, Instant startsAt, String timeZone, Instant since, Meeting previousMeeting, Instant asOf,
                    List<DossierChanges> dossiers, List<CalendarItem> calendar) {
    }

    @GetMapping("/meetings/{meetingId}/briefing")
    @Operation(summary = "What changed on the dossiers of a meeting's agenda since the previous meeting (or since), as known at an instant",
            description = "The agenda's dossiers come first (listedFor AGENDA), then the followed ones not on the agenda (listedFor FOLLOWED),"
                    + " in the order given; the EU events and consultations are those of all of them. A followed id that names no dossier"
                    + " the caller may see (none, or a draft for a caller not signed in) is left out, as the list of dossiers leaves it out;"
                    + " an id that is not a dossier id, or more than " + FOLLOWED_MAX + " ids, is refused (400, naming followed).")
    Briefing briefing(@PathVariable String meetingId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                      @RequestParam(required = false)
                      @Parameter(description = "Ids of dossiers the reader follows, added after the agenda's (repeat the parameter for each)",
                              array = @ArraySchema(maxItems = FOLLOWED_MAX, schema = @Schema(maxLength = 80, pattern = "^[A-Za-z0-9-]{1,80}$")))
                      List<String> followed,
                      @AuthenticationPrincipal Jwt member) {
        List<String> alsoFollowed = followed(followed);
        Meeting meeting = calendar.meeting(meetingId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no meeting " + meetingId + "."));
        Instant until = asOf == null ? clock.instant() : asOf;
        Meeting previous = since == null ? calendar.previousMeeting(meeting.startsAt()).orElse(null) : null;
        Instant from = since != null ? since.atStartOfDay(clock.getZone()).toInstant()
                : previous != null ? previous.endsAt() : meeting.startsAt().minus(WITHOUT_EARLIER_MEETING);
        LocalDate fromDay = LocalDate.ofInstant(from, clock.getZone());
        List<DossierChanges> dossiers = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        LinkedHashSet<String> listed = new LinkedHashSet<>(meeting.dossierIds());
        listed.addAll(alsoFollowed);
        for (String dossierId : listed) {
            DossierView view = catalogue.findFor(dossierId, member != null).orElse(null);
            if (view == null) {
                continue; // a draft, for members only, or a dossier since removed from the catalogue (or never in it)
            }
            visible.add(dossierId);
            List<Item> items = new ArrayList<>();
            history.timeline(dossierId, from, until, entry -> items.add(item(dossierId, entry, fromDay)));
            dossiers.add(new DossierChanges(dossierId, view.state().title(),
                    meeting.dossierIds().contains(dossierId) ? Listed.AGENDA : Listed.FOLLOWED, List.copyOf(items)));
        }
        return new Briefing(meeting.id(), meeting.title(), meeting.startsAt(), meeting.timeZone(), from, previous, asOf, List.copyOf(dossiers),
                visible.isEmpty() ? List.of() : calendar.items(visible, from, until));
    }

    /** The followed ids, each once, in the order given; refused when one is not a dossier id or when there are too many. */
    private static List<String> followed(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > FOLLOWED_MAX) {
            throw RuleViolation.invalid("followed", "too-many", "followed holds at most " + FOLLOWED_MAX + " dossier ids");
        }
        for (String id : ids) {
            if (id == null || !DOSSIER_ID.matcher(id).matches()) {
                throw RuleViolation.invalid("followed", "not-an-identifier",
                        "followed holds a value that is not a dossier id (letters, digits and hyphens, at most 80)");
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
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
