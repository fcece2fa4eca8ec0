package org.icm.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the policy service answers, as the pages read it (unknown fields are ignored, so the service may add some). */
public final class Policy {

    private Policy() {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record DossierSummary(String id, String title, String policyArea, String visibility, String status, List<String> rightsAtStake,
                                 int measures, long version, Instant lastChangedAt) {
    }

    public record DossierDetail(String id, String title, String policyArea, String summary, String leadOrganisation, String visibility,
                                String status, List<Measure> measures, List<RightAtStake> rightsAtStake,
                                List<Recommendation> recommendations, long version, Instant lastChangedAt) {
    }

    public record Measure(String id, String title, String type, String procedureReference, String comReference, String celexNumber,
                          String finalAct, String currentStage, LocalDate currentStageDate, List<Step> steps, LocalDate entryIntoForce,
                          LocalDate application, LocalDate transpositionDeadline) {
    }

    public record Step(String stepId, String stage, LocalDate effectiveDate, String note, String documentReference, String correctionReason) {
    }

    public record RightAtStake(String code, String instrument, String article, String title, String rationale) {
    }

    public record Recommendation(String id, String text, int revision, List<String> addressees, List<String> measureIds, String status,
                                 String outcome, String outcomeEvidence, int endorsements) {
    }

    public record RecommendationDetail(String id, String text, int revision, String status, List<String> endorsements, long version) {
    }
}
