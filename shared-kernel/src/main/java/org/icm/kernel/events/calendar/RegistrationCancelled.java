package org.icm.kernel.events.calendar;

/** An account unregistered from a meeting (a confirmed place or a place on the waiting list). */
public record RegistrationCancelled(String meetingId, String title, String accountId, String organisationId)
        implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return meetingId;
    }
}
