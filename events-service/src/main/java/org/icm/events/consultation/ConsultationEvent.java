package org.icm.events.consultation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.icm.kernel.vocabulary.ConsultationType;

/** What happened to a consultation ICM follows (domain events, private to events-service). */
public sealed interface ConsultationEvent {

    String consultationId();

    @Revision("1")
    record ConsultationOpened(String consultationId, ConsultationType type, String directorateGeneral, String title, String link,
                              Instant opensAt, Instant closesAt, String dossierId, String measureId) implements ConsultationEvent {
    }

    @Revision("1")
    record ConsultationDeadlineChanged(String consultationId, Instant closesAt) implements ConsultationEvent {
    }

    @Revision("1")
    record JointResponsePlanned(String consultationId, String leadOrganisation) implements ConsultationEvent {
    }

    @Revision("1")
    record JointResponseSubmitted(String consultationId, String link) implements ConsultationEvent {
    }

    @Revision("1")
    record ConsultationClosed(String consultationId, Instant closedAt) implements ConsultationEvent {
    }
}
