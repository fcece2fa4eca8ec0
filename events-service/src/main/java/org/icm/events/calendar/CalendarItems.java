package org.icm.events.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.icm.events.consultation.ConsultationState;
import org.icm.events.euevent.EuEventState;
import org.icm.events.meeting.MeetingEvent.AgendaItem;
import org.icm.events.meeting.MeetingState;

/** The entries of the calendar, as JSON items and as iCalendar entries, from the read model's views. */
public final class CalendarItems {

    static final String CONSULTATION_ZONE = "Europe/Brussels";

    private CalendarItems() {
    }

    /** One entry of the upcoming calendar. {@code kind}: MEETING, EU_EVENT or CONSULTATION_DEADLINE. */
    public record Item(String kind, String id, String title, Instant startsAt, Instant endsAt, String timeZone, LocalDateTime start,
                       String status, List<String> dossierIds, String link) {

        public Item withDossierIds(List<String> ids) {
            return new Item(kind, id, title, startsAt, endsAt, timeZone, start, status, ids, link);
        }
    }

    public static List<Item> items(List<View<MeetingState>> meetings, List<View<EuEventState>> euEvents,
                                   List<View<ConsultationState>> consultations) {
        List<Item> items = new ArrayList<>();
        meetings.forEach(v -> {
            MeetingState s = v.state();
            items.add(new Item("MEETING", s.id(), s.title(), s.startsAt(), s.endsAt(), s.timeZone(), local(s.startsAt(), s.timeZone()),
                    s.status().name(), s.agenda().stream().map(AgendaItem::dossierId).filter(id -> id != null).distinct().toList(),
                    "/meetings/" + s.id()));
        });
        euEvents.forEach(v -> {
            EuEventState s = v.state();
            items.add(new Item("EU_EVENT", s.id(), s.title(), s.startsAt(), s.endsAt(), s.timeZone(), local(s.startsAt(), s.timeZone()),
                    s.cancelled() ? "CANCELLED" : "ANNOUNCED", s.dossierIds(), s.link()));
        });
        consultations.forEach(v -> {
            ConsultationState s = v.state();
            items.add(new Item("CONSULTATION_DEADLINE", s.id(), s.title(), s.closesAt(), null, CONSULTATION_ZONE,
                    local(s.closesAt(), CONSULTATION_ZONE), s.closed() ? "CLOSED" : "OPEN",
                    s.dossierId() == null ? List.of() : List.of(s.dossierId()), s.link()));
        });
        items.sort(Comparator.comparing(Item::startsAt).thenComparing(Item::id));
        return items;
    }

    public static ICalendars.Entry entry(View<MeetingState> view) {
        MeetingState s = view.state();
        StringBuilder description = new StringBuilder(s.type().name().charAt(0) + s.type().name().substring(1).toLowerCase() + " meeting of ICM");
        if (!s.agenda().isEmpty()) {
            description.append("\n\nAgenda:\n").append(s.agenda().stream().map(AgendaItem::title).map(t -> "- " + t)
                    .collect(Collectors.joining("\n")));
        }
        if (s.onlineLink() != null) {
            description.append("\n\nJoin online: ").append(s.onlineLink());
        }
        if (s.status() == MeetingState.Status.CANCELLED) {
            description.insert(0, "CANCELLED: " + s.cancellationReason() + "\n\n");
        }
        return new ICalendars.Entry(ICalendars.uid("meeting", s.id()), s.calendarSequence(), view.lastChangedAt(), s.title(),
                description.toString(), s.place() != null ? s.place() : s.onlineLink(), s.onlineLink(), s.startsAt(), s.endsAt(), s.timeZone(),
                s.status() == MeetingState.Status.CANCELLED);
    }

    public static ICalendars.Entry euEventEntry(View<EuEventState> view) {
        EuEventState s = view.state();
        String description = s.institution().name().replace('_', ' ') + (s.cancelled() ? "\n\nCANCELLED: " + s.cancellationReason() : "");
        return new ICalendars.Entry(ICalendars.uid("eu-event", s.id()), s.calendarSequence(), view.lastChangedAt(), s.title(), description,
                null, s.link(), s.startsAt(), s.endsAt(), s.timeZone(), s.cancelled());
    }

    public static ICalendars.Entry deadline(View<ConsultationState> view) {
        ConsultationState s = view.state();
        return new ICalendars.Entry(ICalendars.uid("consultation", s.id()), s.calendarSequence(), view.lastChangedAt(),
                "Consultation deadline: " + s.title(), "European Commission consultation (DG " + s.directorateGeneral() + ")", null, s.link(),
                s.closesAt(), null, CONSULTATION_ZONE, false);
    }

    private static LocalDateTime local(Instant instant, String zone) {
        return LocalDateTime.ofInstant(instant, ZoneId.of(zone));
    }
}
