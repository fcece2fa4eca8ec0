package org.icm.policy.uptake;

import static org.icm.service.web.Writes.expectedVersion;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.policy.catalogue.DossierCatalogue;
import org.icm.policy.catalogue.DossierView;
import org.icm.policy.dossier.Dossier;
import org.icm.policy.dossier.DossierCommand.RecordUptake;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Recommendation;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.policy.dossier.Vocabulary.Visibility;
import org.icm.policy.history.DossierHistory;
import org.icm.policy.history.Exports;
import org.icm.policy.uptake.UptakeViews.DossierReport;
import org.icm.policy.uptake.UptakeViews.Trail;
import org.icm.service.rules.Inputs;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Recommendation uptake: how far each text of a procedure reflects a published recommendation. Focal points and
 * analysts record it (helped by passage suggestions); everyone reads the trails and reports of what is published, now
 * or as known at an instant ({@code asOf}, folded from the event store).
 */
@RestController
@Tag(name = "Uptake", description = "How far the texts of EU procedures reflect the network's recommendations")
class UptakeController {

    /** The longest text one may paste to look for passages: a long report's relevant part, not a whole Official Journal. */
    static final int PASTED_TEXT_MAX = 200_000;
    static final int SUGGESTIONS_MAX = 20;

    private final Writes writes;
    private final DossierCatalogue catalogue;
    private final DossierHistory history;
    private final PassageSuggestions suggestions;
    private final ObjectMapper json;

    UptakeController(Writes writes, DossierCatalogue catalogue, DossierHistory history, PassageSuggestions suggestions, ObjectMapper json) {
        this.writes = writes;
        this.catalogue = catalogue;
        this.history = history;
        this.suggestions = suggestions;
        this.json = json;
    }

    record UptakeFields(Uptake uptake, @Schema(maxLength = Dossier.TEXT_MAX) String passage,
                        @Schema(maxLength = Dossier.UPTAKE_REFERENCE_MAX, example = "A9-0152/2023, amendment 42") String reference,
                        @Schema(maxLength = Dossier.NOTE_MAX) String note,
                        @Schema(maxLength = Dossier.NOTE_MAX, description = "why a recorded uptake is corrected") String reason) {
    }

    record PastedText(@Schema(maxLength = PASTED_TEXT_MAX) String text, @Schema(maxLength = 2, example = "en") String language,
                      @Schema(minimum = "1", maximum = "20") Integer size) {
    }

    record Suggestions(String recommendationId, int revision, List<PassageSuggestions.Suggestion> suggestions) {
    }

    @PutMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/uptake/{stepId}")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'ANALYST')")
    @Operation(summary = "Record how the text of a procedure step reflects a published recommendation (a change needs a reason)")
    ResponseEntity<Map<String, Object>> record(@PathVariable String dossierId, @PathVariable String recommendationId, @PathVariable String stepId,
                                               @RequestBody UptakeFields body, Actor actor,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writes.send(dossierId, new RecordUptake(dossierId, expectedVersion(ifMatch), recommendationId, stepId, body.uptake(), body.passage(),
                body.reference(), body.note(), body.reason()), actor, body.reason());
    }

    @PostMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/uptake/suggestions")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'ANALYST')")
    @Operation(summary = "The passages of a pasted text most similar to the recommendation, ranked, the matching words marked (nothing is stored)")
    Suggestions suggest(@PathVariable String dossierId, @PathVariable String recommendationId, @RequestBody PastedText body,
                        @AuthenticationPrincipal Jwt member) {
        Recommendation recommendation = recommendation(current(dossierId, member).state(), recommendationId);
        String text = Inputs.paragraphs("text", body.text(), PASTED_TEXT_MAX);
        String language = body.language() == null ? "en" : body.language();
        if (!language.equals("en") && !language.equals("fr")) {
            throw RuleViolation.invalid("language", "unknown-language", "language is en or fr, not '" + language + "'");
        }
        int size = body.size() == null ? 5 : body.size();
        if (size < 1 || size > SUGGESTIONS_MAX) {
            throw RuleViolation.invalid("size", "size-out-of-range", "size is between 1 and " + SUGGESTIONS_MAX);
        }
        return new Suggestions(recommendation.id(), recommendation.revision(),
                suggestions.suggest(recommendation.text(), text, Locale.of(language), size));
    }

    @GetMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/uptake")
    @Operation(summary = "A published recommendation's uptake trail across the texts of its procedures, now or as known at an instant")
    Trail trail(@PathVariable String dossierId, @PathVariable String recommendationId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                @AuthenticationPrincipal Jwt member) {
        Known known = known(dossierId, asOf, member);
        return UptakeViews.trail(known.state(), recommendation(known.state(), recommendationId), asOf, known.version());
    }

    @GetMapping("/dossiers/{dossierId}/uptake")
    @Operation(summary = "A dossier's uptake report: recommendations reflected at each stage, those lost between the Parliament and the final act")
    DossierReport report(@PathVariable String dossierId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                         @AuthenticationPrincipal Jwt member) {
        Known known = known(dossierId, asOf, member);
        return UptakeViews.report(known.state(), published(known.state()), asOf, known.version());
    }

    @GetMapping("/dossiers/{dossierId}/uptake/export")
    @Operation(summary = "The dossier's uptake report, one line per recommendation and text, as CSV or JSON")
    ResponseEntity<byte[]> exportReport(@PathVariable String dossierId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                        @RequestParam(defaultValue = "json") String format, @AuthenticationPrincipal Jwt member) throws IOException {
        boolean csv = Exports.csv(format);
        Known known = known(dossierId, asOf, member);
        List<Trail> trails = published(known.state()).stream().map(r -> UptakeViews.trail(known.state(), r, asOf, known.version())).toList();
        if (!csv) {
            return Exports.attachment(json.writeValueAsBytes(trails), false, dossierId + "-uptake");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("dossier_id", "recommendation_id", "recommendation", "outcome",
                "measure", "stage", "effective_date", "uptake", "passage", "reference", "note", "corrected_because", "disagrees_with_outcome").get()
                .print(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (Trail trail : trails) {
                for (UptakeViews.TrailStep step : trail.steps()) {
                    printer.printRecord(dossierId, trail.recommendationId(), trail.text(), trail.outcome(), step.measureTitle(), step.stage(),
                            step.effectiveDate(), step.uptake(), step.passage(), step.reference(), step.note(), step.correctionReason(), trail.disagrees());
                }
            }
        }
        return Exports.attachment(out.toByteArray(), true, dossierId + "-uptake");
    }

    /** The impact of the network's recommendations by policy area and by right at stake. */
    record ImpactLine(String policyArea, String right, int recommendations, int reflected, int partiallyReflected, int notReflected,
                      int addressed, int disagreements) {
    }

    record Impact(LocalDate from, LocalDate to, Instant asOf, List<ImpactLine> byPolicyArea, List<ImpactLine> byRight) {
    }

    @GetMapping("/uptake/impact")
    @Operation(summary = "The network's impact report for a period (texts adopted from..to): recommendations by latest uptake and outcome, "
            + "by policy area and by right at stake; JSON or CSV")
    ResponseEntity<byte[]> impact(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                  @RequestParam(defaultValue = "json") String format, @AuthenticationPrincipal Jwt member) throws IOException {
        boolean csv = Exports.csv(format);
        if (from != null && to != null && to.isBefore(from)) {
            throw RuleViolation.invalid("to", "period-ends-before-it-starts", "the period ends (" + to + ") before it starts (" + from + ")");
        }
        Map<String, int[]> byArea = new LinkedHashMap<>();
        Map<String, int[]> byRight = new LinkedHashMap<>();
        for (DossierView view : catalogue.search(new DossierCatalogue.DossierFilter(member != null, null, null, null, null, null), 0, Integer.MAX_VALUE)) {
            DossierState state = asOf == null ? view.state() : history.asOf(view.state().id(), asOf).state();
            if (!state.exists() || (member == null && state.visibility() != Visibility.PUBLISHED)) {
                continue;
            }
            for (Recommendation recommendation : published(state)) {
                List<UptakeViews.TrailStep> traced = UptakeViews.steps(state, recommendation).stream().filter(step -> step.uptake() != null)
                        .filter(step -> (from == null || !step.effectiveDate().isBefore(from)) && (to == null || !step.effectiveDate().isAfter(to)))
                        .toList();
                if (traced.isEmpty()) {
                    continue;
                }
                Uptake latest = traced.getLast().uptake();
                int[] line = new int[] {1, latest == Uptake.REFLECTED ? 1 : 0, latest == Uptake.PARTIALLY_REFLECTED ? 1 : 0,
                        latest == Uptake.NOT_REFLECTED ? 1 : 0, recommendation.outcome() == Outcome.ADDRESSED ? 1 : 0,
                        UptakeViews.disagrees(latest, recommendation.outcome()) ? 1 : 0};
                add(byArea, state.policyArea().name(), line);
                state.rights().keySet().forEach(right -> add(byRight, right, line));
            }
        }
        Impact impact = new Impact(from, to, asOf, lines(byArea, true), lines(byRight, false));
        if (!csv) {
            return Exports.attachment(json.writeValueAsBytes(impact), false, "uptake-impact");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("grouped_by", "group", "recommendations", "reflected",
                "partially_reflected", "not_reflected", "addressed", "disagreements").get().print(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (ImpactLine line : impact.byPolicyArea()) {
                printer.printRecord("policy_area", line.policyArea(), line.recommendations(), line.reflected(), line.partiallyReflected(),
                        line.notReflected(), line.addressed(), line.disagreements());
            }
            for (ImpactLine line : impact.byRight()) {
                printer.printRecord("right", line.right(), line.recommendations(), line.reflected(), line.partiallyReflected(),
                        line.notReflected(), line.addressed(), line.disagreements());
            }
        }
        return Exports.attachment(out.toByteArray(), true, "uptake-impact");
    }

    private static void add(Map<String, int[]> groups, String key, int[] line) {
        int[] sum = groups.computeIfAbsent(key, k -> new int[line.length]);
        for (int i = 0; i < line.length; i++) {
            sum[i] += line[i];
        }
    }

    private static List<ImpactLine> lines(Map<String, int[]> groups, boolean areas) {
        List<ImpactLine> lines = new ArrayList<>();
        groups.forEach((key, n) -> lines.add(new ImpactLine(areas ? key : null, areas ? null : key, n[0], n[1], n[2], n[3], n[4], n[5])));
        return List.copyOf(lines);
    }

    private record Known(DossierState state, long version) {
    }

    /** The dossier now (the catalogue) or as known at an instant (the event store); a draft is for members only. */
    private Known known(String dossierId, Instant asOf, Jwt member) {
        if (asOf == null) {
            DossierView view = current(dossierId, member);
            return new Known(view.state(), view.version());
        }
        DossierHistory.Snapshot snapshot = history.asOf(dossierId, asOf);
        if (!snapshot.state().exists() || (member == null && snapshot.state().visibility() != Visibility.PUBLISHED)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There was no dossier " + dossierId + " to see at " + asOf + ".");
        }
        return new Known(snapshot.state(), snapshot.version());
    }

    private DossierView current(String dossierId, Jwt member) {
        return catalogue.findFor(dossierId, member != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no dossier " + dossierId + "."));
    }

    /** Uptake is traced for published recommendations: another is not found here. */
    private static Recommendation recommendation(DossierState state, String recommendationId) {
        Recommendation recommendation = state.recommendations().get(recommendationId);
        if (recommendation == null || recommendation.status() != RecommendationStatus.PUBLISHED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The dossier has no published recommendation " + recommendationId + ".");
        }
        return recommendation;
    }

    private static List<Recommendation> published(DossierState state) {
        return state.recommendations().values().stream().filter(r -> r.status() == RecommendationStatus.PUBLISHED).toList();
    }
}
