package org.icm.kernel.events.calendar;

import java.time.Instant;

/** A meeting moved to another time; {@code previousStartsAt} is when it would have started. */
public record MeetingRescheduled(String meetingId, String title, Instant previousStartsAt, Instant startsAt, Instant endsAt,
                                 String timeZone) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
