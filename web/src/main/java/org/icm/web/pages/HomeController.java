package org.icm.web.pages;

import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What ICM is, how to join, and the dossiers that changed last. */
@Controller
class HomeController {

    private final Gateway gateway;

    HomeController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/")
    String home(Model model) {
        try {
            model.addAttribute("dossiers", gateway.get(gateway.uri("/api/policy/dossiers", Gateway.query("size", 5)),
                    new ParameterizedTypeReference<Policy.Page<Policy.DossierSummary>>() { }).items());
        } catch (ServiceProblem unavailable) {
            // the home page still explains ICM when the policy service is away
            model.addAttribute("dossiersUnavailable", true);
        }
        return "home";
    }
}
