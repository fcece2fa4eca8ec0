package org.icm.events.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.icm.events.meeting.MeetingEvent.*;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.MeetingType;

/**
 * A meeting as its events made it: an immutable value, and {@link #apply} is the one function from events to
 * state, used by the aggregate to decide, by the read model to show and by the integration mapper to name
 * titles and times. {@code calendarSequence} counts the changes a calendar entry shows (time, agenda,
 * cancellation): it is the iCalendar SEQUENCE, so calendar apps replace their copy rather than add one.
 */
public record MeetingState(
        String id,
        String title,
        MeetingType type,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        String place,
        String onlineLink,
        int capacity,
        List<AgendaItem> agenda,
        Status status,
        @NotPersonal(NotPersonal.NETWORK_RECORD) String cancellationReason,
        List<Registration> confirmed,
        List<Registration> waitingList,
        @NotPersonal(NotPersonal.NETWORK_RECORD) String minutes,
        List<ActionPoint> actionPoints,
        int calendarSequence) {

    public enum Status { PLANNED, HELD, CANCELLED }

    public record Registration(String accountId, String organisationId) {
    }

    public static final MeetingState NONE = new MeetingState(null, null, null, null, null, null, null, null, 0, List.of(), null, null,
            List.of(), List.of(), null, List.of(), 0);

    public boolean exists() {
        return id != null;
    }

    public Optional<Registration> confirmedOf(String accountId) {
        return confirmed.stream().filter(r -> r.accountId().equals(accountId)).findFirst();
    }

    public Optional<Registration> waitingOf(String accountId) {
        return waitingList.stream().filter(r -> r.accountId().equals(accountId)).findFirst();
    }

    public static MeetingState fold(Collection<? extends MeetingEvent> events) {
        MeetingState state = NONE;
        for (MeetingEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    public MeetingState apply(MeetingEvent event) {
        return switch (event) {
            case MeetingScheduled e -> new MeetingState(e.meetingId(), e.title(), e.type(), e.startsAt(), e.endsAt(), e.timeZone(), e.place(),
                    e.onlineLink(), e.capacity(), List.copyOf(e.agenda()), Status.PLANNED, null, List.of(), List.of(), null, List.of(), 0);
            case MeetingAgendaChanged e -> new MeetingState(id, title, type, startsAt, endsAt, timeZone, place, onlineLink, capacity,
                    List.copyOf(e.agenda()), status, cancellationReason, confirmed, waitingList, minutes, actionPoints, calendarSequence + 1);
            case MeetingRescheduled e -> new MeetingState(id, title, type, e.startsAt(), e.endsAt(), e.timeZone(), place, onlineLink, capacity,
                    agenda, status, cancellationReason, confirmed, waitingList, minutes, actionPoints, calendarSequence + 1);
            case MeetingCapacityChanged e -> new MeetingState(id, title, type, startsAt, endsAt, timeZone, place, onlineLink, e.capacity(),
                    agenda, status, cancellationReason, confirmed, waitingList, minutes, actionPoints, calendarSequence);
            case MeetingCancelled e -> new MeetingState(id, title, type, startsAt, endsAt, timeZone, place, onlineLink, capacity, agenda,
                    Status.CANCELLED, e.reason(), confirmed, waitingList, minutes, actionPoints, calendarSequence + 1);
            case ParticipantRegistered e -> withRegistrations(plus(confirmed, new Registration(e.accountId(), e.organisationId())), waitingList);
            case ParticipantWaitlisted e -> withRegistrations(confirmed, plus(waitingList, new Registration(e.accountId(), e.organisationId())));
            case ParticipantUnregistered e -> withRegistrations(minus(confirmed, e.accountId()), minus(waitingList, e.accountId()));
            case ParticipantPromoted e -> withRegistrations(plus(confirmed, new Registration(e.accountId(), e.organisationId())),
                    minus(waitingList, e.accountId()));
            case MinutesRecorded e -> new MeetingState(id, title, type, startsAt, endsAt, timeZone, place, onlineLink, capacity, agenda, status,
                    cancellationReason, confirmed, waitingList, e.minutes(), List.copyOf(e.actionPoints()), calendarSequence);
            case MeetingHeld e -> new MeetingState(id, title, type, startsAt, endsAt, timeZone, place, onlineLink, capacity, agenda,
                    Status.HELD, cancellationReason, confirmed, waitingList, minutes, actionPoints, calendarSequence);
        };
    }

    private MeetingState withRegistrations(List<Registration> confirmed, List<Registration> waitingList) {
        return new MeetingState(id, title, type, startsAt, endsAt, timeZone, place, onlineLink, capacity, agenda, status, cancellationReason,
                confirmed, waitingList, minutes, actionPoints, calendarSequence);
    }

    private static List<Registration> plus(List<Registration> list, Registration registration) {
        List<Registration> copy = new ArrayList<>(list);
        copy.add(registration);
        return List.copyOf(copy);
    }

    private static List<Registration> minus(List<Registration> list, String accountId) {
        return list.stream().filter(r -> !r.accountId().equals(accountId)).toList();
    }
}
