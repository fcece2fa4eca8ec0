package org.icm.web.uptake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the policy service answers about recommendation uptake, as the pages read it (unknown fields are ignored, so the
 * service may add some). Codes stay strings: the pages say them in words ({@code uptake.*}, {@code stage.*},
 * {@code outcome.*}), and a code the service adds later still reads in plain words. An uptake of {@code null} means the
 * text is not traced yet, which is not the same as NOT_REFLECTED.
 */
public final class Uptakes {

    /** The uptakes in the order a select offers them: the most reflected first. */
    public static final List<String> UPTAKES = List.of("REFLECTED", "PARTIALLY_REFLECTED", "NOT_REFLECTED");

    /** The languages the passage finder analyses. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    private Uptakes() {
    }

    /** One text of the procedure, with what was recorded about the recommendation in it. */
    public record TrailStep(String measureId, String measureTitle, String stepId, String stage, LocalDate effectiveDate, String documentReference,
                            String uptake, String passage, String reference, String note, String correctionReason) {

        public boolean traced() {
            return uptake != null;
        }
    }

    /** A published recommendation's uptake across the texts of its procedures, in date order; its outcome stays the verdict. */
    public record Trail(String dossierId, String dossierTitle, String recommendationId, String text, int revision, String status,
                        String outcome, String outcomeEvidence, List<TrailStep> steps, String latest, boolean disagrees, Instant asOf, long version) {

        public List<TrailStep> steps() {
            return steps == null ? List.of() : steps;
        }

        /** The step of this trail with that id, or null. */
        public TrailStep step(String stepId) {
            return steps().stream().filter(step -> step.stepId().equals(stepId)).findFirst().orElse(null);
        }
    }

    public record StageCount(String stage, int reflected, int partiallyReflected, int notReflected) {
    }

    public record RecommendationLine(String recommendationId, String text, String outcome, Map<String, String> byStage, String latest,
                                     boolean lostAfterParliament, boolean disagrees) {

        public Map<String, String> byStage() {
            return byStage == null ? Map.of() : byStage;
        }
    }

    public record DossierReport(String dossierId, String dossierTitle, String policyArea, Instant asOf, long version, List<StageCount> stages,
                                List<RecommendationLine> recommendations) {

        public List<StageCount> stages() {
            return stages == null ? List.of() : stages;
        }

        public List<RecommendationLine> recommendations() {
            return recommendations == null ? List.of() : recommendations;
        }
    }

    /** Part of a suggested passage: a word matching the recommendation ({@code match}), or what lies between. */
    public record Segment(String text, boolean match) {
    }

    /** A passage of the pasted text, where it is in it ({@code start}..{@code end}), ranked by its similarity to the recommendation. */
    public record Suggestion(int rank, double score, int start, int end, String passage, List<Segment> segments) {

        public List<Segment> segments() {
            return segments == null ? List.of(new Segment(passage, false)) : segments;
        }
    }

    public record Suggestions(String recommendationId, int revision, List<Suggestion> suggestions) {

        public List<Suggestion> suggestions() {
            return suggestions == null ? List.of() : suggestions;
        }
    }

    /** One group of the impact report: a policy area or a right at stake (the other is null). */
    public record ImpactLine(String policyArea, String right, int recommendations, int reflected, int partiallyReflected, int notReflected,
                             int addressed, int disagreements) {
    }

    public record Impact(LocalDate from, LocalDate to, Instant asOf, List<ImpactLine> byPolicyArea, List<ImpactLine> byRight) {

        public List<ImpactLine> byPolicyArea() {
            return byPolicyArea == null ? List.of() : byPolicyArea;
        }

        public List<ImpactLine> byRight() {
            return byRight == null ? List.of() : byRight;
        }
    }
}
