package org.icm.web.pages;

import java.util.List;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.web.gateway.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory of member organisations, and one organisation's profile (with partner suggestions for members). */
@Controller
class DirectoryPages {

    private final Gateway gateway;

    DirectoryPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/directory")
    String directory(@RequestParam(required = false) String q, @RequestParam(required = false) String country,
                     @RequestParam(required = false) String scope, @RequestParam(required = false) String focus, Model model) {
        Membership.Page<Membership.Organisation> found = gateway.get(gateway.uri("/api/membership/organisations",
                Gateway.query("q", q, "country", country, "scope", scope, "focus", focus, "size", 100)), new ParameterizedTypeReference<>() { });
        model.addAttribute("found", found);
        model.addAttribute("filter", new Filter(q, country, scope, focus));
        model.addAttribute("scopes", List.of(OrganisationScope.values()));
        model.addAttribute("focuses", List.of(OrganisationFocus.values()));
        return "directory";
    }

    record Filter(String q, String country, String scope, String focus) {
    }

    @GetMapping("/directory/{organisationId}")
    String organisation(@PathVariable String organisationId, Model model) {
        Me me = Me.current();
        model.addAttribute("organisation", gateway.get(gateway.uri("/api/membership/organisations/" + Gateway.segment(organisationId)),
                Membership.Organisation.class));
        if (me.signedIn()) {
            model.addAttribute("partners", gateway.get(gateway.uri("/api/membership/organisations/" + Gateway.segment(organisationId) + "/partners"),
                    new ParameterizedTypeReference<List<Membership.Partner>>() { }));
        }
        return "organisation";
    }
}
