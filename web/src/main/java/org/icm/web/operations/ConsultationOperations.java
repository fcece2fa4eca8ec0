package org.icm.web.operations;

import static org.icm.web.operations.Operations.blank;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.kernel.vocabulary.ConsultationType;
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

/**
 * Focal points open a Commission consultation ICM follows and move its deadline; its joint-response state is shown as
 * the service holds it. Times are typed as local date-times in a zone (Brussels by default) and sent as instants.
 */
@Controller
class ConsultationOperations {

    static final List<String> TYPES = Arrays.stream(ConsultationType.values()).map(Enum::name).toList();
    static final String BRUSSELS = "Europe/Brussels";

    private final Gateway gateway;
    private final ReadYourWrites readYourWrites;

    ConsultationOperations(Gateway gateway, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.gateway = gateway;
    }

    record ConsultationForm(String type, String directorateGeneral, String title, String link, String opensAt, String closesAt,
                            String timeZone, String dossierId, String measureId, String version) {

        static ConsultationForm empty() {
            return new ConsultationForm(null, null, null, null, null, null, BRUSSELS, null, null, null);
        }

        static ConsultationForm of(Operations.Consultation consultation) {
            return new ConsultationForm(consultation.type(), consultation.directorateGeneral(), consultation.title(), consultation.link(),
                    Operations.local(consultation.opensAt(), BRUSSELS), Operations.local(consultation.closesAt(), BRUSSELS), BRUSSELS,
                    consultation.dossierId(), consultation.measureId(), Long.toString(consultation.version()));
        }
    }

    @GetMapping("/operations/consultations/new")
    String form(Model model) {
        return page(null, ConsultationForm.empty(), model);
    }

    @PostMapping("/operations/consultations/new")
    String open(@ModelAttribute ConsultationForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", blank(form.type()));
        body.put("directorateGeneral", blank(form.directorateGeneral()));
        body.put("title", form.title());
        body.put("link", blank(form.link()));
        body.put("opensAt", Operations.instant(form.opensAt(), form.timeZone()));
        body.put("closesAt", Operations.instant(form.closesAt(), form.timeZone()));
        body.put("dossierId", blank(form.dossierId()));
        body.put("measureId", blank(form.measureId()));
        JsonNode created;
        try {
            created = gateway.send(HttpMethod.POST, gateway.uri("/admin/events/consultations"), body, null);
        } catch (ServiceProblem refused) {
            Operations.refused(model, refused);
            return page(null, form, model);
        }
        redirect.addFlashAttribute("notice", "notice.consultationOpened");
        ReadYourWrites.carrySeen(redirect, created);
        return "redirect:/operations/consultations/" + Gateway.segment(created.path("id").asString());
    }

    @GetMapping("/operations/consultations/{consultationId}")
    String consultation(@PathVariable String consultationId, @RequestParam(required = false) Long seen, Model model) {
        Operations.Consultation consultation = readYourWrites.atLeast("consultation " + consultationId, () -> read(consultationId), Operations.Consultation::version, seen).value();
        return page(consultation, ConsultationForm.of(consultation), model);
    }

    @PostMapping("/operations/consultations/{consultationId}/deadline")
    String deadline(@PathVariable String consultationId, @ModelAttribute ConsultationForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("closesAt", Operations.instant(form.closesAt(), form.timeZone()));
        JsonNode changed;
        try {
            changed = gateway.send(HttpMethod.PUT, gateway.uri("/admin/events/consultations/" + Gateway.segment(consultationId) + "/deadline"),
                    body, form.version());
        } catch (ServiceProblem refused) {
            Operations.refused(model, refused);
            Operations.Consultation consultation = read(consultationId);
            ConsultationForm held = ConsultationForm.of(consultation);
            return page(consultation, new ConsultationForm(held.type(), held.directorateGeneral(), held.title(), held.link(), held.opensAt(),
                    form.closesAt(), form.timeZone(), held.dossierId(), held.measureId(), form.version()), model);
        }
        redirect.addFlashAttribute("notice", "notice.deadlineChanged");
        ReadYourWrites.carrySeen(redirect, changed);
        return "redirect:/operations/consultations/" + Gateway.segment(consultationId);
    }

    private Operations.Consultation read(String consultationId) {
        return gateway.get(gateway.uri("/api/events/consultations/" + Gateway.segment(consultationId)), Operations.Consultation.class);
    }

    private String page(Operations.Consultation consultation, ConsultationForm form, Model model) {
        model.addAttribute("consultation", consultation);
        model.addAttribute("form", form);
        model.addAttribute("types", TYPES);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "operations-consultation";
    }
}
