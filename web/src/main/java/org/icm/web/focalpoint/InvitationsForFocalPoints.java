package org.icm.web.focalpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Focal points invite a person to an organisation (optionally as an analyst). The service mails the person the link and
 * answers the single-use token once; the page says the mail is on its way and shows the link, to hand over should the
 * mail not arrive. The mail is in French for an organisation in a French-speaking country, else English.
 */
@Controller
class InvitationsForFocalPoints {

    private final Gateway gateway;

    InvitationsForFocalPoints(Gateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/directory/{organisationId}/invitations")
    String invite(@PathVariable String organisationId, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) boolean analyst, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("displayName", displayName);
        body.put("analyst", analyst);
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("email", email);
        model.addAttribute("displayName", displayName);
        model.addAttribute("analyst", analyst);
        try {
            JsonNode invitation = gateway.send(HttpMethod.POST,
                    gateway.uri("/api/membership/organisations/" + Gateway.segment(organisationId) + "/invitations"), body, null);
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitations/")
                    .path(Gateway.segment(invitation.get("token").asString())).build().toUriString();
            model.addAttribute("link", link);
            model.addAttribute("mailed", invitation.path("mailed").asBoolean(false));
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            model.addAttribute("errors", refused.fieldErrors());
        }
        return "invited";
    }
}
