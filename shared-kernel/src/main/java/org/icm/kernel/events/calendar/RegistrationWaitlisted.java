package org.icm.kernel.events.calendar;

import java.time.Instant;

/** A meeting was full: the account is on its waiting list, at this position (1 = next to be promoted). */
public record RegistrationWaitlisted(String meetingId, String title, Instant startsAt, String accountId, String organisationId,
                                     int position) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
