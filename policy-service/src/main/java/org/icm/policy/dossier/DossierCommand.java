package org.icm.policy.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;

/**
 * What focal points and members ask of a dossier. Each command after the first may name the version the
 * caller saw ({@code expectedVersion}, from {@code If-Match}); a stale one is refused, so no update is lost.
 * Who asks, and why, travel as metadata. Commands that judge dates carry {@code today}: the aggregate
 * never reads a clock.
 */
public sealed interface DossierCommand {

    String dossierId();

    record OpenDossier(@TargetAggregateIdentifier String dossierId, String title, PolicyArea policyArea, String summary,
                       String leadOrganisation) implements DossierCommand {
    }

    record EditDossier(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion, String title,
                       PolicyArea policyArea, String summary) implements DossierCommand {
    }

    record PublishDossier(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion)
            implements DossierCommand {
    }

    record ReturnDossierToDraft(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion)
            implements DossierCommand {
    }

    record ArchiveDossier(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion)
            implements DossierCommand {
    }

    record AddMeasure(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion, String measureId,
                      String title, MeasureType type, String procedureReference, String comReference, String celexNumber,
                      String finalAct) implements DossierCommand {
    }

    record EditMeasure(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion, String measureId,
                       String title, MeasureType type, String procedureReference, String comReference, String celexNumber,
                       String finalAct) implements DossierCommand {
    }

    record RecordProcedureStep(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                               String measureId, String stepId, ProcedureStage stage, LocalDate effectiveDate, String note,
                               String documentReference, LocalDate today) implements DossierCommand {
    }

    record CorrectProcedureStep(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                String measureId, String stepId, ProcedureStage stage, LocalDate effectiveDate, String note,
                                String documentReference, String reason, LocalDate today) implements DossierCommand {
    }

    record SetMeasureKeyDates(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                              String measureId, LocalDate entryIntoForce, LocalDate application, LocalDate transpositionDeadline)
            implements DossierCommand {
    }

    record TagRight(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion, String rightCode,
                    String rationale) implements DossierCommand {
    }

    record UntagRight(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion, String rightCode)
            implements DossierCommand {
    }

    record DraftRecommendation(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                               String recommendationId, String text, Set<Addressee> addressees, List<String> measureIds)
            implements DossierCommand {
    }

    record ReviseRecommendation(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                String recommendationId, String text) implements DossierCommand {
    }

    record ChangeRecommendationAddressees(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                          String recommendationId, Set<Addressee> addressees) implements DossierCommand {
    }

    record LinkRecommendationToMeasure(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                       String recommendationId, String measureId) implements DossierCommand {
    }

    record UnlinkRecommendationFromMeasure(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                           String recommendationId, String measureId) implements DossierCommand {
    }

    record MoveRecommendationStatus(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                    String recommendationId, RecommendationStatus status) implements DossierCommand {
    }

    record RecordRecommendationOutcome(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                       String recommendationId, Outcome outcome, String evidence) implements DossierCommand {
    }

    record EndorseRecommendation(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                 String recommendationId, String organisationId) implements DossierCommand {
    }

    record WithdrawEndorsement(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                               String recommendationId, String organisationId) implements DossierCommand {
    }

    /** Records how a step's text reflects a recommendation; a different record of a step already recorded needs a reason. */
    record RecordUptake(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion, String recommendationId,
                        String stepId, Uptake uptake, String passage, String reference, String note, String reason) implements DossierCommand {
    }

    /* National implementation. The caller has checked that the acting organisation may record facts for the country. */

    record RecordNationalMeasure(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                 String measureId, String country, String nationalMeasureId, NationalMeasureKind kind, String title,
                                 String reference, LocalDate adoptedOn, String link, String organisationId, LocalDate today)
            implements DossierCommand {
    }

    record CorrectNationalMeasure(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                  String measureId, String country, String nationalMeasureId, NationalMeasureKind kind, String title,
                                  String reference, LocalDate adoptedOn, String link, String organisationId, String reason, LocalDate today)
            implements DossierCommand {
    }

    record DeclareTransposition(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                String measureId, String country, TranspositionStatus status, LocalDate effectiveDate, String source,
                                String organisationId, LocalDate today) implements DossierCommand {
    }

    record RecordInfringementStep(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                                  String measureId, String country, String stepId, InfringementStage stage, String reference,
                                  LocalDate effectiveDate, String organisationId, LocalDate today) implements DossierCommand {
    }

    record AddNationalNote(@TargetAggregateIdentifier String dossierId, @TargetAggregateVersion Long expectedVersion,
                           String measureId, String country, String noteId, String text, String rightCode, String organisationId)
            implements DossierCommand {
    }
}
