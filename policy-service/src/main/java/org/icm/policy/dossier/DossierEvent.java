package org.icm.policy.dossier;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.icm.kernel.privacy.NotPersonal;
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
 * What happened to a dossier, its measures, its rights at stake and its recommendations: the domain
 * events of policy-service, private to it (the published language is in shared-kernel). Who did it,
 * when and why travel as metadata. Each event carries the values after the change, so the state is a
 * fold of events ({@link DossierState#apply}) and differences come from comparing states.
 */
public sealed interface DossierEvent {

    String dossierId();

    /** The measure this event is about, if any (records with a measureId component answer it). */
    default String measureId() {
        return null;
    }

    /** The recommendation this event is about, if any. */
    default String recommendationId() {
        return null;
    }

    /**
     * The day the change happened in the world, for events that say (a procedure step, a national fact); null for the
     * others, which take effect when recorded. Records with an {@code effectiveDate} component answer it themselves.
     */
    default LocalDate effectiveDate() {
        return null;
    }

    /** A correction of something recorded wrongly, with the reason it gives: the timeline marks it as one. */
    interface Correction {

        String reason();
    }

    @Revision("1")
    record DossierOpened(String dossierId,
                         String title,
                         PolicyArea policyArea,
                         @NotPersonal(NotPersonal.NETWORK_RECORD) String summary,
                         String leadOrganisation)
            implements DossierEvent {
    }

    @Revision("1")
    record DossierEdited(String dossierId,
                         String title,
                         PolicyArea policyArea,
                         @NotPersonal(NotPersonal.NETWORK_RECORD) String summary) implements DossierEvent {
    }

    @Revision("1")
    record DossierPublished(String dossierId) implements DossierEvent {
    }

    @Revision("1")
    record DossierReturnedToDraft(String dossierId) implements DossierEvent {
    }

    @Revision("1")
    record DossierArchived(String dossierId) implements DossierEvent {
    }

    @Revision("1")
    record MeasureAdded(String dossierId, String measureId, String title, MeasureType type, String procedureReference,
                        String comReference, String celexNumber, String finalAct) implements DossierEvent {
    }

    @Revision("1")
    record MeasureEdited(String dossierId, String measureId, String title, MeasureType type, String procedureReference,
                         String comReference, String celexNumber, String finalAct) implements DossierEvent {
    }

    @Revision("1")
    record ProcedureStepRecorded(String dossierId, String measureId, String stepId, ProcedureStage stage, LocalDate effectiveDate,
                                 @NotPersonal(NotPersonal.NETWORK_RECORD) String note, String documentReference) implements DossierEvent {
    }

    /** A recorded step was wrong; this is what it should have said. The reason is mandatory. */
    @Revision("1")
    record ProcedureStepCorrected(String dossierId, String measureId, String stepId, ProcedureStage stage, LocalDate effectiveDate,
                                  @NotPersonal(NotPersonal.NETWORK_RECORD) String note, String documentReference,
                                  @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) implements DossierEvent, Correction {
    }

    @Revision("1")
    record MeasureKeyDatesSet(String dossierId, String measureId, LocalDate entryIntoForce, LocalDate application,
                              LocalDate transpositionDeadline) implements DossierEvent {
    }

    @Revision("1")
    record RightTagged(String dossierId,
                       String rightCode,
                       @NotPersonal(NotPersonal.NETWORK_RECORD) String rationale) implements DossierEvent {
    }

    @Revision("1")
    record RightUntagged(String dossierId, String rightCode) implements DossierEvent {
    }

    @Revision("1")
    record RecommendationDrafted(String dossierId,
                                 String recommendationId,
                                 @NotPersonal(NotPersonal.NETWORK_RECORD) String text,
                                 List<Addressee> addressees,
                                 List<String> measureIds) implements DossierEvent {
    }

    @Revision("1")
    record RecommendationRevised(String dossierId,
                                 String recommendationId,
                                 int revision,
                                 @NotPersonal(NotPersonal.NETWORK_RECORD) String text) implements DossierEvent {
    }

    @Revision("1")
    record RecommendationAddresseesChanged(String dossierId, String recommendationId, List<Addressee> addressees) implements DossierEvent {
    }

    @Revision("1")
    record RecommendationMeasureLinked(String dossierId, String recommendationId, String measureId) implements DossierEvent {
    }

    @Revision("1")
    record RecommendationMeasureUnlinked(String dossierId, String recommendationId, String measureId) implements DossierEvent {
    }

    @Revision("1")
    record RecommendationStatusChanged(String dossierId, String recommendationId, RecommendationStatus from, RecommendationStatus to)
            implements DossierEvent {
    }

    @Revision("1")
    record RecommendationOutcomeRecorded(String dossierId, String recommendationId, Outcome outcome, String evidence)
            implements DossierEvent {
    }

    @Revision("1")
    record RecommendationEndorsed(String dossierId, String recommendationId, String organisationId) implements DossierEvent {
    }

    @Revision("1")
    record RecommendationEndorsementWithdrawn(String dossierId, String recommendationId, String organisationId) implements DossierEvent {
    }

    /**
     * How far the text of a procedure step (the measure's proposal, report, general approach, final act ...) reflects a
     * published recommendation, with the quoted passage and its reference: one link of the recommendation's uptake trail.
     */
    @Revision("1")
    record UptakeRecorded(String dossierId, String recommendationId, String measureId, String stepId, Uptake uptake,
                          @NotPersonal(NotPersonal.NETWORK_RECORD) String passage, String reference,
                          @NotPersonal(NotPersonal.NETWORK_RECORD) String note) implements DossierEvent {
    }

    /** A recorded uptake was wrong; this is what it should have said. The reason is mandatory. */
    @Revision("1")
    record UptakeCorrected(String dossierId, String recommendationId, String measureId, String stepId, Uptake uptake,
                           @NotPersonal(NotPersonal.NETWORK_RECORD) String passage, String reference,
                           @NotPersonal(NotPersonal.NETWORK_RECORD) String note,
                           @NotPersonal(NotPersonal.NETWORK_RECORD) String reason) implements DossierEvent, Correction {
    }

    /**
     * Events of a measure's national implementation in one member state ({@code country}, ISO 3166-1 alpha-2). The
     * organisation that recorded the fact is part of it: readers see it as the source.
     */
    sealed interface NationalEvent extends DossierEvent {

        String country();

        String organisationId();
    }

    /** A member state adopted a national measure for the EU act (a transposition measure, a plan, an authority, an adaptation). */
    @Revision("1")
    record NationalMeasureRecorded(String dossierId, String measureId, String country, String nationalMeasureId, NationalMeasureKind kind,
                                   @NotPersonal(NotPersonal.NETWORK_RECORD) String title, String reference, LocalDate adoptedOn,
                                   String link, String organisationId) implements NationalEvent {

        @Override
        public LocalDate effectiveDate() {
            return adoptedOn;
        }
    }

    /** A recorded national measure was wrong; this is what it should have said. The reason is mandatory. */
    @Revision("1")
    record NationalMeasureCorrected(String dossierId, String measureId, String country, String nationalMeasureId, NationalMeasureKind kind,
                                    @NotPersonal(NotPersonal.NETWORK_RECORD) String title, String reference, LocalDate adoptedOn,
                                    String link, String organisationId, @NotPersonal(NotPersonal.NETWORK_RECORD) String reason)
            implements NationalEvent, Correction {

        @Override
        public LocalDate effectiveDate() {
            return adoptedOn;
        }
    }

    /** What a member state declared about its transposition of a directive, from a date, and where that is said. */
    @Revision("1")
    record TranspositionDeclared(String dossierId, String measureId, String country, TranspositionStatus status, LocalDate effectiveDate,
                                 @NotPersonal(NotPersonal.NETWORK_RECORD) String source, String organisationId) implements NationalEvent {
    }

    /** A step of the Commission's infringement procedure against the member state about this act. */
    @Revision("1")
    record InfringementStepRecorded(String dossierId, String measureId, String country, String stepId, InfringementStage stage,
                                    String reference, LocalDate effectiveDate, String organisationId) implements NationalEvent {
    }

    /** A national member's note: how children are affected in that country, with a right at stake if one is named. */
    @Revision("1")
    record NationalNoteAdded(String dossierId, String measureId, String country, String noteId,
                             @NotPersonal(NotPersonal.NETWORK_RECORD) String text, String rightCode, String organisationId)
            implements NationalEvent {
    }
}
