package org.icm.kernel.events.calendar;

import java.time.Instant;
import org.icm.kernel.vocabulary.ConsultationType;

/**
 * The European Commission opened a consultation ("Have your say") that ICM follows.
 *
 * @param directorateGeneral e.g. {@code HOME}, {@code JUST}
 * @param closesAt           the end of the feedback period
 * @param dossierId          the linked dossier; null when none
 * @param measureId          the linked measure of that dossier; null when none
 */
public record ConsultationOpened(String consultationId, ConsultationType type, String directorateGeneral, String title,
                                 String link, Instant opensAt, Instant closesAt, String dossierId, String measureId)
        implements CalendarIntegrationEvent {
    @Override
    public String subject() {
        return consultationId;
    }
}
