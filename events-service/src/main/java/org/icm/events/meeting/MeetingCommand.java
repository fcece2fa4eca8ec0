package org.icm.events.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.icm.kernel.vocabulary.MeetingType;

/**
 * What focal points and participants ask of a meeting. Times are what people enter: a local date-time and
 * the IANA zone the meeting is held in. Commands that judge time carry {@code now}: the aggregate never reads
 * a clock. {@code expectedVersion} (from If-Match) refuses a stale write, so no update is lost.
 */
public sealed interface MeetingCommand {

    String meetingId();

    record AgendaItemFields(String title, String dossierId) {
    }

    record ActionPointFields(String description, String owningOrganisation, LocalDate dueDate) {
    }

    record ScheduleMeeting(@TargetAggregateIdentifier String meetingId, String title, MeetingType type, LocalDateTime start,
                           LocalDateTime end, String timeZone, String place, String onlineLink, Integer capacity,
                           List<AgendaItemFields> agenda, Instant now) implements MeetingCommand {
    }

    record ChangeAgenda(@TargetAggregateIdentifier String meetingId, @TargetAggregateVersion Long expectedVersion,
                        List<AgendaItemFields> agenda) implements MeetingCommand {
    }

    record RescheduleMeeting(@TargetAggregateIdentifier String meetingId, @TargetAggregateVersion Long expectedVersion,
                             LocalDateTime start, LocalDateTime end, String timeZone, Instant now) implements MeetingCommand {
    }

    record ChangeCapacity(@TargetAggregateIdentifier String meetingId, @TargetAggregateVersion Long expectedVersion, Integer capacity)
            implements MeetingCommand {
    }

    record CancelMeeting(@TargetAggregateIdentifier String meetingId, @TargetAggregateVersion Long expectedVersion, String reason)
            implements MeetingCommand {
    }

    /** An account registers itself; it gets a place, or a place on the waiting list when the meeting is full. */
    record RegisterParticipant(@TargetAggregateIdentifier String meetingId, String accountId, String organisationId, Instant now)
            implements MeetingCommand {
    }

    /** An account gives up its place (or its place on the waiting list); the first on the waiting list moves up. */
    record UnregisterParticipant(@TargetAggregateIdentifier String meetingId, String accountId, Instant now) implements MeetingCommand {
    }

    record RecordMinutes(@TargetAggregateIdentifier String meetingId, @TargetAggregateVersion Long expectedVersion, String minutes,
                         List<ActionPointFields> actionPoints) implements MeetingCommand {
    }

    record MarkMeetingHeld(@TargetAggregateIdentifier String meetingId, @TargetAggregateVersion Long expectedVersion, Instant now)
            implements MeetingCommand {
    }
}
