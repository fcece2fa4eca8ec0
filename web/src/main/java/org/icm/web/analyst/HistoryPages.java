package org.icm.web.analyst;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.icm.web.gateway.Gateway;
import org.icm.web.pages.Policy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For analysts (and focal points): a dossier's timeline with filters, the dossier as of an instant and as valid at a
 * date, the difference between two instants with recommendation texts compared word by word, each measure's stages
 * over time, and exports. Instants are entered and shown in UTC, the history's own clock.
 */
@Controller
class HistoryPages {

    private final Gateway gateway;
    private final ChangedFieldLabels fieldLabels;

    HistoryPages(Gateway gateway, ChangedFieldLabels fieldLabels) {
        this.fieldLabels = fieldLabels;
        this.gateway = gateway;
    }

    @GetMapping("/dossiers/{dossierId}/history")
    String timeline(@PathVariable String dossierId, @RequestParam(required = false) String kind, @RequestParam(required = false) String field,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String measure, Model model) {
        Policy.DossierDetail dossier = dossier(dossierId);
        Instant fromInstant = instant(from);
        Instant toInstant = instant(to);
        History.Timeline timeline = gateway.get(gateway.uri(history(dossierId), Gateway.query("kind", kind, "field", field, "measure", measure,
                "from", fromInstant, "to", toInstant, "size", 500)), History.Timeline.class);
        model.addAttribute("dossier", dossier);
        model.addAttribute("timeline", timeline);
        model.addAttribute("filter", new Filter(kind, field, from, to, measure));
        model.addAttribute("badDate", (from != null && !from.isBlank() && fromInstant == null) || (to != null && !to.isBlank() && toInstant == null));
        model.addAttribute("kinds", timeline.items().stream().map(History.Entry::kind).distinct().sorted().toList());
        model.addAttribute("chart", StageChart.of(dossier.measures()));
        return "history";
    }

    record Filter(String kind, String field, String from, String to, String measure) {
    }

    @GetMapping("/dossiers/{dossierId}/history/as-of")
    String asOf(@PathVariable String dossierId, @RequestParam(required = false) String asOf, @RequestParam(required = false) String validAt,
                @RequestParam(required = false) Integer point, Model model) {
        // the slider's stops: the instants at which the dossier's history recorded something, oldest first
        List<Instant> instants = gateway.get(gateway.uri(history(dossierId), Gateway.query("size", 500)), History.Timeline.class).items().stream()
                .map(History.Entry::recordedAt).distinct().sorted().toList();
        Instant instant = instant(asOf);
        if (point != null && point >= 0 && point < instants.size()) {
            instant = instants.get(point);
            asOf = pickerValue(instant);
        }
        LocalDate valid = date(validAt);
        History.StateAsOf state = gateway.get(gateway.uri(history(dossierId) + "/state", Gateway.query("asOf", instant, "validAt", valid)),
                History.StateAsOf.class);
        model.addAttribute("dossier", dossier(dossierId));
        model.addAttribute("state", state);
        model.addAttribute("asOf", asOf);
        model.addAttribute("validAt", validAt);
        model.addAttribute("slider", Slider.of(instants, instant));
        return "history-as-of";
    }

    /**
     * The range slider over the dossier's recorded instants: the stop shown is the last one at or before the chosen
     * instant (the newest when none is chosen). {@code texts} go to the page's script, which shows the instant as text.
     */
    record Slider(List<String> texts, int point) {

        static Slider of(List<Instant> instants, Instant chosen) {
            int point = instants.size() - 1;
            if (chosen != null) {
                point = 0;
                for (int i = 0; i < instants.size(); i++) {
                    if (!instants.get(i).isAfter(chosen)) {
                        point = i;
                    }
                }
            }
            return new Slider(instants.stream().map(Instant::toString).toList(), point);
        }

        public boolean usable() {
            return texts.size() > 1;
        }

        public String chosenText() {
            return texts.isEmpty() ? "" : texts.get(point);
        }

        /** For the script's data attribute: the instants' texts, one per line (they never contain one). */
        public String lines() {
            return String.join("\n", texts);
        }
    }

    @GetMapping("/dossiers/{dossierId}/history/diff")
    String diff(@PathVariable String dossierId, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Model model) {
        Policy.DossierDetail dossier = dossier(dossierId);
        model.addAttribute("dossier", dossier);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        Instant fromInstant = instant(from);
        if (fromInstant != null) {
            History.Difference difference = gateway.get(gateway.uri(history(dossierId) + "/diff",
                    Gateway.query("from", fromInstant, "to", instant(to))), History.Difference.class);
            model.addAttribute("difference", difference);
            // each changed field named by what it is, in the page's language; the technical path stays beside it
            java.util.Map<String, String> labels = new java.util.HashMap<>();
            difference.changes().forEach(change -> labels.put(change.path(),
                    fieldLabels.label(change.path(), dossier, org.springframework.context.i18n.LocaleContextHolder.getLocale())));
            model.addAttribute("labels", labels);
        } else {
            model.addAttribute("needFrom", from != null);
        }
        return "history-diff";
    }

    /** Exports stream from the service through this app: the browser holds no token to fetch them itself. */
    @GetMapping("/dossiers/{dossierId}/history/export")
    void export(@PathVariable String dossierId, @RequestParam(defaultValue = "json") String format, HttpServletResponse response) {
        gateway.stream(gateway.uri(history(dossierId) + "/export", Gateway.query("format", List.of("csv", "json").contains(format) ? format : "json")),
                response);
    }

    @GetMapping("/dossiers/{dossierId}/history/state-export")
    void exportState(@PathVariable String dossierId, @RequestParam(defaultValue = "json") String format,
                     @RequestParam(required = false) String asOf, @RequestParam(required = false) String validAt, HttpServletResponse response) {
        gateway.stream(gateway.uri(history(dossierId) + "/state/export", Gateway.query("format", List.of("csv", "json").contains(format) ? format : "json",
                "asOf", instant(asOf), "validAt", date(validAt))), response);
    }

    private Policy.DossierDetail dossier(String dossierId) {
        return gateway.get(gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId)), Policy.DossierDetail.class);
    }

    private static String history(String dossierId) {
        return "/api/policy/dossiers/" + Gateway.segment(dossierId) + "/history";
    }

    /**
     * The instant as a {@code datetime-local} value (UTC), which holds milliseconds at most: rounded up, so that picking
     * it again still includes what was recorded at that instant.
     */
    static String pickerValue(Instant instant) {
        Instant millis = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return LocalDateTime.ofInstant(millis.equals(instant) ? millis : millis.plusMillis(1), ZoneOffset.UTC).toString();
    }

    /** A {@code datetime-local} value (UTC) or an ISO instant; null when blank or not a date-time. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(String value) {
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
