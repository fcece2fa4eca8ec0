package org.icm.policy.national;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.history.DossierHistory;
import org.icm.policy.history.Exports;
import org.icm.policy.national.NationalViews.CountryRow;
import org.icm.policy.national.NationalViews.MeasureTable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * National implementation as it was known at an instant (record time) and as it stood on a date (valid time), for
 * analysts: folded from the event store like the rest of a dossier's history, so a fact recorded later is not in a view
 * of before, and a fact effective later is not in a view of the day before.
 */
@RestController
@PreAuthorize("hasAnyRole('ANALYST', 'FOCAL_POINT')")
@Tag(name = "History", description = "The exact history of a dossier, for analysts")
class NationalHistoryController {

    private final DossierHistory history;
    private final DossierCatalogue catalogue;
    private final FollowedCountries countries;
    private final ObjectMapper json;
    private final Clock clock;

    NationalHistoryController(DossierHistory history, DossierCatalogue catalogue, FollowedCountries countries, ObjectMapper json,
                              Clock clock) {
        this.history = history;
        this.catalogue = catalogue;
        this.countries = countries;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/dossiers/{dossierId}/history/national/{measureId}")
    @Operation(summary = "A measure's table of states as known at an instant, optionally as it stood on a date")
    MeasureTable table(@PathVariable String dossierId, @PathVariable String measureId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                       @RequestParam(required = false) String status) {
        DossierHistory.Snapshot snapshot = history.asOf(dossierId, asOf);
        DossierState state = validAt == null ? snapshot.state() : snapshot.state().validAt(validAt);
        if (!state.exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The dossier did not exist yet at " + asOf + ".");
        }
        return MeasureTable.of(state, NationalViews.measure(state, measureId), countries.all(), status, snapshot.version(), asOf, validAt,
                validAt != null ? validAt : day(asOf));
    }

    /** One line of the country-by-measure table. */
    record Line(String dossierId, String dossierTitle, String measureId, String measureTitle, MeasureType measureType,
                LocalDate transpositionDeadline, CountryRow row) {
    }

    @GetMapping("/national-implementation/export")
    @Operation(summary = "The country-by-measure table of every dossier as known at an instant (and valid on a date), as JSON or CSV")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                  @RequestParam(defaultValue = "json") String format) throws java.io.IOException {
        boolean csv = Exports.csv(format);
        LocalDate today = validAt != null ? validAt : day(asOf);
        List<Line> lines = new ArrayList<>();
        for (DossierView view : catalogue.search(new DossierCatalogue.DossierFilter(true, null, null, null, null, null), 0, Integer.MAX_VALUE)) {
            DossierHistory.Snapshot known = history.asOf(view.state().id(), asOf);
            DossierState state = validAt == null ? known.state() : known.state().validAt(validAt);
            if (!state.exists()) {
                continue; // opened after the instant asked for
            }
            for (Measure measure : state.measures().values()) {
                if (NationalViews.tracked(measure)) {
                    MeasureTable.of(state, measure, countries.all(), null, known.version(), asOf, validAt, today).countries()
                            .forEach(row -> lines.add(new Line(state.id(), state.title(), measure.id(), measure.title(), measure.type(),
                                    measure.transpositionDeadline(), row)));
                }
            }
        }
        byte[] body;
        if (csv) {
            var out = new java.io.ByteArrayOutputStream();
            try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("dossier_id", "dossier_title", "measure_id", "measure_title",
                    "measure_type", "transposition_deadline", "country", "status", "status_since", "source", "source_organisation",
                    "national_measures", "infringement_stage", "infringement_reference", "deadline_passed").get()
                    .print(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (Line line : lines) {
                    CountryRow row = line.row();
                    printer.printRecord(line.dossierId(), line.dossierTitle(), line.measureId(), line.measureTitle(), line.measureType(),
                            line.transpositionDeadline(), row.country(), row.status(), row.statusSince(), row.source(), row.sourceOrganisation(),
                            row.nationalMeasures(), row.infringementStage(), row.infringementReference(), row.deadlinePassed());
                }
            }
            body = out.toByteArray();
        } else {
            body = json.writeValueAsBytes(lines);
        }
        String name = "national-implementation" + (asOf == null ? "" : "-" + asOf.toString().replace(':', '-'));
        return Exports.attachment(body, csv, name);
    }

    /** "Today" of a view as known at an instant: the day of that instant, so a deadline is judged as it was then. */
    private LocalDate day(Instant asOf) {
        return asOf == null ? LocalDate.now(clock) : LocalDate.ofInstant(asOf, clock.getZone());
    }
}
