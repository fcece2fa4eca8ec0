package org.icm.kernel.events.calendar;

import java.time.Instant;

/** A meeting will not take place, for the reason given. */
public record MeetingCancelled(String meetingId, String title, Instant startsAt, String reason) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
