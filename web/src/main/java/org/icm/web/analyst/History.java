package org.icm.web.analyst;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The policy service's history API, as the analyst pages read it. */
public final class History {

    private History() {
    }

    public record Change(String path, String change, Object oldValue, Object newValue) {
    }

    public record Entry(long sequence, Instant recordedAt, String account, String organisation, String reason, String kind, boolean correction,
                        String measureId, String recommendationId, String summary, List<Change> changes) {
    }

    public record Timeline(List<Entry> items, int page, int size, long total) {
    }

    public record Step(String stepId, String stage, LocalDate effectiveDate, String note, String documentReference, String correctionReason) {
    }

    public record Measure(String id, String title, String type, List<Step> steps) {
    }

    public record Recommendation(String id, String text, int revision, String status, List<String> endorsements) {
    }

    public record State(String id, String title, String policyArea, String summary, String visibility, String status,
                        Map<String, Measure> measures, Map<String, Object> rights, Map<String, Recommendation> recommendations) {
    }

    public record StateAsOf(String dossierId, Instant asOf, LocalDate validAt, long version, State state) {
    }

    public record Segment(String change, String text) {
    }

    public record TextChange(String recommendationId, Integer fromRevision, Integer toRevision, List<Segment> words) {
    }

    public record Difference(Instant from, Instant to, long fromVersion, long toVersion, List<Change> changes, List<TextChange> textChanges) {
    }
}
