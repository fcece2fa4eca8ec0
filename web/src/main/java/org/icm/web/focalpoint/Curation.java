package org.icm.web.focalpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.web.countries.NationalTables;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.DossierReads;
import org.icm.web.pages.Policy;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Focal points curate a dossier from its page: record a procedure step on a measure, draft a recommendation and move
 * its status (publish it). Each write names the dossier version the page showed (If-Match), so a dossier changed by
 * someone else meanwhile is refused rather than overwritten; a refusal comes back on the dossier page with what was typed.
 */
@Controller
class Curation {

    static final List<String> ADDRESSEES = List.of("EUROPEAN_COMMISSION", "EUROPEAN_PARLIAMENT", "COUNCIL", "MEMBER_STATES", "EU_AGENCIES");

    private final Gateway gateway;
    private final NationalTables nationalTables;

    Curation(Gateway gateway, NationalTables nationalTables) {
        this.gateway = gateway;
        this.nationalTables = nationalTables;
    }

    /** The step form as typed, kept when the service refuses it. */
    record StepForm(String measureId, String stage, String effectiveDate, String note, String documentReference) {
    }

    record RecommendationForm(String text, Set<String> addressees) {
    }

    @PostMapping("/dossiers/{dossierId}/measures/{measureId}/steps")
    String recordStep(@PathVariable String dossierId, @PathVariable String measureId, @RequestParam(required = false) String stage,
                      @RequestParam(required = false) String effectiveDate, @RequestParam(required = false) String note,
                      @RequestParam(required = false) String documentReference, @RequestParam(required = false) String version,
                      Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", blankToNull(stage));
        body.put("effectiveDate", blankToNull(effectiveDate));
        body.put("note", blankToNull(note));
        body.put("documentReference", blankToNull(documentReference));
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.POST, gateway.uri(dossier(dossierId) + "/measures/" + Gateway.segment(measureId) + "/steps"), body, version);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("stepForm", new StepForm(measureId, stage, effectiveDate, note, documentReference));
            return dossierPage(dossierId, refused, model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.stepRecorded");
        return "redirect:" + dossier(dossierId).replace("/api/policy", "") + "#measure-" + Gateway.segment(measureId);
    }

    @PostMapping("/dossiers/{dossierId}/recommendations/new")
    String draft(@PathVariable String dossierId, @RequestParam(required = false) String text,
                 @RequestParam(required = false) Set<String> addressees, @RequestParam(required = false) String version,
                 Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("addressees", addressees == null ? Set.of() : addressees);
        body.put("measureIds", List.of());
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.POST, gateway.uri(dossier(dossierId) + "/recommendations"), body, version);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("recommendationForm", new RecommendationForm(text, addressees == null ? Set.of() : addressees));
            return dossierPage(dossierId, refused, model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.recommendationDrafted");
        return "redirect:" + dossier(dossierId).replace("/api/policy", "") + "#recommendations";
    }

    record ReviseForm(String recommendationId, String text) {
    }

    @PostMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/text")
    String revise(@PathVariable String dossierId, @PathVariable String recommendationId, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.PUT, gateway.uri(dossier(dossierId) + "/recommendations/" + Gateway.segment(recommendationId) + "/text"),
                    Map.of("text", text == null ? "" : text), version);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("reviseForm", new ReviseForm(recommendationId, text));
            return dossierPage(dossierId, refused, model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.revised");
        return "redirect:" + dossier(dossierId).replace("/api/policy", "") + "#recommendation-" + Gateway.segment(recommendationId);
    }

    @PostMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/status")
    String moveStatus(@PathVariable String dossierId, @PathVariable String recommendationId, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String version, Model model, RedirectAttributes redirect) {
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.PUT, gateway.uri(dossier(dossierId) + "/recommendations/" + Gateway.segment(recommendationId) + "/status"),
                    Map.of("status", status == null ? "" : status), version);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("statusProblemFor", recommendationId);
            return dossierPage(dossierId, refused, model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.statusMoved");
        return "redirect:" + dossier(dossierId).replace("/api/policy", "") + "#recommendation-" + Gateway.segment(recommendationId);
    }

    record RightForm(String rightCode, String rationale) {
    }

    @PostMapping("/dossiers/{dossierId}/rights")
    String tagRight(@PathVariable String dossierId, @RequestParam(required = false) String rightCode,
                    @RequestParam(required = false) String rationale, @RequestParam(required = false) String version,
                    Model model, RedirectAttributes redirect) {
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.PUT, gateway.uri(dossier(dossierId) + "/rights/" + Gateway.segment(rightCode == null ? "" : rightCode)),
                    Map.of("rationale", rationale == null ? "" : rationale), version);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("rightForm", new RightForm(rightCode, rationale));
            return dossierPage(dossierId, refused, model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.rightTagged");
        return "redirect:" + dossier(dossierId).replace("/api/policy", "") + "#rights-heading";
    }

    record OutcomeForm(String recommendationId, String outcome, String evidence) {
    }

    @PostMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/outcome")
    String recordOutcome(@PathVariable String dossierId, @PathVariable String recommendationId, @RequestParam(required = false) String outcome,
                         @RequestParam(required = false) String evidence, @RequestParam(required = false) String version,
                         Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", blankToNull(outcome));
        body.put("evidence", blankToNull(evidence));
        JsonNode answer;
        try {
            answer = gateway.send(HttpMethod.PUT, gateway.uri(dossier(dossierId) + "/recommendations/" + Gateway.segment(recommendationId) + "/outcome"),
                    body, version);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("outcomeForm", new OutcomeForm(recommendationId, outcome, evidence));
            return dossierPage(dossierId, refused, model);
        }
        ReadYourWrites.carrySeen(redirect, answer);
        redirect.addFlashAttribute("notice", "notice.outcomeRecorded");
        return "redirect:" + dossier(dossierId).replace("/api/policy", "") + "#recommendation-" + Gateway.segment(recommendationId);
    }

    private String dossierPage(String dossierId, ServiceProblem refused, Model model) {
        Policy.DossierDetail shown = gateway.get(gateway.uri(dossier(dossierId)), Policy.DossierDetail.class);
        model.addAttribute("dossier", shown);
        model.addAttribute("nationalTables", nationalTables.of(shown, NationalTables.Filter.none()));
        model.addAttribute("nationalStatuses", NationalTables.STATUSES);
        model.addAttribute("stages", List.of(ProcedureStage.values()));
        model.addAttribute("rights", RightsCatalogue.standard().all());
        model.addAttribute("refused", refused);
        return "dossier";
    }

    private static String dossier(String dossierId) {
        return "/api/policy/dossiers/" + Gateway.segment(dossierId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
