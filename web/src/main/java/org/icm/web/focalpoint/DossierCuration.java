package org.icm.web.focalpoint;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.DossierReads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
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
 * The focal points' curate page of a dossier ({@code /dossiers/{id}/curate}) and a page to open a new dossier. The
 * dossier page keeps the everyday actions (record a step, draft, revise, publish); the rest of curation lives here, so
 * the public dossier page stays readable. Every write names the version the page showed (If-Match); its answer's new
 * version goes into the redirect, so the page shown next waits for the read model to show it (see {@link DossierReads})
 * and a second write from that page is not refused as stale. A refusal shows the curate page again with what was typed.
 */
@Controller
class DossierCuration {

    /** What the buttons for a dossier's lifecycle may ask the policy service to do. */
    static final Set<String> LIFECYCLE = Set.of("publish", "return-to-draft", "archive");

    private final Gateway gateway;
    private final DossierReads reads;
    private final MessageSource messages;

    DossierCuration(Gateway gateway, DossierReads reads, MessageSource messages) {
        this.gateway = gateway;
        this.reads = reads;
        this.messages = messages;
    }

    @GetMapping("/dossiers/new")
    String newDossier(Model model) {
        model.addAttribute("policyAreas", List.of(PolicyArea.values()));
        model.addAttribute("typed", Typed.none());
        return "dossier-new";
    }

    @PostMapping("/dossiers/new")
    String open(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.POST, gateway.uri("/api/policy/dossiers"), dossierFields(form), null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("policyAreas", List.of(PolicyArea.values()));
            model.addAttribute("typed", new Typed("dossier", form, refused));
            model.addAttribute("refused", refused);
            return "dossier-new";
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.dossierOpened");
        return "redirect:/dossiers/" + Gateway.segment(answer.path("id").asString()) + "/curate";
    }

    @GetMapping("/dossiers/{dossierId}/curate")
    String curate(@PathVariable String dossierId, @RequestParam(name = ReadYourWrites.SEEN, required = false) Long seen, Model model) {
        DossierReads.Read read = reads.atLeast(dossierId, seen);
        model.addAttribute("behind", read.behind());
        return page(read, Typed.none(), model);
    }

    @PostMapping("/dossiers/{dossierId}/curate/dossier")
    String edit(@PathVariable String dossierId, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return write(dossierId, "dossier", form, model, redirect, "notice.dossierEdited", "dossier-heading",
                () -> gateway.send(HttpMethod.PUT, dossier(dossierId, ""), dossierFields(form), form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/lifecycle")
    String lifecycle(@PathVariable String dossierId, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        String action = form.getFirst("action");
        if (!LIFECYCLE.contains(action)) {
            // only our own buttons send this; anything else is refused here, naming the field, and nothing is sent
            return refuse(dossierId, "lifecycle", form, model, "action", "curate.refusal.action");
        }
        return write(dossierId, "lifecycle", form, model, redirect, "notice.dossier." + action, "dossier-heading",
                () -> gateway.send(HttpMethod.POST, dossier(dossierId, "/" + action), null, form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/measures")
    String addMeasure(@PathVariable String dossierId, @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return write(dossierId, "new-measure", form, model, redirect, "notice.measureAdded", "measures-heading",
                () -> gateway.send(HttpMethod.POST, dossier(dossierId, "/measures"), measureFields(form), form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/measures/{measureId}")
    String editMeasure(@PathVariable String dossierId, @PathVariable String measureId, @RequestParam MultiValueMap<String, String> form,
                       Model model, RedirectAttributes redirect) {
        return write(dossierId, "measure-" + measureId, form, model, redirect, "notice.measureEdited", "measure-" + measureId,
                () -> gateway.send(HttpMethod.PUT, dossier(dossierId, "/measures/" + Gateway.segment(measureId)), measureFields(form),
                        form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/measures/{measureId}/key-dates")
    String keyDates(@PathVariable String dossierId, @PathVariable String measureId, @RequestParam MultiValueMap<String, String> form,
                    Model model, RedirectAttributes redirect) {
        Map<String, Object> body = values(form, "entryIntoForce", "application", "transpositionDeadline");
        return write(dossierId, "dates-" + measureId, form, model, redirect, "notice.keyDatesSet", "measure-" + measureId,
                () -> gateway.send(HttpMethod.PUT, dossier(dossierId, "/measures/" + Gateway.segment(measureId) + "/key-dates"), body,
                        form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/measures/{measureId}/corrections")
    String correctStep(@PathVariable String dossierId, @PathVariable String measureId, @RequestParam MultiValueMap<String, String> form,
                       Model model, RedirectAttributes redirect) {
        String stepId = blankToNull(form.getFirst("stepId"));
        if (stepId == null) {
            // the step is part of the address: without one there is nothing to send
            return refuse(dossierId, "correct-" + measureId, form, model, "stepId", "curate.refusal.stepId");
        }
        Map<String, Object> body = values(form, "stage", "effectiveDate", "note", "documentReference", "reason");
        return write(dossierId, "correct-" + measureId, form, model, redirect, "notice.stepCorrected", "measure-" + measureId,
                () -> gateway.send(HttpMethod.PUT, dossier(dossierId, "/measures/" + Gateway.segment(measureId) + "/steps/" + Gateway.segment(stepId)),
                        body, form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/rights/{rightCode}/untag")
    String untag(@PathVariable String dossierId, @PathVariable String rightCode, @RequestParam MultiValueMap<String, String> form,
                 Model model, RedirectAttributes redirect) {
        return write(dossierId, "untag-" + rightCode, form, model, redirect, "notice.rightUntagged", "rights-heading",
                () -> gateway.send(HttpMethod.DELETE, dossier(dossierId, "/rights/" + Gateway.segment(rightCode)), null, form.getFirst("version"),
                        form.getFirst("reason")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/recommendations/{recommendationId}/addressees")
    String addressees(@PathVariable String dossierId, @PathVariable String recommendationId, @RequestParam MultiValueMap<String, String> form,
                      Model model, RedirectAttributes redirect) {
        List<String> addressees = form.getOrDefault("addressees", List.of());
        return write(dossierId, "addressees-" + recommendationId, form, model, redirect, "notice.addresseesChanged", "recommendation-" + recommendationId,
                () -> gateway.send(HttpMethod.PUT, recommendation(dossierId, recommendationId, "/addressees"), Map.of("addressees", addressees),
                        form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/recommendations/{recommendationId}/link")
    String link(@PathVariable String dossierId, @PathVariable String recommendationId, @RequestParam MultiValueMap<String, String> form,
                Model model, RedirectAttributes redirect) {
        String measureId = blankToNull(form.getFirst("measureId"));
        if (measureId == null) {
            return refuse(dossierId, "link-" + recommendationId, form, model, "measureId", "curate.refusal.measureId");
        }
        return write(dossierId, "link-" + recommendationId, form, model, redirect, "notice.measureLinked", "recommendation-" + recommendationId,
                () -> gateway.send(HttpMethod.PUT, recommendation(dossierId, recommendationId, "/measures/" + Gateway.segment(measureId)), null,
                        form.getFirst("version")));
    }

    @PostMapping("/dossiers/{dossierId}/curate/recommendations/{recommendationId}/unlink/{measureId}")
    String unlink(@PathVariable String dossierId, @PathVariable String recommendationId, @PathVariable String measureId,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        return write(dossierId, "link-" + recommendationId, form, model, redirect, "notice.measureUnlinked", "recommendation-" + recommendationId,
                () -> gateway.send(HttpMethod.DELETE, recommendation(dossierId, recommendationId, "/measures/" + Gateway.segment(measureId)), null,
                        form.getFirst("version")));
    }

    /** Sends one write; on success back to the curate page at {@code anchor}, on refusal the page again with what was typed. */
    private String write(String dossierId, String formName, MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                         String notice, String anchor, Supplier<JsonNode> send) {
        JsonNode answer;
        try {
            answer = send.get();
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            return page(reads.current(dossierId), new Typed(formName, form, refused), model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/dossiers/" + Gateway.segment(dossierId) + "/curate#" + anchor;
    }

    /** A form that cannot be sent as it is: refused here the way the service would (problem naming the field), in the page's language. */
    private String refuse(String dossierId, String formName, MultiValueMap<String, String> form, Model model, String field, String reasonKey) {
        String reason = messages.getMessage(reasonKey, null, LocaleContextHolder.getLocale());
        ServiceProblem refused = new ServiceProblem(400, null, "Invalid request", field + ": " + reason,
                List.of(new ServiceProblem.FieldProblem(field, reason)));
        model.addAttribute("refused", refused);
        return page(reads.current(dossierId), new Typed(formName, form, refused), model);
    }

    private String page(DossierReads.Read read, Typed typed, Model model) {
        model.addAttribute("dossier", read.dossier());
        model.addAttribute("typed", typed);
        model.addAttribute("policyAreas", List.of(PolicyArea.values()));
        model.addAttribute("measureTypes", List.of(MeasureType.values()));
        model.addAttribute("stages", List.of(ProcedureStage.values()));
        model.addAttribute("addressees", Curation.ADDRESSEES);
        return "curate";
    }

    private URI dossier(String dossierId, String rest) {
        return gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId) + rest);
    }

    private URI recommendation(String dossierId, String recommendationId, String rest) {
        return dossier(dossierId, "/recommendations/" + Gateway.segment(recommendationId) + rest);
    }

    private static Map<String, Object> dossierFields(MultiValueMap<String, String> form) {
        return values(form, "title", "policyArea", "summary");
    }

    private static Map<String, Object> measureFields(MultiValueMap<String, String> form) {
        return values(form, "title", "type", "procedureReference", "comReference", "celexNumber", "finalAct");
    }

    /** The named fields as the service takes them: blank means "not given". */
    private static Map<String, Object> values(MultiValueMap<String, String> form, String... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : fields) {
            body.put(field, blankToNull(form.getFirst(field)));
        }
        return body;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
