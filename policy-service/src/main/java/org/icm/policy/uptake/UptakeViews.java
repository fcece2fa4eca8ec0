package org.icm.policy.uptake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.dossier.DossierState.Recommendation;
import org.icm.policy.dossier.DossierState.Step;
import org.icm.policy.dossier.DossierState.UptakeRecord;
import org.icm.policy.dossier.Vocabulary.Outcome;

/**
 * What the uptake records of a dossier say, derived from its state (now, or as known at an instant): a recommendation's
 * trail across the texts of its procedures, a dossier's report, and the lines of the network's impact report. The final
 * outcome stays the verdict; the views say where the trail and the outcome disagree.
 */
final class UptakeViews {

    /** The steps whose stage comes with a text a recommendation can be found in. */
    static final Set<ProcedureStage> TEXT_STAGES = EnumSet.of(ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.EP_COMMITTEE,
            ProcedureStage.EP_MANDATE, ProcedureStage.COUNCIL_MANDATE, ProcedureStage.PROVISIONAL_AGREEMENT, ProcedureStage.ADOPTED,
            ProcedureStage.PUBLISHED_IN_OJ);
    private static final Set<ProcedureStage> PARLIAMENT = EnumSet.of(ProcedureStage.EP_COMMITTEE, ProcedureStage.EP_MANDATE);
    private static final Set<ProcedureStage> FINAL_ACT = EnumSet.of(ProcedureStage.ADOPTED, ProcedureStage.PUBLISHED_IN_OJ);

    private UptakeViews() {
    }

    /** One text of the procedure, with what was recorded about the recommendation in it (uptake null: not traced yet). */
    record TrailStep(String measureId, String measureTitle, String stepId, ProcedureStage stage, LocalDate effectiveDate,
                     String documentReference, Uptake uptake, String passage, String reference, String note, String correctionReason) {
    }

    /**
     * @param latest    the uptake at the latest text traced
     * @param disagrees the latest uptake and the recorded outcome say different things
     */
    record Trail(String dossierId, String dossierTitle, String recommendationId, String text, int revision, String status,
                 Outcome outcome, String outcomeEvidence, List<TrailStep> steps, Uptake latest, boolean disagrees, Instant asOf, long version) {
    }

    record StageCount(ProcedureStage stage, int reflected, int partiallyReflected, int notReflected) {
    }

    /**
     * @param lostAfterParliament reflected (even in part) in a text of the Parliament, not reflected in the final act
     */
    record RecommendationLine(String recommendationId, String text, Outcome outcome, Map<ProcedureStage, Uptake> byStage, Uptake latest,
                              boolean lostAfterParliament, boolean disagrees) {
    }

    record DossierReport(String dossierId, String dossierTitle, PolicyArea policyArea, Instant asOf, long version, List<StageCount> stages,
                         List<RecommendationLine> recommendations) {
    }

    static Trail trail(DossierState dossier, Recommendation recommendation, Instant asOf, long version) {
        List<TrailStep> steps = steps(dossier, recommendation);
        Uptake latest = latest(steps).orElse(null);
        return new Trail(dossier.id(), dossier.title(), recommendation.id(), recommendation.text(), recommendation.revision(),
                recommendation.status().name(), recommendation.outcome(), recommendation.outcomeEvidence(), steps, latest,
                disagrees(latest, recommendation.outcome()), asOf, version);
    }

    static DossierReport report(DossierState dossier, List<Recommendation> recommendations, Instant asOf, long version) {
        Map<ProcedureStage, int[]> counts = new LinkedHashMap<>();
        List<RecommendationLine> lines = new ArrayList<>();
        for (Recommendation recommendation : recommendations) {
            List<TrailStep> steps = steps(dossier, recommendation);
            Map<ProcedureStage, Uptake> byStage = new LinkedHashMap<>();
            steps.stream().filter(step -> step.uptake() != null).forEach(step -> byStage.put(step.stage(), step.uptake()));
            byStage.forEach((stage, uptake) -> counts.computeIfAbsent(stage, s -> new int[3])[uptake.ordinal()]++);
            boolean inParliament = byStage.entrySet().stream().anyMatch(e -> PARLIAMENT.contains(e.getKey()) && e.getValue() != Uptake.NOT_REFLECTED);
            boolean lostInFinalAct = byStage.entrySet().stream().anyMatch(e -> FINAL_ACT.contains(e.getKey()) && e.getValue() == Uptake.NOT_REFLECTED);
            Uptake latest = latest(steps).orElse(null);
            lines.add(new RecommendationLine(recommendation.id(), recommendation.text(), recommendation.outcome(), byStage, latest,
                    inParliament && lostInFinalAct, disagrees(latest, recommendation.outcome())));
        }
        List<StageCount> stages = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> stages.add(new StageCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])));
        return new DossierReport(dossier.id(), dossier.title(), dossier.policyArea(), asOf, version, List.copyOf(stages), List.copyOf(lines));
    }

    /** The texts of the recommendation's measures in the order they came, with the uptake recorded at each. */
    static List<TrailStep> steps(DossierState dossier, Recommendation recommendation) {
        List<TrailStep> steps = new ArrayList<>();
        for (String measureId : recommendation.measureIds()) {
            Measure measure = dossier.measures().get(measureId);
            for (Step step : measure.chronology()) {
                UptakeRecord record = recommendation.uptake().get(step.stepId());
                if (record == null && !TEXT_STAGES.contains(step.stage())) {
                    continue;
                }
                steps.add(record == null
                        ? new TrailStep(measure.id(), measure.title(), step.stepId(), step.stage(), step.effectiveDate(), step.documentReference(),
                        null, null, null, null, null)
                        : new TrailStep(measure.id(), measure.title(), step.stepId(), step.stage(), step.effectiveDate(), step.documentReference(),
                        record.uptake(), record.passage(), record.reference(), record.note(), record.correctionReason()));
            }
        }
        steps.sort(Comparator.comparing(TrailStep::effectiveDate));
        return List.copyOf(steps);
    }

    private static Optional<Uptake> latest(List<TrailStep> steps) {
        return steps.stream().filter(step -> step.uptake() != null).reduce((a, b) -> b).map(TrailStep::uptake);
    }

    /** REFLECTED goes with ADDRESSED, PARTIALLY_REFLECTED with PARTIALLY_ADDRESSED, NOT_REFLECTED with NOT_ADDRESSED. */
    static boolean disagrees(Uptake latest, Outcome outcome) {
        if (latest == null || outcome == null) {
            return false;
        }
        return switch (latest) {
            case REFLECTED -> outcome != Outcome.ADDRESSED;
            case PARTIALLY_REFLECTED -> outcome != Outcome.PARTIALLY_ADDRESSED;
            case NOT_REFLECTED -> outcome != Outcome.NOT_ADDRESSED;
        };
    }
}
