package org.icm.web.member;

import java.util.List;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.Membership;
import org.icm.web.pages.Me;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a member does: register for a meeting, endorse a recommendation for their organisation, look at their organisation. */
@Controller
class Participation {

    private final Gateway gateway;

    Participation(Gateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/calendar/meetings/{meetingId}/registration")
    String register(@PathVariable String meetingId, RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/events/meetings/" + Gateway.segment(meetingId) + "/registrations"), null, null);
            redirect.addFlashAttribute("notice", "notice.registered");
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.summary());
        }
        return "redirect:/calendar#meeting-" + meetingId;
    }

    @PostMapping("/calendar/meetings/{meetingId}/unregistration")
    String unregister(@PathVariable String meetingId, RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.DELETE, gateway.uri("/api/events/meetings/" + Gateway.segment(meetingId) + "/registrations/mine"), null, null);
            redirect.addFlashAttribute("notice", "notice.unregistered");
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.summary());
        }
        return "redirect:/calendar#meeting-" + meetingId;
    }

    @PostMapping("/dossiers/{dossierId}/recommendations/{recommendationId}/endorsement")
    String endorse(@PathVariable String dossierId, @PathVariable String recommendationId, RedirectAttributes redirect) {
        String organisation = Me.current().organisation();
        try {
            gateway.send(HttpMethod.PUT, gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId) + "/recommendations/"
                    + Gateway.segment(recommendationId) + "/endorsements/" + Gateway.segment(organisation)), null, null);
            redirect.addFlashAttribute("notice", "notice.endorsed");
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.summary());
        }
        return "redirect:/dossiers/" + Gateway.segment(dossierId) + "#recommendation-" + Gateway.segment(recommendationId);
    }

    @GetMapping("/my-organisation")
    String myOrganisation(Model model) {
        String organisation = Gateway.segment(Me.current().organisation());
        model.addAttribute("organisation", gateway.get(gateway.uri("/api/membership/organisations/" + organisation), Membership.Organisation.class));
        model.addAttribute("partners", gateway.get(gateway.uri("/api/membership/organisations/" + organisation + "/partners"),
                new ParameterizedTypeReference<List<Membership.Partner>>() { }));
        model.addAttribute("mine", true);
        return "organisation";
    }
}
