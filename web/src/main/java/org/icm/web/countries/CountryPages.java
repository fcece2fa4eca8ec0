package org.icm.web.countries;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MemberStates;
import org.icm.kernel.vocabulary.Right;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.web.focalpoint.Typed;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.DossierReads;
import org.icm.web.pages.Labels;
import org.icm.web.pages.Me;
import org.icm.web.pages.Membership;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The countries whose national implementation the network follows, and one country's page: every tracked measure with
 * its national status, deadlines, infringement steps, national measures and notes; the national member organisations;
 * the recommendations addressed to national authorities. Focal points, and members whose organisation works in the
 * country, record national facts from the page. The policy service decides who may and what is valid; a refusal comes
 * back next to the field of the form that was sent, with what was typed.
 */
@Controller
class CountryPages {

    /** A country code as the pages take it: anything else is not a country, and is not sent on. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2}");

    private final Gateway gateway;
    private final DossierReads reads;
    private final Labels labels;
    private final FollowedCountries followedCountries;

    CountryPages(Gateway gateway, DossierReads reads, Labels labels, FollowedCountries followedCountries) {
        this.gateway = gateway;
        this.reads = reads;
        this.labels = labels;
        this.followedCountries = followedCountries;
    }

    /** The followed countries by name, in two groups: the EU-27, then the associated states a deployment follows. */
    @GetMapping("/countries")
    String countries(Model model) {
        List<National.Country> followed = followedCountries.byName().stream().map(code -> new National.Country(code, labels.country(code))).toList();
        model.addAttribute("memberStates", followed.stream().filter(c -> MemberStates.EU27.contains(c.code())).toList());
        model.addAttribute("associatedStates", followed.stream().filter(c -> !MemberStates.EU27.contains(c.code())).toList());
        return "countries";
    }

    @GetMapping("/countries/{code}")
    String country(@PathVariable String code, @RequestParam(required = false) String dossier,
                   @RequestParam(name = ReadYourWrites.SEEN, required = false) Long seen, Model model, HttpServletResponse response) {
        if (!CODE.matcher(code).matches()) {
            return unknown(code, model, response);
        }
        if (!code.equals(code.toUpperCase(Locale.ROOT))) {
            return "redirect:/countries/" + code.toUpperCase(Locale.ROOT);
        }
        if (seen != null && dossier != null && !dossier.isBlank()) {
            // after a write: the country's page is read from the dossier's read model, so wait until it shows the write
            try {
                model.addAttribute("behind", reads.atLeast(dossier, seen).behind());
            } catch (ServiceProblem unreadable) {
                model.addAttribute("behind", true);
            }
        }
        return page(code, Typed.none(), model, response);
    }

    @PostMapping("/countries/{code}/dossiers/{dossierId}/measures/{measureId}/national-measures")
    String recordNationalMeasure(@PathVariable String code, @PathVariable String dossierId, @PathVariable String measureId,
                                 @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                                 HttpServletResponse response) {
        return write(code, dossierId, measureId, "national-measure", form, model, redirect, response, "notice.nationalMeasureRecorded",
                () -> gateway.send(HttpMethod.POST, national(dossierId, measureId, code, "/national-measures"),
                        values(form, "kind", "title", "reference", "adoptedOn", "link"), null));
    }

    @PostMapping("/countries/{code}/dossiers/{dossierId}/measures/{measureId}/transposition")
    String declareTransposition(@PathVariable String code, @PathVariable String dossierId, @PathVariable String measureId,
                                @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                                HttpServletResponse response) {
        return write(code, dossierId, measureId, "transposition", form, model, redirect, response, "notice.transpositionDeclared",
                () -> gateway.send(HttpMethod.PUT, national(dossierId, measureId, code, "/transposition"),
                        values(form, "status", "effectiveDate", "source"), null));
    }

    @PostMapping("/countries/{code}/dossiers/{dossierId}/measures/{measureId}/infringement-steps")
    String recordInfringementStep(@PathVariable String code, @PathVariable String dossierId, @PathVariable String measureId,
                                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                                  HttpServletResponse response) {
        return write(code, dossierId, measureId, "infringement", form, model, redirect, response, "notice.infringementStepRecorded",
                () -> gateway.send(HttpMethod.POST, national(dossierId, measureId, code, "/infringement-steps"),
                        values(form, "stage", "reference", "effectiveDate"), null));
    }

    @PostMapping("/countries/{code}/dossiers/{dossierId}/measures/{measureId}/notes")
    String addNote(@PathVariable String code, @PathVariable String dossierId, @PathVariable String measureId,
                   @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return write(code, dossierId, measureId, "note", form, model, redirect, response, "notice.nationalNoteAdded",
                () -> gateway.send(HttpMethod.POST, national(dossierId, measureId, code, "/notes"), values(form, "text", "rightCode"), null));
    }

    /** Analysts' export of every dossier's country-by-measure table; streamed, as the browser holds no token to fetch it itself. */
    @GetMapping("/national-implementation/export")
    void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String asOf,
                @RequestParam(required = false) String validAt, HttpServletResponse response) {
        gateway.stream(gateway.uri("/api/policy/national-implementation/export", Gateway.query("format",
                List.of("csv", "json").contains(format) ? format : "csv", "asOf", NationalTables.instant(asOf), "validAt", NationalTables.date(validAt))),
                response);
    }

    /**
     * Sends one write. National facts are added, never overwritten, so no If-Match is sent (a member recording for Greece
     * is not refused because another recorded for Austria meanwhile); the version the write made goes into the redirect,
     * so the page shown next waits until it shows the new fact. A refusal shows the page again, the reasons next to the
     * fields of the form that was sent ({@code <form>-<dossier>-<measure>}).
     */
    private String write(String code, String dossierId, String measureId, String formName, MultiValueMap<String, String> form, Model model,
                         RedirectAttributes redirect, HttpServletResponse response, String notice, Supplier<JsonNode> send) {
        JsonNode answer;
        try {
            answer = send.get();
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            return page(code, new Typed(formKey(formName, dossierId, measureId), form, refused), model, response);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addAttribute("dossier", dossierId);
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeSubject", labels.country(code));
        return "redirect:/countries/" + Gateway.segment(code) + "#measure-" + Gateway.segment(dossierId) + "-" + Gateway.segment(measureId);
    }

    /** The key of one form of the page: its fields' ids start with it, and a refusal lands in that form only. */
    static String formKey(String form, String dossierId, String measureId) {
        return form + "-" + dossierId + "-" + measureId;
    }

    private String page(String code, Typed typed, Model model, HttpServletResponse response) {
        National.CountryOverview overview;
        try {
            overview = gateway.get(gateway.uri("/api/policy/countries/" + Gateway.segment(code)), National.CountryOverview.class);
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return unknown(code, model, response);
            }
            throw problem;
        }
        model.addAttribute("overview", overview);
        model.addAttribute("countryName", labels.country(overview.country()));
        model.addAttribute("organisations", nationalMembers(code));
        model.addAttribute("mayRecord", mayRecord(code));
        model.addAttribute("typed", typed);
        model.addAttribute("transpositionStatuses", List.of(TranspositionStatus.values()));
        model.addAttribute("infringementStages", List.of(InfringementStage.values()));
        model.addAttribute("rights", RightsCatalogue.standard().all());
        model.addAttribute("rightTitles", RightsCatalogue.standard().all().stream().collect(Collectors.toMap(Right::code,
                right -> right.title() + " (" + right.instrument() + " " + right.article() + ")")));
        return "country";
    }

    /** The country is not one the network follows: a page that says so, and where the followed ones are. */
    private static String unknown(String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        // what was typed is shown back (escaped), not a page's worth of it
        model.addAttribute("code", code.length() > 40 ? code.substring(0, 40) + "…" : code);
        return "country-unknown";
    }

    /** The member organisations working in the country; null when the directory cannot be read (the page says so). */
    private List<Membership.Organisation> nationalMembers(String code) {
        try {
            return gateway.get(gateway.uri("/api/membership/organisations", Gateway.query("country", code, "size", 100)),
                    new ParameterizedTypeReference<Membership.Page<Membership.Organisation>>() { }).items();
        } catch (ServiceProblem unavailable) {
            return null;
        }
    }

    /**
     * Whether the page offers the recording forms: to focal points everywhere, and to a member of an organisation whose
     * profile names the country (the rule the policy service applies; it still decides each write). When the profile
     * cannot be read, the forms are not offered.
     */
    private boolean mayRecord(String code) {
        Me me = Me.current();
        if (me.focalPoint()) {
            return true;
        }
        if (!me.signedIn() || !me.roles().contains("PARTICIPANT") || me.organisation() == null) {
            return false;
        }
        try {
            Membership.Organisation mine = gateway.get(gateway.uri("/api/membership/organisations/" + Gateway.segment(me.organisation())),
                    Membership.Organisation.class);
            return mine.countries() != null && mine.countries().stream().anyMatch(country -> code.equals(country.code()));
        } catch (ServiceProblem unreadable) {
            return false;
        }
    }

    private java.net.URI national(String dossierId, String measureId, String code, String rest) {
        return gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId) + "/measures/" + Gateway.segment(measureId) + "/countries/"
                + Gateway.segment(code) + rest);
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
