package org.icm.web.operations;

import static org.icm.web.operations.Operations.blank;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.kernel.vocabulary.EuInstitution;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** Focal points post an EU event (a hearing, a conference), correct it, or cancel it with a reason. */
@Controller
class EuEventOperations {

    static final List<String> INSTITUTIONS = Arrays.stream(EuInstitution.values()).map(Enum::name).toList();

    private final Gateway gateway;
    private final ReadYourWrites readYourWrites;

    EuEventOperations(Gateway gateway, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.gateway = gateway;
    }

    record EuEventForm(String institution, String title, String start, String end, String timeZone, String link, String dossierIds,
                       String reason, String version) {

        static EuEventForm empty() {
            return new EuEventForm(null, null, null, null, "Europe/Brussels", null, null, null, null);
        }

        static EuEventForm of(Operations.EuEvent event) {
            return new EuEventForm(event.institution(), event.title(), event.start().toString(),
                    event.end() == null ? null : event.end().toString(), event.timeZone(), event.link(),
                    event.dossierIds() == null ? null : String.join(", ", event.dossierIds()), null, Long.toString(event.version()));
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("institution", blank(institution));
            body.put("title", title);
            body.put("start", blank(start));
            body.put("end", blank(end));
            body.put("timeZone", blank(timeZone));
            body.put("link", blank(link));
            body.put("dossierIds", dossierIds == null ? List.of()
                    : Arrays.stream(dossierIds.split("[,\\s]+")).filter(id -> !id.isBlank()).toList());
            return body;
        }
    }

    @GetMapping("/operations/eu-events/new")
    String form(Model model) {
        return newPage(EuEventForm.empty(), model);
    }

    @PostMapping("/operations/eu-events/new")
    String post(@ModelAttribute EuEventForm form, Model model, RedirectAttributes redirect) {
        JsonNode created;
        try {
            created = gateway.send(HttpMethod.POST, gateway.uri("/admin/events/eu-events"), form.body(), null);
        } catch (ServiceProblem refused) {
            Operations.refused(model, refused);
            return newPage(form, model);
        }
        redirect.addFlashAttribute("notice", "notice.euEventPosted");
        ReadYourWrites.carrySeen(redirect, created);
        return "redirect:/operations/eu-events/" + Gateway.segment(created.path("id").asString());
    }

    @GetMapping("/operations/eu-events/{euEventId}")
    String edit(@PathVariable String euEventId, @RequestParam(required = false) Long seen, Model model) {
        Operations.EuEvent event = readYourWrites.atLeast("EU event " + euEventId, () -> event(euEventId), Operations.EuEvent::version, seen).value();
        return editPage(event, EuEventForm.of(event), model);
    }

    @PostMapping("/operations/eu-events/{euEventId}")
    String update(@PathVariable String euEventId, @ModelAttribute EuEventForm form, Model model, RedirectAttributes redirect) {
        return write(euEventId, HttpMethod.PUT, "", form.body(), form, "notice.euEventUpdated", model, redirect);
    }

    @PostMapping("/operations/eu-events/{euEventId}/cancel")
    String cancel(@PathVariable String euEventId, @ModelAttribute EuEventForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blank(form.reason()));
        return write(euEventId, HttpMethod.POST, "/cancel", body, form, "notice.euEventCancelled", model, redirect);
    }

    private String write(String euEventId, HttpMethod method, String action, Object body, EuEventForm form, String notice, Model model,
                         RedirectAttributes redirect) {
        JsonNode changed;
        try {
            changed = gateway.send(method, gateway.uri("/admin/events/eu-events/" + Gateway.segment(euEventId) + action), body, form.version());
        } catch (ServiceProblem refused) {
            Operations.refused(model, refused);
            Operations.EuEvent event = event(euEventId);
            // the cancel form posts only a reason: the edit form then shows what the event holds
            return editPage(event, form.title() == null ? new EuEventForm(event.institution(), event.title(), event.start().toString(),
                    event.end() == null ? null : event.end().toString(), event.timeZone(), event.link(),
                    event.dossierIds() == null ? null : String.join(", ", event.dossierIds()), form.reason(), form.version()) : form, model);
        }
        redirect.addFlashAttribute("notice", notice);
        ReadYourWrites.carrySeen(redirect, changed);
        return "redirect:/operations/eu-events/" + Gateway.segment(euEventId);
    }

    private Operations.EuEvent event(String euEventId) {
        return gateway.get(gateway.uri("/api/events/eu-events/" + Gateway.segment(euEventId)), Operations.EuEvent.class);
    }

    private String newPage(EuEventForm form, Model model) {
        model.addAttribute("event", null);
        return page(form, model);
    }

    private String editPage(Operations.EuEvent event, EuEventForm form, Model model) {
        model.addAttribute("event", event);
        return page(form, model);
    }

    private String page(EuEventForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("institutions", INSTITUTIONS);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "operations-eu-event";
    }
}
