package org.icm.events.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.MeetingType;

/**
 * What happened to a meeting: the domain events of events-service, private to it (the published language is
 * in shared-kernel). Who did it and why travel as metadata. Times are instants with the zone the meeting is
 * held in, so a calendar shows them in that zone and converts them rightly for everyone else.
 */
public sealed interface MeetingEvent {

    String meetingId();

    record AgendaItem(String title, String dossierId) {
    }

    record ActionPoint(@NotPersonal(NotPersonal.NETWORK_RECORD) String description, String owningOrganisation, LocalDate dueDate) {
    }

    @Revision("1")
    record MeetingScheduled(String meetingId, String title, MeetingType type, Instant startsAt, Instant endsAt, String timeZone,
                            String place, String onlineLink, int capacity, List<AgendaItem> agenda) implements MeetingEvent {
    }

    @Revision("1")
    record MeetingAgendaChanged(String meetingId, List<AgendaItem> agenda) implements MeetingEvent {
    }

    @Revision("1")
    record MeetingRescheduled(String meetingId, Instant startsAt, Instant endsAt, String timeZone) implements MeetingEvent {
    }

    @Revision("1")
    record MeetingCapacityChanged(String meetingId, int capacity) implements MeetingEvent {
    }

    @Revision("1")
    record MeetingCancelled(String meetingId, @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) implements MeetingEvent {
    }

    /** The account has a confirmed place. */
    @Revision("1")
    record ParticipantRegistered(String meetingId, String accountId, String organisationId) implements MeetingEvent {
    }

    /** The meeting was full: the account is on the waiting list at this position (1 = next). */
    @Revision("1")
    record ParticipantWaitlisted(String meetingId, String accountId, String organisationId, int position) implements MeetingEvent {
    }

    /** The account gave up its place; {@code hadPlace} is false when it was on the waiting list. */
    @Revision("1")
    record ParticipantUnregistered(String meetingId, String accountId, String organisationId, boolean hadPlace) implements MeetingEvent {
    }

    /** A place freed up: the first on the waiting list has it now. */
    @Revision("1")
    record ParticipantPromoted(String meetingId, String accountId, String organisationId) implements MeetingEvent {
    }

    /** The minutes (as they are now: recording them again replaces them) and the action points agreed. */
    @Revision("1")
    record MinutesRecorded(String meetingId,
                           @NotPersonal(NotPersonal.NETWORK_RECORD) String minutes,
                           List<ActionPoint> actionPoints) implements MeetingEvent {
    }

    @Revision("1")
    record MeetingHeld(String meetingId) implements MeetingEvent {
    }
}
