package org.icm.web.countries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;

/**
 * What the policy service answers about national implementation, as the pages read it (unknown fields are ignored, so
 * the service may add some). A status of {@code null} means nothing is declared, which is not the same as a state
 * declaring NOT_NOTIFIED.
 */
public final class National {

    /** The status filter's value for "nothing declared", as the policy service takes it. */
    public static final String NO_INFORMATION = "NONE";

    private National() {
    }

    public record Country(String code, String name) {
    }

    /** One member state's line in a measure's table. */
    public record Row(String country, String countryName, String status, LocalDate statusSince, String source, String sourceOrganisation,
                      int nationalMeasures, String infringementStage, String infringementReference, boolean deadlinePassed) {
    }

    /** How many states stand where, counted over all the states whatever the filter. */
    public record Summary(int total, int complete, int partial, int notNotified, int noInformation) {
    }

    public record MeasureTable(String dossierId, String dossierTitle, String measureId, String measureTitle, String measureType,
                               LocalDate transpositionDeadline, LocalDate application, Instant asOf, LocalDate validAt, long version,
                               Summary summary, List<Row> countries) {
    }

    public record Declaration(String status, LocalDate effectiveDate, String source, String organisationId) {
    }

    public record NationalMeasure(String id, String kind, String title, String reference, LocalDate adoptedOn, String link, String organisationId,
                                  String correctionReason) {

        /** Only web addresses become links: a recorded value is never trusted to be one. */
        public boolean linkable() {
            return link != null && (link.startsWith("https://") || link.startsWith("http://"));
        }
    }

    public record InfringementStep(String id, String stage, String reference, LocalDate effectiveDate, String organisationId) {
    }

    public record Note(String id, String text, String rightCode, String organisationId) {
    }

    public record Implementation(String country, List<Declaration> declarations, List<NationalMeasure> measures,
                                 List<InfringementStep> infringement, List<Note> notes) {
    }

    /** One tracked measure as a country's page shows it. */
    public record MeasureInCountry(String dossierId, String dossierTitle, String measureId, String measureTitle, String measureType,
                                   LocalDate transpositionDeadline, LocalDate application, Row row, Implementation implementation) {

        public boolean directive() {
            return "DIRECTIVE".equals(measureType);
        }

        /** The kinds of national measure a state adopts for this act: transposition measures for a directive, the rest for a regulation. */
        public List<NationalMeasureKind> nationalMeasureKinds() {
            MeasureType type = Arrays.stream(MeasureType.values()).filter(t -> t.name().equals(measureType)).findFirst().orElse(null);
            List<NationalMeasureKind> kinds = Arrays.stream(NationalMeasureKind.values()).filter(kind -> type == null || kind.appliesTo(type)).toList();
            return kinds.isEmpty() ? List.of(NationalMeasureKind.values()) : kinds;
        }
    }

    /** A deadline of an EU act in the country: TRANSPOSITION or APPLICATION, passed or to come. */
    public record Deadline(String dossierId, String measureId, String measureTitle, String kind, LocalDate date, boolean passed) {
    }

    public record RecommendationToStates(String dossierId, String dossierTitle, String recommendationId, String text) {
    }

    public record CountryOverview(String country, String countryName, List<MeasureInCountry> measures, List<Deadline> deadlines,
                                  List<RecommendationToStates> recommendations) {

        public List<Deadline> passed() {
            return deadlines.stream().filter(Deadline::passed).toList();
        }

        public List<Deadline> coming() {
            return deadlines.stream().filter(deadline -> !deadline.passed()).toList();
        }
    }
}
