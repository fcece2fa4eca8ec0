package org.icm.events.consultation;

import java.time.Instant;
import java.util.Collection;
import org.icm.events.consultation.ConsultationEvent.*;
import org.icm.kernel.vocabulary.ConsultationType;

/** A consultation as its events made it; {@code calendarSequence} counts deadline changes and the close (iCalendar SEQUENCE). */
public record ConsultationState(String id, ConsultationType type, String directorateGeneral, String title, String link, Instant opensAt,
                                Instant closesAt, String dossierId, String measureId, String jointResponseLead, String jointResponseLink,
                                Instant closedAt, int calendarSequence) {

    public static final ConsultationState NONE = new ConsultationState(null, null, null, null, null, null, null, null, null, null, null,
            null, 0);

    public boolean closed() {
        return closedAt != null;
    }

    public static ConsultationState fold(Collection<? extends ConsultationEvent> events) {
        ConsultationState state = NONE;
        for (ConsultationEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    public ConsultationState apply(ConsultationEvent event) {
        return switch (event) {
            case ConsultationOpened e -> new ConsultationState(e.consultationId(), e.type(), e.directorateGeneral(), e.title(), e.link(),
                    e.opensAt(), e.closesAt(), e.dossierId(), e.measureId(), null, null, null, 0);
            case ConsultationDeadlineChanged e -> new ConsultationState(id, type, directorateGeneral, title, link, opensAt, e.closesAt(),
                    dossierId, measureId, jointResponseLead, jointResponseLink, closedAt, calendarSequence + 1);
            case JointResponsePlanned e -> new ConsultationState(id, type, directorateGeneral, title, link, opensAt, closesAt, dossierId,
                    measureId, e.leadOrganisation(), jointResponseLink, closedAt, calendarSequence);
            case JointResponseSubmitted e -> new ConsultationState(id, type, directorateGeneral, title, link, opensAt, closesAt, dossierId,
                    measureId, jointResponseLead, e.link(), closedAt, calendarSequence);
            case ConsultationClosed e -> new ConsultationState(id, type, directorateGeneral, title, link, opensAt, closesAt, dossierId,
                    measureId, jointResponseLead, jointResponseLink, e.closedAt(), calendarSequence);
        };
    }
}
