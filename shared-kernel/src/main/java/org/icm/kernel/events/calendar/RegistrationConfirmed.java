package org.icm.kernel.events.calendar;

import java.time.Instant;

/** An account has a confirmed place at a meeting. */
public record RegistrationConfirmed(String meetingId, String title, Instant startsAt, String accountId, String organisationId)
        implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
