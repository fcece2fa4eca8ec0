package org.icm.web.countries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.Me;
import org.icm.web.pages.Policy;
import org.springframework.stereotype.Component;

/**
 * A dossier's tables of the member states, one per directive or regulation: each state's declared status, its national
 * measures and infringement step. One table may be filtered by status (a plain GET form, so it works without
 * JavaScript) and, for analysts, shown as known at an instant and as it stood on a date (the policy service's history).
 * A table the service cannot answer is left out with a notice: the dossier page itself still shows.
 */
@Component
public class NationalTables {

    /** The filter's choices, in the order the page offers them; NONE is "nothing declared". */
    public static final List<String> STATUSES = List.of("COMPLETE", "PARTIAL", "NOT_NOTIFIED", National.NO_INFORMATION);

    /** The acts states put into effect nationally: directives are transposed, regulations implemented. */
    static final Set<String> TRACKED = Set.of("DIRECTIVE", "REGULATION");

    private final Gateway gateway;

    NationalTables(Gateway gateway) {
        this.gateway = gateway;
    }

    /** What the page asked for one measure's table (the other tables show every state, now). */
    public record Filter(String measureId, String status, String asOf, String validAt) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }

        boolean isFor(String measure) {
            return measure != null && measure.equals(measureId);
        }
    }

    /**
     * One measure's table as shown: {@code status}, {@code asOf} and {@code validAt} as the filter form shows them back,
     * {@code table} null when {@code unavailable}.
     */
    public record Shown(National.MeasureTable table, String status, String asOf, String validAt, boolean unavailable) {

        /** Whether the table shows the past (the history) rather than now. */
        public boolean historical() {
            return (asOf != null && !asOf.isBlank()) || (validAt != null && !validAt.isBlank());
        }
    }

    /** Measure id -> its table, for the dossier's directives and regulations, in the dossier's order. */
    public Map<String, Shown> of(Policy.DossierDetail dossier, Filter filter) {
        Map<String, Shown> tables = new LinkedHashMap<>();
        if (dossier.measures() == null) {
            return tables;
        }
        for (Policy.Measure measure : dossier.measures()) {
            if (TRACKED.contains(measure.type())) {
                tables.put(measure.id(), read(dossier.id(), measure.id(), "DIRECTIVE".equals(measure.type()),
                        filter.isFor(measure.id()) ? filter : Filter.none()));
            }
        }
        return tables;
    }

    private Shown read(String dossierId, String measureId, boolean directive, Filter filter) {
        // only directives have a transposition status; a made-up status would only earn a refusal: the table then shows every state
        String status = directive && filter.status() != null && STATUSES.contains(filter.status()) ? filter.status() : null;
        // the history is the analysts': a visitor's asOf is not sent (the service would refuse it)
        boolean analyst = Me.current().analyst();
        Instant asOf = analyst ? instant(filter.asOf()) : null;
        LocalDate validAt = analyst ? date(filter.validAt()) : null;
        String measure = "/api/policy/dossiers/" + Gateway.segment(dossierId) + "/measures/" + Gateway.segment(measureId) + "/countries";
        String history = "/api/policy/dossiers/" + Gateway.segment(dossierId) + "/history/national/" + Gateway.segment(measureId);
        try {
            National.MeasureTable table = asOf == null && validAt == null
                    ? gateway.get(gateway.uri(measure, Gateway.query("status", status)), National.MeasureTable.class)
                    : gateway.get(gateway.uri(history, Gateway.query("asOf", asOf, "validAt", validAt, "status", status)), National.MeasureTable.class);
            return new Shown(table, status, asOf == null ? null : filter.asOf(), validAt == null ? null : filter.validAt(), false);
        } catch (ServiceProblem unavailable) {
            return new Shown(null, status, filter.asOf(), filter.validAt(), true);
        }
    }

    /** A {@code datetime-local} value, read as UTC (the history's clock, as on the analysts' pages); null when not one. */
    public static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A {@code date} value; null when not one. */
    public static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
