package org.icm.kernel.events.calendar;

import java.time.Instant;

/** A place freed up: the account moved from the waiting list to a confirmed place. */
public record RegistrationPromoted(String meetingId, String title, Instant startsAt, String accountId, String organisationId)
        implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
