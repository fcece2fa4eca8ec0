package org.icm.web.focalpoint;

import java.util.List;
import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.Membership;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admissions queue: applications waiting for a focal point's decision. */
@Controller
class Admissions {

    private final Gateway gateway;

    Admissions(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/admissions")
    String queue(Model model) {
        model.addAttribute("applications", gateway.get(gateway.uri("/api/membership/organisations/applications"),
                new ParameterizedTypeReference<List<Membership.Organisation>>() { }));
        return "admissions";
    }

    @PostMapping("/admissions/{organisationId}/admit")
    String admit(@PathVariable String organisationId, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        return decide(organisationId, "admit", null, name, "notice.admitted", redirect);
    }

    @PostMapping("/admissions/{organisationId}/reject")
    String reject(@PathVariable String organisationId, @RequestParam(required = false) String reason, @RequestParam(required = false) String name,
                  RedirectAttributes redirect) {
        return decide(organisationId, "reject", Map.of("reason", reason == null ? "" : reason), name, "notice.rejected", redirect);
    }

    private String decide(String organisationId, String decision, Object body, String name, String notice, RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/membership/organisations/" + Gateway.segment(organisationId) + "/" + decision), body, null);
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeSubject", name);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.summary());
            redirect.addFlashAttribute("problemFor", organisationId);
        }
        return "redirect:/admissions";
    }
}
