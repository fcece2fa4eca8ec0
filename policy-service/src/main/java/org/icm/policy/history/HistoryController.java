package org.icm.policy.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.icm.policy.dossier.DossierState;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The history of a dossier for analysts and focal points: the timeline of every change with who, when
 * and why; the dossier as of any instant (record time) and as it stood on any date (valid time); the
 * differences between two instants; exports. Read from the event store, so it is exact.
 */
@RestController
@RequestMapping("/dossiers/{dossierId}/history")
@PreAuthorize("hasAnyRole('ANALYST', 'FOCAL_POINT')")
@Tag(name = "History", description = "The exact history of a dossier, for analysts")
class HistoryController {

    static final int MAX_PAGE_SIZE = 500;

    private final DossierHistory history;
    private final ObjectMapper json;

    HistoryController(DossierHistory history, ObjectMapper json) {
        this.history = history;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Every change, in order, with who, when, why, a summary and the changed fields",
            description = "Filters combine: measure, recommendation, kind (e.g. ProcedureStepCorrected), field (a path segment such as"
                    + " 'title' or 'stage'), from/to (record time), actor (account or organisation id).")
    DossierHistory.TimelinePage timeline(@PathVariable String dossierId, @RequestParam(required = false) String measure,
                                         @RequestParam(required = false) String recommendation, @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String field,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                         @RequestParam(required = false) String actor,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        return history.timelinePage(dossierId, filter(measure, recommendation, kind, field, from, to, actor), page, size);
    }

    static Predicate<TimelineEntry> filter(String measure, String recommendation, String kind, String field, Instant from, Instant to,
                                           String actor) {
        Predicate<TimelineEntry> filter = entry -> true;
        if (measure != null) {
            filter = filter.and(entry -> measure.equals(entry.measureId()));
        }
        if (recommendation != null) {
            filter = filter.and(entry -> recommendation.equals(entry.recommendationId()));
        }
        if (kind != null) {
            filter = filter.and(entry -> kind.equals(entry.kind()));
        }
        if (field != null) {
            filter = filter.and(entry -> entry.changes().stream().anyMatch(change -> change.touches(field)));
        }
        if (from != null) {
            filter = filter.and(entry -> !entry.recordedAt().isBefore(from));
        }
        if (to != null) {
            filter = filter.and(entry -> !entry.recordedAt().isAfter(to));
        }
        if (actor != null) {
            filter = filter.and(entry -> actor.equals(entry.account()) || actor.equals(entry.organisation()));
        }
        return filter;
    }

    /** The dossier as known at {@code asOf} (default: now), about the procedures as they stood on {@code validAt} (default: as known). */
    record StateAsOf(String dossierId, Instant asOf, LocalDate validAt, long version, DossierState state) {
    }

    @GetMapping("/state")
    @Operation(summary = "The dossier as of an instant (record time), optionally as its procedures stood on a date (valid time)")
    StateAsOf state(@PathVariable String dossierId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt) {
        DossierHistory.Snapshot snapshot = history.asOf(dossierId, asOf);
        DossierState state = validAt == null ? snapshot.state() : snapshot.state().validAt(validAt);
        return new StateAsOf(dossierId, asOf, validAt, snapshot.version(), state);
    }

    record TextChange(String recommendationId, Integer fromRevision, Integer toRevision, List<WordDiff.Segment> words) {
    }

    record Difference(Instant from, Instant to, long fromVersion, long toVersion, List<Change> changes, List<TextChange> textChanges) {
    }

    @GetMapping("/diff")
    @Operation(summary = "Field-level differences between two instants; recommendation texts word by word")
    Difference diff(@PathVariable String dossierId,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        DossierHistory.Snapshot before = history.asOf(dossierId, from);
        DossierHistory.Snapshot after = history.asOf(dossierId, to);
        List<TextChange> texts = new ArrayList<>();
        after.state().recommendations().forEach((id, recommendation) -> {
            DossierState.Recommendation old = before.state().recommendations().get(id);
            if (old == null || !old.text().equals(recommendation.text())) {
                texts.add(new TextChange(id, old == null ? null : old.revision(), recommendation.revision(),
                        WordDiff.between(old == null ? "" : old.text(), recommendation.text())));
            }
        });
        return new Difference(from, to, before.version(), after.version(), history.diff(before.state(), after.state()), texts);
    }

    @GetMapping("/export")
    @Operation(summary = "The whole timeline as JSON (an array) or CSV, streamed")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String dossierId, @RequestParam(defaultValue = "json") String format) {
        history.asOf(dossierId, Instant.EPOCH); // 404 before the stream starts, not in its middle
        boolean csv = Exports.csv(format);
        StreamingResponseBody body = out -> {
            if (csv) {
                CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("sequence", "recorded_at", "account", "organisation", "reason",
                        "kind", "correction", "measure_id", "recommendation_id", "summary", "changed_fields").get()
                        .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                history.timeline(dossierId, entry -> unchecked(() -> printer.printRecord(entry.sequence(), entry.recordedAt(), entry.account(),
                        entry.organisation(), entry.reason(), entry.kind(), entry.correction(), entry.measureId(), entry.recommendationId(),
                        entry.summary(), String.join(" ", entry.changes().stream().map(Change::path).toList()))));
                printer.flush();
            } else {
                try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                    generator.writeStartArray();
                    history.timeline(dossierId, entry -> unchecked(() -> json.writeValue(generator, entry)));
                    generator.writeEndArray();
                }
            }
        };
        return Exports.attachment(body, csv, dossierId + "-timeline");
    }

    @GetMapping("/state/export")
    @Operation(summary = "A state as of an instant (and valid date) as JSON, or as CSV rows of path and value")
    ResponseEntity<StreamingResponseBody> exportState(@PathVariable String dossierId,
                                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                                      @RequestParam(defaultValue = "json") String format) {
        StateAsOf state = state(dossierId, asOf, validAt);
        boolean csv = Exports.csv(format);
        StreamingResponseBody body = out -> {
            if (csv) {
                CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("path", "value").get()
                        .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                flatten("", history.tree(state.state()), (path, value) -> unchecked(() -> printer.printRecord(path, value)));
                printer.flush();
            } else {
                json.writeValue(out, state);
            }
        };
        return Exports.attachment(body, csv, dossierId + "-state");
    }

    private static void flatten(String path, JsonNode node, java.util.function.BiConsumer<String, String> sink) {
        if (node.isContainerNode()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.isObject() ? node.fields() : indexed(node);
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path + "/" + field.getKey(), field.getValue(), sink);
            }
        } else if (!node.isNull()) {
            sink.accept(path, node.asText());
        }
    }

    private static Iterator<Map.Entry<String, JsonNode>> indexed(JsonNode array) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            items.put(Integer.toString(i), array.get(i));
        }
        return items.entrySet().iterator();
    }

    interface IoAction {
        void run() throws java.io.IOException;
    }

    /** Streams write inside callbacks that cannot throw IOException. */
    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
