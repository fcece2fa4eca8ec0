package org.icm.web.pages;

import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person invited by a focal point sets their password here (the link the focal point handed them), then signs in. */
@Controller
class InvitationPage {

    private final Gateway gateway;

    InvitationPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/invitations/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String repeat, java.util.Locale locale, Model model) {
        model.addAttribute("token", token);
        if (password == null || !password.equals(repeat)) {
            model.addAttribute("mismatch", true);
            return "invitation";
        }
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/membership/invitations/" + Gateway.segment(token) + "/accept"),
                    // the person's mails will be in the language of the page they signed up on
                    Map.of("password", password, "language", locale.getLanguage()), null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            return "invitation";
        }
        return "invitation-accepted";
    }
}
