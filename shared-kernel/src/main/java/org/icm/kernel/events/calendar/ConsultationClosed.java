package org.icm.kernel.events.calendar;

import java.time.Instant;

/** The feedback period of a consultation ended. */
public record ConsultationClosed(String consultationId, String title, Instant closedAt) implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return consultationId;
    }
}
