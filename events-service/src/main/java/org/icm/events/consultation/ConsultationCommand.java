package org.icm.events.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.icm.kernel.vocabulary.ConsultationType;

/** What focal points (and the closing job) ask of a consultation. Commands that judge time carry {@code now}. */
public sealed interface ConsultationCommand {

    String consultationId();

    record OpenConsultation(@TargetAggregateIdentifier String consultationId, ConsultationType type, String directorateGeneral,
                            String title, String link, Instant opensAt, Instant closesAt, String dossierId, String measureId, Instant now)
            implements ConsultationCommand {
    }

    record ChangeConsultationDeadline(@TargetAggregateIdentifier String consultationId, @TargetAggregateVersion Long expectedVersion,
                                      Instant closesAt, Instant now) implements ConsultationCommand {
    }

    /** ICM will answer together, led by this organisation. */
    record PlanJointResponse(@TargetAggregateIdentifier String consultationId, @TargetAggregateVersion Long expectedVersion,
                             String leadOrganisation) implements ConsultationCommand {
    }

    record RecordJointResponseSubmitted(@TargetAggregateIdentifier String consultationId, @TargetAggregateVersion Long expectedVersion,
                                        String link) implements ConsultationCommand {
    }

    /** Sent by the closing job once the deadline has passed; {@code now} is the job's clock. */
    record CloseConsultation(@TargetAggregateIdentifier String consultationId, Instant now) implements ConsultationCommand {
    }
}
