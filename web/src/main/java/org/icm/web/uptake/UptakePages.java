package org.icm.web.uptake;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.icm.kernel.vocabulary.Right;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.web.countries.NationalTables;
import org.icm.web.focalpoint.Typed;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.Me;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recommendation uptake: a published recommendation's trail across the texts of its procedure (everyone), where focal
 * points and analysts record how each text takes it up, helped by the passages of a pasted text the policy service finds
 * most similar to it; a dossier's uptake report; the network's impact report over a period. Everything works without
 * JavaScript: finding, using and dismissing a passage are plain form submissions that show the page again. The policy
 * service decides who may and what is valid; a refusal comes back next to the field of the form that was sent, with what
 * was typed. Analysts and focal points may see the trail and the dossier's report as known at an instant.
 */
@Controller
class UptakePages {

    /** How many suggested passages a step's finder shows at once; dismissed ones are replaced by the next (up to the service's 20). */
    static final int SHOWN = 5;
    static final int SUGGESTIONS_MAX = 20;

    private final Gateway gateway;
    private final ReadYourWrites readYourWrites;
    private final JsonMapper json;

    UptakePages(Gateway gateway, ReadYourWrites readYourWrites, JsonMapper json) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
        this.json = json;
    }

    /**
     * One step's passage finder as the page shows it: what was pasted and in which language, the suggestions dismissed
     * ("Not this one", by their place in the text) and those shown, and the passage chosen with "Use this passage".
     * {@code typed} holds a refusal of the finder's form, next to its fields.
     */
    public record Finder(String stepId, String text, String language, List<Integer> dismissed, List<Uptakes.Suggestion> shown, boolean searched,
                         String used, Typed typed) {

        static Finder none() {
            return new Finder("", "", pageLanguage(), List.of(), List.of(), false, null, Typed.none());
        }

        public boolean isFor(String step) {
            return stepId.equals(step);
        }

        /** The language the finder's select shows for a step: as chosen for the step searched, else the page's. */
        public String languageFor(String step) {
            return isFor(step) && language != null ? language : pageLanguage();
        }
    }

    @GetMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/uptake")
    String trail(@PathVariable String dossierId, @PathVariable String recommendationId, @RequestParam(required = false) String asOf,
                 @RequestParam(name = ReadYourWrites.SEEN, required = false) Long seen, Model model) {
        return trailPage(dossierId, recommendationId, asOf, seen, Typed.none(), Finder.none(), model);
    }

    /**
     * Records the uptake at one text. No If-Match is sent: a record for one text is not refused because another text was
     * recorded meanwhile, and a record that would change one already there is refused unless it says why (the service's
     * rule), which is how two people recording the same text at once find out. The version the write made goes into the
     * redirect, so the trail shown next shows the record.
     */
    @PostMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/uptake/steps/{stepId}")
    String record(@PathVariable String dossierId, @PathVariable String recommendationId, @PathVariable String stepId,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.PUT, gateway.uri(recommendation(dossierId, recommendationId) + "/uptake/" + Gateway.segment(stepId)),
                    values(form, "uptake", "passage", "reference", "note", "reason"), null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            stayOnTrail(dossierId, recommendationId, model);
            return trailPage(dossierId, recommendationId, null, null, new Typed(recordKey(stepId), form, refused), Finder.none(), model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.uptakeRecorded");
        return "redirect:" + trailPath(dossierId, recommendationId) + "#step-" + Gateway.segment(stepId);
    }

    /**
     * The passages of a pasted text most similar to the recommendation, for one step. "Not this one" ({@code dismiss})
     * adds a passage to those not shown again; "Use this passage" ({@code use}) puts it into the step's record form. Both
     * send the pasted text again (the page keeps it in the form), so nothing is kept between requests.
     */
    @PostMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/uptake/steps/{stepId}/passages")
    String passages(@PathVariable String dossierId, @PathVariable String recommendationId, @PathVariable String stepId,
                    @RequestParam(defaultValue = "") String text, @RequestParam(required = false) String language,
                    @RequestParam(required = false) List<Integer> dismissed, @RequestParam(required = false) Integer dismiss,
                    @RequestParam(required = false) Integer use, Model model) {
        // stripped: a textarea's leading line break is lost on the way back, which would move every passage's place in the text
        String pasted = text.strip();
        Set<Integer> hidden = new LinkedHashSet<>(dismissed == null ? List.of() : dismissed);
        if (dismiss != null) {
            hidden.add(dismiss);
        }
        String chosenLanguage = language == null || language.isBlank() ? pageLanguage() : language;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", pasted);
        body.put("language", chosenLanguage);
        body.put("size", Math.min(SUGGESTIONS_MAX, SHOWN + hidden.size()));
        List<Uptakes.Suggestion> found = List.of();
        Typed typed = Typed.none();
        try {
            // a POST only because the pasted text is long: nothing is stored, so sending it again (the buttons below) is harmless
            JsonNode answer = gateway.send(HttpMethod.POST, gateway.uri(recommendation(dossierId, recommendationId) + "/uptake/suggestions"), body, null);
            found = json.treeToValue(answer, Uptakes.Suggestions.class).suggestions();
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            MultiValueMap<String, String> typedValues = new LinkedMultiValueMap<>();
            typedValues.add("text", pasted);
            typedValues.add("language", chosenLanguage);
            typed = new Typed(findKey(stepId), typedValues, refused);
        }
        String used = use == null ? null : found.stream().filter(s -> s.start() == use).map(Uptakes.Suggestion::passage)
                .map(String::strip).findFirst().orElse(null);
        List<Uptakes.Suggestion> shown = found.stream().filter(s -> !hidden.contains(s.start())).limit(SHOWN).toList();
        stayOnTrail(dossierId, recommendationId, model);
        return trailPage(dossierId, recommendationId, null, null, Typed.none(),
                new Finder(stepId, pasted, chosenLanguage, new ArrayList<>(hidden), shown, typed.refused() == null, used, typed), model);
    }

    /** Streams the dossier's uptake report (CSV or JSON) from the service: the browser holds no token to fetch it itself. */
    @GetMapping("/dossiers/{dossierId}/uptake/export")
    void exportReport(@PathVariable String dossierId, @RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String asOf,
                      HttpServletResponse response) {
        gateway.stream(gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId) + "/uptake/export",
                Gateway.query("format", format(format), "asOf", analystsInstant(asOf))), response);
    }

    @GetMapping("/dossiers/{dossierId}/uptake")
    String report(@PathVariable String dossierId, @RequestParam(required = false) String asOf, Model model) {
        Instant instant = analystsInstant(asOf);
        Uptakes.DossierReport report = gateway.get(gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId) + "/uptake",
                Gateway.query("asOf", instant)), Uptakes.DossierReport.class);
        model.addAttribute("report", report);
        model.addAttribute("asOf", instant == null ? null : asOf);
        return "uptake-report";
    }

    /** The network's impact over a period (texts dated from..to). Dates that are not dates are not sent; the service judges the period. */
    @GetMapping("/uptake/impact")
    String impact(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate fromDate = NationalTables.date(from);
        LocalDate toDate = NationalTables.date(to);
        MultiValueMap<String, String> period = new LinkedMultiValueMap<>();
        period.add("from", fromDate == null ? "" : fromDate.toString());
        period.add("to", toDate == null ? "" : toDate.toString());
        Uptakes.Impact impact = null;
        Typed typed = new Typed("impact", period, null);
        try {
            impact = gateway.get(gateway.uri("/api/policy/uptake/impact", Gateway.query("from", fromDate, "to", toDate, "format", "json")),
                    Uptakes.Impact.class);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            typed = new Typed("impact", period, refused);
        }
        model.addAttribute("impact", impact);
        model.addAttribute("typed", typed);
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("exportCsv", impactExport("csv", fromDate, toDate));
        model.addAttribute("exportJson", impactExport("json", fromDate, toDate));
        model.addAttribute("rightTitles", RightsCatalogue.standard().all().stream().collect(Collectors.toMap(Right::code,
                right -> right.title() + " (" + right.instrument() + " " + right.article() + ")")));
        return "uptake-impact";
    }

    @GetMapping("/uptake/impact/export")
    void exportImpact(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, HttpServletResponse response) {
        gateway.stream(gateway.uri("/api/policy/uptake/impact", Gateway.query("from", NationalTables.date(from), "to", NationalTables.date(to),
                "format", format(format))), response);
    }

    /** The export of the impact report for the period shown (the dates given only). */
    private static String impactExport(String format, LocalDate from, LocalDate to) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/uptake/impact/export").queryParam("format", format);
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        return uri.build().toUriString();
    }

    /**
     * The trail page: now (after a write, at least at the version it made) or, for analysts and focal points, as known at
     * an instant; the record forms and finders for them, on the trail as it is now only.
     */
    private String trailPage(String dossierId, String recommendationId, String asOf, Long seen, Typed typed, Finder finder, Model model) {
        Instant instant = analystsInstant(asOf);
        Uptakes.Trail trail;
        if (instant == null) {
            ReadYourWrites.Read<Uptakes.Trail> read = readYourWrites.atLeast("uptake trail " + recommendationId,
                    () -> gateway.get(gateway.uri(recommendation(dossierId, recommendationId) + "/uptake"), Uptakes.Trail.class),
                    Uptakes.Trail::version, seen);
            trail = read.value();
            model.addAttribute("behind", read.behind());
        } else {
            trail = gateway.get(gateway.uri(recommendation(dossierId, recommendationId) + "/uptake", Gateway.query("asOf", instant)),
                    Uptakes.Trail.class);
        }
        Uptakes.TrailStep chosenFor = finder.used() == null ? null : trail.step(finder.stepId());
        model.addAttribute("trail", trail);
        model.addAttribute("chart", UptakeChart.of(trail.steps()));
        model.addAttribute("typed", chosenFor == null ? typed : prefilled(chosenFor, finder.used()));
        model.addAttribute("finder", finder);
        model.addAttribute("mayRecord", Me.current().analyst() && instant == null);
        model.addAttribute("asOf", instant == null ? null : asOf);
        model.addAttribute("uptakes", Uptakes.UPTAKES);
        model.addAttribute("languages", Uptakes.LANGUAGES);
        return "uptake-trail";
    }

    /** The record form of a step with a passage chosen in its finder, the rest as recorded. */
    private static Typed prefilled(Uptakes.TrailStep step, String passage) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("uptake", step.uptake() == null ? "" : step.uptake());
        values.add("passage", passage);
        values.add("reference", step.reference() == null ? "" : step.reference());
        values.add("note", step.note() == null ? "" : step.note());
        return new Typed(recordKey(step.stepId()), values, null);
    }

    /** The key of a step's record form: its fields' ids start with it, and a refusal lands in that form only. */
    static String recordKey(String stepId) {
        return "uptake-" + stepId;
    }

    static String findKey(String stepId) {
        return "find-" + stepId;
    }

    /** A page shown in answer to a form sent: the language switch goes to the trail itself, not to the form's address. */
    private static void stayOnTrail(String dossierId, String recommendationId, Model model) {
        model.addAttribute("switchLanguage", trailPath(dossierId, recommendationId) + "?lang=" + ("fr".equals(pageLanguage()) ? "en" : "fr"));
    }

    private static String trailPath(String dossierId, String recommendationId) {
        return "/dossiers/" + Gateway.segment(dossierId) + "/recommendations/" + Gateway.segment(recommendationId) + "/uptake";
    }

    private static String recommendation(String dossierId, String recommendationId) {
        return "/api/policy/dossiers/" + Gateway.segment(dossierId) + "/recommendations/" + Gateway.segment(recommendationId);
    }

    /** An instant is the analysts' (and focal points'): a visitor's is not sent, and the page shows now. */
    private static Instant analystsInstant(String asOf) {
        return Me.current().analyst() ? NationalTables.instant(asOf) : null;
    }

    private static String format(String format) {
        return "json".equals(format) ? "json" : "csv";
    }

    private static String pageLanguage() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return Uptakes.LANGUAGES.contains(language) ? language : "en";
    }

    /** The named fields as the service takes them: blank means "not given"; anything else goes as typed, for the service to judge. */
    private static Map<String, Object> values(MultiValueMap<String, String> form, String... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : fields) {
            String value = form.getFirst(field);
            body.put(field, value == null || value.isBlank() ? null : value.strip());
        }
        return body;
    }
}
