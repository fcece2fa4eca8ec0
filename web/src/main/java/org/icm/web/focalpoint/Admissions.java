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

/**
 * The admissions queue: applications waiting for a focal point's decision, and the people invited who have not
 * accepted yet (a new link by mail, or the invitation revoked).
 */
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
        model.addAttribute("invitations", gateway.get(gateway.uri("/api/membership/invitations"),
                new ParameterizedTypeReference<List<PendingInvitation>>() { }));
        return "admissions";
    }

    /** Someone invited who has not accepted yet. */
    record PendingInvitation(String organisationId, String organisationName, String accountId, String email, String displayName,
                             boolean analyst, java.time.Instant expiresAt, boolean expired) {
    }

    @PostMapping("/admissions/invitations/{organisationId}/{accountId}/resend")
    String resend(@PathVariable String organisationId, @PathVariable String accountId, @RequestParam(required = false) String name,
                  RedirectAttributes redirect) {
        return act(HttpMethod.POST, invitation(organisationId, accountId) + "/resend", null, accountId, name, "notice.invitationResent", redirect);
    }

    @PostMapping("/admissions/invitations/{organisationId}/{accountId}/revoke")
    String revoke(@PathVariable String organisationId, @PathVariable String accountId, @RequestParam(required = false) String name,
                  RedirectAttributes redirect) {
        return act(HttpMethod.DELETE, invitation(organisationId, accountId), null, accountId, name, "notice.invitationRevoked", redirect);
    }

    @PostMapping("/admissions/{organisationId}/admit")
    String admit(@PathVariable String organisationId, @RequestParam(required = false) String name, RedirectAttributes redirect) {
        return act(HttpMethod.POST, organisation(organisationId) + "/admit", null, organisationId, name, "notice.admitted", redirect);
    }

    @PostMapping("/admissions/{organisationId}/reject")
    String reject(@PathVariable String organisationId, @RequestParam(required = false) String reason, @RequestParam(required = false) String name,
                  RedirectAttributes redirect) {
        return act(HttpMethod.POST, organisation(organisationId) + "/reject", Map.of("reason", reason == null ? "" : reason), organisationId, name,
                "notice.rejected", redirect);
    }

    private static String organisation(String organisationId) {
        return "/api/membership/organisations/" + Gateway.segment(organisationId);
    }

    private static String invitation(String organisationId, String accountId) {
        return organisation(organisationId) + "/invitations/" + Gateway.segment(accountId);
    }

    /** Sends the focal point's decision; back on the queue with its notice, or the refusal next to what it was about. */
    private String act(HttpMethod method, String path, Object body, String about, String name, String notice, RedirectAttributes redirect) {
        try {
            gateway.send(method, gateway.uri(path), body, null);
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeSubject", name);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.summary());
            redirect.addFlashAttribute("problemFor", about);
        }
        return "redirect:/admissions";
    }
}
