package org.icm.policy.integration;

import static org.icm.kernel.events.policy.PolicyIntegrationEvents.DOSSIER_ARCHIVED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.DOSSIER_EDITED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.DOSSIER_OPENED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.DOSSIER_PUBLISHED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.DOSSIER_RETURNED_TO_DRAFT;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.MEASURE_ADDED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.MEASURE_STAGE_CHANGED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.NATIONAL_IMPLEMENTATION_RECORDED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.RECOMMENDATION_OUTCOME_RECORDED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.RECOMMENDATION_PUBLISHED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.RECOMMENDATION_REVISED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.RECOMMENDATION_STATUS_CHANGED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.RECOMMENDATION_UPTAKE_RECORDED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.RIGHT_TAGGED;
import static org.icm.kernel.events.policy.PolicyIntegrationEvents.RIGHT_UNTAGGED;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.icm.kernel.events.policy.DossierArchived;
import org.icm.kernel.events.policy.DossierEdited;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.DossierReturnedToDraft;
import org.icm.kernel.events.policy.MeasureAdded;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.events.policy.NationalImplementationRecorded.Fact;
import org.icm.kernel.events.policy.RecommendationOutcomeRecorded;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.events.policy.RecommendationStatusChanged;
import org.icm.kernel.events.policy.RecommendationUptakeRecorded;
import org.icm.kernel.events.policy.RightTagged;
import org.icm.kernel.events.policy.RightUntagged;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.dossier.DossierState.Recommendation;
import org.icm.policy.dossier.DossierState.Step;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.service.integration.OutgoingIntegrationEvent;

/**
 * What a dossier's domain event means to other services: a pure function of the event and the dossier's
 * state before and after it. The switch names every domain event, so a new one does not go unpublished
 * by oversight: it has to be decided here.
 *
 * <ul>
 *   <li>Edits of measures, key dates, drafts of recommendations, their addressees and measure links, and
 *       endorsements stay private for now: no consumer needs them yet; so do national members' notes.</li>
 *   <li>Uptake recorded or corrected is published as {@link RecommendationUptakeRecorded}, with the endorsing organisations.</li>
 *   <li>National measures, transposition declarations and infringement steps are published as one
 *       {@link NationalImplementationRecorded}, for those who follow a country.</li>
 *   <li>A recorded or corrected procedure step is published as {@link MeasureStageChanged} only when the
 *       measure's current step (the one with the latest effective date) changed its stage or its date. A
 *       step recorded for an earlier date completes the history but leaves the current stage as it was, and
 *       a correction of a note or of an earlier step does too: nothing to tell other services.</li>
 *   <li>A recommendation's move to PUBLISHED is published twice: as the status change it is, and as
 *       {@link RecommendationPublished} with the text, for consumers that only care about publication.</li>
 * </ul>
 */
final class DossierEventTranslation {

    private DossierEventTranslation() {
    }

    static List<OutgoingIntegrationEvent<?>> of(DossierEvent event, DossierState before, DossierState after) {
        String id = after.id();
        String title = after.title();
        var area = after.policyArea();
        return switch (event) {
            case DossierEvent.DossierOpened e -> List.of(OutgoingIntegrationEvent.of(DOSSIER_OPENED,
                    new DossierOpened(id, title, area, e.summary(), e.leadOrganisation())));
            case DossierEvent.DossierEdited e -> List.of(OutgoingIntegrationEvent.of(DOSSIER_EDITED,
                    new DossierEdited(id, title, area, e.summary())));
            case DossierEvent.DossierPublished e -> List.of(OutgoingIntegrationEvent.of(DOSSIER_PUBLISHED,
                    new DossierPublished(id, title, area)));
            case DossierEvent.DossierReturnedToDraft e -> List.of(OutgoingIntegrationEvent.of(DOSSIER_RETURNED_TO_DRAFT,
                    new DossierReturnedToDraft(id, title, area)));
            case DossierEvent.DossierArchived e -> List.of(OutgoingIntegrationEvent.of(DOSSIER_ARCHIVED,
                    new DossierArchived(id, title, area)));
            case DossierEvent.MeasureAdded e -> List.of(OutgoingIntegrationEvent.of(MEASURE_ADDED,
                    new MeasureAdded(id, title, area, e.measureId(), e.title(), e.type(), e.procedureReference())));
            case DossierEvent.ProcedureStepRecorded e -> stageChange(before, after, e.measureId(), false);
            case DossierEvent.ProcedureStepCorrected e -> stageChange(before, after, e.measureId(), true);
            case DossierEvent.RightTagged e -> List.of(OutgoingIntegrationEvent.of(RIGHT_TAGGED,
                    new RightTagged(id, title, area, e.rightCode(), e.rationale())));
            case DossierEvent.RightUntagged e -> List.of(OutgoingIntegrationEvent.of(RIGHT_UNTAGGED,
                    new RightUntagged(id, title, area, e.rightCode())));
            case DossierEvent.RecommendationRevised e -> List.of(OutgoingIntegrationEvent.of(RECOMMENDATION_REVISED,
                    new RecommendationRevised(id, title, area, e.recommendationId(), e.revision(), e.text(),
                            after.recommendations().get(e.recommendationId()).status().name())));
            case DossierEvent.RecommendationStatusChanged e -> statusChange(after, e);
            case DossierEvent.RecommendationOutcomeRecorded e -> List.of(OutgoingIntegrationEvent.of(RECOMMENDATION_OUTCOME_RECORDED,
                    new RecommendationOutcomeRecorded(id, title, area, e.recommendationId(), e.outcome().name(), e.evidence())));
            case DossierEvent.MeasureEdited e -> List.of();
            case DossierEvent.MeasureKeyDatesSet e -> List.of();
            case DossierEvent.RecommendationDrafted e -> List.of();
            case DossierEvent.RecommendationAddresseesChanged e -> List.of();
            case DossierEvent.RecommendationMeasureLinked e -> List.of();
            case DossierEvent.RecommendationMeasureUnlinked e -> List.of();
            case DossierEvent.RecommendationEndorsed e -> List.of();
            case DossierEvent.RecommendationEndorsementWithdrawn e -> List.of();
            case DossierEvent.NationalMeasureRecorded e -> national(after, e, Fact.NATIONAL_MEASURE, e.kind(), e.title(), e.reference(),
                    e.link(), null, null, null, e.adoptedOn(), false);
            case DossierEvent.NationalMeasureCorrected e -> national(after, e, Fact.NATIONAL_MEASURE, e.kind(), e.title(), e.reference(),
                    e.link(), null, null, null, e.adoptedOn(), true);
            case DossierEvent.TranspositionDeclared e -> national(after, e, Fact.TRANSPOSITION_STATUS, null, null, null, null,
                    before.measures().get(e.measureId()).national(e.country()).status().orElse(null), e.status(), null, e.effectiveDate(), false);
            case DossierEvent.InfringementStepRecorded e -> national(after, e, Fact.INFRINGEMENT_STEP, null, null, e.reference(), null,
                    null, null, e.stage(), e.effectiveDate(), false);
            case DossierEvent.NationalNoteAdded e -> List.of();
            case DossierEvent.UptakeRecorded e -> uptake(after, e.recommendationId(), e.measureId(), e.stepId(), e.uptake(), e.reference(), false);
            case DossierEvent.UptakeCorrected e -> uptake(after, e.recommendationId(), e.measureId(), e.stepId(), e.uptake(), e.reference(), true);
        };
    }

    private static List<OutgoingIntegrationEvent<?>> stageChange(DossierState before, DossierState after, String measureId,
                                                                 boolean correction) {
        Optional<Step> was = before.measures().get(measureId).currentStep();
        Measure measure = after.measures().get(measureId);
        Step now = measure.currentStep().orElseThrow();
        boolean changed = was.map(step -> step.stage() != now.stage() || !step.effectiveDate().equals(now.effectiveDate())).orElse(true);
        if (!changed) {
            return List.of();
        }
        return List.of(OutgoingIntegrationEvent.of(MEASURE_STAGE_CHANGED, new MeasureStageChanged(after.id(), after.title(),
                after.policyArea(), measure.id(), measure.title(), measure.procedureReference(), was.map(Step::stage).orElse(null),
                now.stage(), now.effectiveDate(), correction)));
    }

    private static List<OutgoingIntegrationEvent<?>> national(DossierState after, DossierEvent.NationalEvent e, Fact fact,
                                                              NationalMeasureKind kind, String title, String reference, String link,
                                                              TranspositionStatus previous, TranspositionStatus status,
                                                              InfringementStage stage, LocalDate effectiveDate, boolean correction) {
        Measure measure = after.measures().get(e.measureId());
        return List.of(OutgoingIntegrationEvent.of(NATIONAL_IMPLEMENTATION_RECORDED, new NationalImplementationRecorded(after.id(),
                after.title(), after.policyArea(), measure.id(), measure.title(), measure.type(), e.country(), fact, kind, title, reference,
                link, previous, status, stage, effectiveDate, measure.transpositionDeadline(), e.organisationId(), correction)));
    }

    private static List<OutgoingIntegrationEvent<?>> uptake(DossierState after, String recommendationId, String measureId, String stepId,
                                                            Uptake uptake, String reference, boolean correction) {
        Recommendation recommendation = after.recommendations().get(recommendationId);
        Measure measure = after.measures().get(measureId);
        Step step = measure.step(stepId).orElseThrow();
        return List.of(OutgoingIntegrationEvent.of(RECOMMENDATION_UPTAKE_RECORDED, new RecommendationUptakeRecorded(after.id(), after.title(),
                after.policyArea(), recommendationId, recommendation.text(), measureId, measure.title(), stepId, step.stage(), step.effectiveDate(),
                uptake, reference, recommendation.endorsements(), correction)));
    }

    private static List<OutgoingIntegrationEvent<?>> statusChange(DossierState after, DossierEvent.RecommendationStatusChanged e) {
        var changed = OutgoingIntegrationEvent.of(RECOMMENDATION_STATUS_CHANGED, new RecommendationStatusChanged(after.id(),
                after.title(), after.policyArea(), e.recommendationId(), e.from().name(), e.to().name()));
        if (e.to() != RecommendationStatus.PUBLISHED) {
            return List.of(changed);
        }
        Recommendation recommendation = after.recommendations().get(e.recommendationId());
        return List.of(changed, OutgoingIntegrationEvent.of(RECOMMENDATION_PUBLISHED, new RecommendationPublished(after.id(),
                after.title(), after.policyArea(), recommendation.id(), recommendation.revision(), recommendation.text(),
                recommendation.addressees().stream().map(Enum::name).toList(), recommendation.measureIds())));
    }
}
