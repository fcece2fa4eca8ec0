package org.icm.events.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.icm.events.common.Checks;
import org.icm.service.rules.FieldChecks;
import org.icm.service.rules.Inputs;
import org.icm.service.rules.RuleViolation;
import org.icm.events.meeting.MeetingCommand.*;
import org.icm.events.meeting.MeetingEvent.*;
import org.icm.events.meeting.MeetingState.Registration;
import org.icm.events.meeting.MeetingState.Status;

/**
 * One ICM meeting with its registrations, as one aggregate: capacity and the waiting list are one rule
 * (places are given and freed one command at a time, the waiting list promoted in order), so they live in
 * one consistency boundary. Two registrations racing on two instances meet at the event store's unique
 * (aggregate, sequence) index: one is refused with 409 and retried by its caller, none is lost.
 *
 * <p>Handlers only decide, from {@link MeetingState}; state changes only by folding events. Each handler
 * answers the aggregate version after the change, which HTTP returns as the ETag.
 */
@Aggregate
public class Meeting {

    static final int CAPACITY_MAX = 10_000;
    static final int AGENDA_MAX = 100;

    @AggregateIdentifier
    private String meetingId;
    private MeetingState state = MeetingState.NONE;

    protected Meeting() {
    }

    @CommandHandler
    public Meeting(ScheduleMeeting command) {
        Inputs.required("id", command.meetingId());
        // every bad field at once, so the focal point corrects the form in one go
        FieldChecks checks = new FieldChecks();
        String title = checks.check(() -> Inputs.text("title", command.title(), Checks.TITLE_MAX));
        var type = checks.check(() -> Inputs.required("type", command.type()));
        Times times = times(checks, command.start(), command.end(), command.timeZone(), command.now());
        String place = checks.check(() -> Inputs.optionalParagraphs("place", command.place(), Checks.NOTE_MAX));
        String link = checks.check(() -> Checks.optionalLink("onlineLink", command.onlineLink()));
        if (isBlank(command.place()) && isBlank(command.onlineLink())) {
            checks.refuse(RuleViolation.invalid("place", "place-or-link-required", "a meeting needs a place, an online link, or both"));
        }
        Integer capacity = checks.check(() -> capacity(command.capacity()));
        List<AgendaItem> agenda = checks.check(() -> agenda(command.agenda()));
        checks.done();
        apply(new MeetingScheduled(command.meetingId(), title, type, times.startsAt, times.endsAt, times.zone, place, link, capacity, agenda));
    }

    @CommandHandler
    public long handle(ChangeAgenda command) {
        requirePlanned();
        List<AgendaItem> agenda = agenda(command.agenda());
        if (agenda.equals(state.agenda())) {
            return version(); // changes nothing: the history records only real changes
        }
        apply(new MeetingAgendaChanged(meetingId, agenda));
        return version();
    }

    @CommandHandler
    public long handle(RescheduleMeeting command) {
        requirePlanned();
        FieldChecks checks = new FieldChecks();
        Times times = times(checks, command.start(), command.end(), command.timeZone(), command.now());
        checks.done();
        if (times.startsAt.equals(state.startsAt()) && times.endsAt.equals(state.endsAt()) && times.zone.equals(state.timeZone())) {
            return version(); // changes nothing
        }
        apply(new MeetingRescheduled(meetingId, times.startsAt, times.endsAt, times.zone));
        return version();
    }

    @CommandHandler
    public long handle(ChangeCapacity command) {
        requirePlanned();
        int capacity = capacity(command.capacity());
        if (capacity < state.confirmed().size()) {
            throw RuleViolation.conflict("capacity", "capacity-below-confirmed", "the meeting has " + state.confirmed().size()
                    + " confirmed registrations; the capacity cannot be less than that");
        }
        if (capacity == state.capacity()) {
            return version(); // changes nothing
        }
        apply(new MeetingCapacityChanged(meetingId, capacity));
        // more places: the waiting list moves up, in order
        int free = capacity - state.confirmed().size();
        for (Registration waiting : List.copyOf(state.waitingList().subList(0, Math.min(free, state.waitingList().size())))) {
            apply(new ParticipantPromoted(meetingId, waiting.accountId(), waiting.organisationId()));
        }
        return version();
    }

    @CommandHandler
    public long handle(CancelMeeting command) {
        requirePlanned();
        apply(new MeetingCancelled(meetingId, Inputs.paragraphs("reason", command.reason(), Checks.NOTE_MAX)));
        return version();
    }

    @CommandHandler
    public long handle(RegisterParticipant command) {
        String accountId = Inputs.required("accountId", command.accountId());
        String organisationId = Inputs.required("organisationId", command.organisationId());
        requireRegistrationOpen(Inputs.required("now", command.now()));
        if (state.confirmedOf(accountId).isPresent() || state.waitingOf(accountId).isPresent()) {
            return version(); // registered already: registering again changes nothing
        }
        if (state.confirmed().size() < state.capacity()) {
            apply(new ParticipantRegistered(meetingId, accountId, organisationId));
        } else {
            apply(new ParticipantWaitlisted(meetingId, accountId, organisationId, state.waitingList().size() + 1));
        }
        return version();
    }

    @CommandHandler
    public long handle(UnregisterParticipant command) {
        String accountId = Inputs.required("accountId", command.accountId());
        requireRegistrationOpen(Inputs.required("now", command.now()));
        Registration registration = state.confirmedOf(accountId).or(() -> state.waitingOf(accountId))
                .orElseThrow(() -> RuleViolation.conflict("not-registered", "you are not registered for this meeting"));
        boolean hadPlace = state.confirmedOf(accountId).isPresent();
        apply(new ParticipantUnregistered(meetingId, accountId, registration.organisationId(), hadPlace));
        // the state is folded already: a freed place goes to the first on the waiting list
        if (hadPlace && !state.waitingList().isEmpty() && state.confirmed().size() < state.capacity()) {
            Registration next = state.waitingList().getFirst();
            apply(new ParticipantPromoted(meetingId, next.accountId(), next.organisationId()));
        }
        return version();
    }

    @CommandHandler
    public long handle(RecordMinutes command) {
        if (state.status() != Status.HELD) {
            throw RuleViolation.conflict("meeting-not-held", "minutes are recorded once the meeting has been held; mark it held first");
        }
        String minutes = Inputs.paragraphs("minutes", command.minutes(), Checks.TEXT_MAX);
        List<ActionPoint> points = new ArrayList<>();
        List<ActionPointFields> given = command.actionPoints() == null ? List.of() : command.actionPoints();
        for (int i = 0; i < given.size(); i++) {
            ActionPointFields point = Inputs.required("actionPoints[" + i + "]", given.get(i));
            points.add(new ActionPoint(Inputs.paragraphs("actionPoints[" + i + "].description", point.description(), Checks.NOTE_MAX),
                    Inputs.text("actionPoints[" + i + "].owningOrganisation", point.owningOrganisation(), Checks.NAME_MAX),
                    Inputs.required("actionPoints[" + i + "].dueDate", point.dueDate())));
        }
        apply(new MinutesRecorded(meetingId, minutes, List.copyOf(points)));
        return version();
    }

    @CommandHandler
    public long handle(MarkMeetingHeld command) {
        requirePlanned();
        if (Inputs.required("now", command.now()).isBefore(state.startsAt())) {
            throw RuleViolation.conflict("not-started-yet", "the meeting has not started yet; it can be marked held once it has");
        }
        apply(new MeetingHeld(meetingId));
        return version();
    }

    @EventSourcingHandler
    void on(MeetingEvent event) {
        if (event instanceof MeetingScheduled scheduled) {
            meetingId = scheduled.meetingId();
        }
        state = state.apply(event);
    }

    private record Times(Instant startsAt, Instant endsAt, String zone) {
    }

    /** Start and end as entered in the meeting's zone; the end after the start; no new time in the past. Null when refused. */
    private static Times times(FieldChecks checks, LocalDateTime start, LocalDateTime end, String timeZone, Instant now) {
        ZoneId zone = checks.check(() -> Checks.zone("timeZone", timeZone));
        if (zone == null) {
            return null;
        }
        ZonedDateTime startsAt = checks.check(() -> Checks.at("start", start, zone));
        ZonedDateTime endsAt = checks.check(() -> Checks.at("end", end, zone));
        if (startsAt == null || endsAt == null) {
            return null;
        }
        if (!endsAt.isAfter(startsAt)) {
            checks.refuse(RuleViolation.invalid("end", "end-before-start", "the meeting must end after it starts (" + start + ")"));
        }
        if (startsAt.toInstant().isBefore(Inputs.required("now", now))) {
            checks.refuse(RuleViolation.invalid("start", "start-in-past", "the meeting cannot start in the past (" + start + " " + zone + ")"));
        }
        return new Times(startsAt.toInstant(), endsAt.toInstant(), zone.getId());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static int capacity(Integer capacity) {
        Inputs.required("capacity", capacity);
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            throw RuleViolation.invalid("capacity", "capacity-out-of-range", "capacity must be between 1 and " + CAPACITY_MAX);
        }
        return capacity;
    }

    private static List<AgendaItem> agenda(List<AgendaItemFields> items) {
        List<AgendaItemFields> given = items == null ? List.of() : items;
        if (given.size() > AGENDA_MAX) {
            throw RuleViolation.invalid("agenda", "too-many-items", "an agenda has at most " + AGENDA_MAX + " items");
        }
        List<AgendaItem> agenda = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            AgendaItemFields item = Inputs.required("agenda[" + i + "]", given.get(i));
            agenda.add(new AgendaItem(Inputs.text("agenda[" + i + "].title", item.title(), Checks.TITLE_MAX),
                    Inputs.optionalText("agenda[" + i + "].dossierId", item.dossierId(), Checks.ID_MAX)));
        }
        return List.copyOf(agenda);
    }

    private void requirePlanned() {
        if (state.status() == Status.CANCELLED) {
            throw RuleViolation.conflict("meeting-cancelled", "the meeting is cancelled (" + state.cancellationReason() + ")");
        }
        if (state.status() == Status.HELD) {
            throw RuleViolation.conflict("meeting-held", "the meeting has been held; only its minutes can still be recorded");
        }
    }

    private void requireRegistrationOpen(Instant now) {
        requirePlanned();
        if (!now.isBefore(state.startsAt())) {
            throw RuleViolation.conflict("registration-closed", "the meeting has started; registrations are closed");
        }
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
