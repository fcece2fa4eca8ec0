package org.icm.policy.national;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.dossier.NationalImplementation;
import org.icm.policy.dossier.NationalImplementation.Declaration;
import org.icm.policy.dossier.NationalImplementation.InfringementStep;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What the national-implementation API answers: one shape for a measure's table of states, a country's page and the exports. */
final class NationalViews {

    private NationalViews() {
    }

    /**
     * One member state's line in a measure's table.
     *
     * @param status         the declared transposition status; null when nothing is declared ("no information")
     * @param deadlinePassed the directive's transposition deadline has passed (on {@code today}) and the state is not COMPLETE
     */
    record CountryRow(String country, String countryName, TranspositionStatus status, LocalDate statusSince, String source,
                      String sourceOrganisation, int nationalMeasures, InfringementStage infringementStage, String infringementReference,
                      boolean deadlinePassed) {

        static CountryRow of(Measure measure, String country, LocalDate today) {
            NationalImplementation national = measure.national(country);
            Declaration declaration = national.declaration().orElse(null);
            InfringementStep infringement = national.latestInfringementStep().orElse(null);
            TranspositionStatus status = declaration == null ? null : declaration.status();
            boolean passed = measure.transpositionDeadline() != null && measure.transpositionDeadline().isBefore(today)
                    && status != TranspositionStatus.COMPLETE;
            return new CountryRow(country, name(country), status, declaration == null ? null : declaration.effectiveDate(),
                    declaration == null ? null : declaration.source(), declaration == null ? null : declaration.organisationId(),
                    national.measures().size(), infringement == null ? null : infringement.stage(),
                    infringement == null ? null : infringement.reference(), passed);
        }
    }

    /** How many states stand where: "12 of 27 complete". */
    record Summary(int total, int complete, int partial, int notNotified, int noInformation) {

        static Summary of(List<CountryRow> rows) {
            return new Summary(rows.size(), count(rows, TranspositionStatus.COMPLETE), count(rows, TranspositionStatus.PARTIAL),
                    count(rows, TranspositionStatus.NOT_NOTIFIED), count(rows, null));
        }

        private static int count(List<CountryRow> rows, TranspositionStatus status) {
            return (int) rows.stream().filter(row -> row.status() == status).count();
        }
    }

    /** A measure's national implementation in every followed state, as known at {@code asOf} (null: now). */
    record MeasureTable(String dossierId, String dossierTitle, String measureId, String measureTitle, MeasureType measureType,
                        LocalDate transpositionDeadline, LocalDate application, Instant asOf, LocalDate validAt, long version,
                        Summary summary, List<CountryRow> countries) {

        /**
         * The table of {@code countries} for a measure of a dossier; {@code status} (a declared status, or NONE for nothing
         * declared) filters the rows shown, the summary counts them all; {@code today} judges the deadline.
         */
        static MeasureTable of(DossierState dossier, Measure measure, List<String> countries, String status, long version, Instant asOf,
                               LocalDate validAt, LocalDate today) {
            List<CountryRow> rows = countries.stream().map(country -> CountryRow.of(measure, country, today)).toList();
            List<CountryRow> shown = status == null || status.isBlank() ? rows : rows.stream().filter(row -> matches(row, status)).toList();
            return new MeasureTable(dossier.id(), dossier.title(), measure.id(), measure.title(), measure.type(),
                    measure.transpositionDeadline(), measure.application(), asOf, validAt, version, Summary.of(rows), shown);
        }

        private static boolean matches(CountryRow row, String status) {
            if ("NONE".equals(status)) {
                return row.status() == null;
            }
            try {
                return row.status() == TranspositionStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "status must be NOT_NOTIFIED, PARTIAL, COMPLETE or NONE, not '" + status + "'");
            }
        }
    }

    /** A measure of the dossier, or a 404 that says which. */
    static Measure measure(DossierState dossier, String measureId) {
        Measure measure = dossier.measures().get(measureId);
        if (measure == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The dossier has no measure " + measureId + ".");
        }
        return measure;
    }

    /** One measure as a country's page shows it: its dates, and everything recorded for that country. */
    record MeasureInCountry(String dossierId, String dossierTitle, String measureId, String measureTitle, MeasureType measureType,
                            LocalDate transpositionDeadline, LocalDate application, CountryRow row, NationalImplementation implementation) {

        static MeasureInCountry of(DossierState dossier, Measure measure, String country, LocalDate today) {
            return new MeasureInCountry(dossier.id(), dossier.title(), measure.id(), measure.title(), measure.type(),
                    measure.transpositionDeadline(), measure.application(), CountryRow.of(measure, country, today), measure.national(country));
        }
    }

    /** A deadline of an EU act in a country: passed, or still to come. */
    record Deadline(String dossierId, String measureId, String measureTitle, String kind, LocalDate date, boolean passed) {
    }

    /** A published recommendation that asks the member states to act. */
    record RecommendationToStates(String dossierId, String dossierTitle, String recommendationId, String text) {
    }

    record CountryOverview(String country, String countryName, List<MeasureInCountry> measures, List<Deadline> deadlines,
                           List<RecommendationToStates> recommendations) {
    }

    static String name(String country) {
        return Locale.of("", country).getDisplayCountry(Locale.ENGLISH);
    }

    /** The acts states put into effect nationally: directives are transposed, regulations implemented. */
    static boolean tracked(Measure measure) {
        return measure.type() == MeasureType.DIRECTIVE || measure.type() == MeasureType.REGULATION || !measure.national().isEmpty();
    }
}
