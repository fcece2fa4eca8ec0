package org.icm.kernel.events.calendar;

import java.time.Instant;

/** The feedback period of a consultation now ends at {@code closesAt} instead of {@code previousClosesAt}. */
public record ConsultationDeadlineChanged(String consultationId, String title, String dossierId, Instant previousClosesAt,
                                          Instant closesAt) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return consultationId;
    }
}
