package org.icm.web.pages;

import java.util.List;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member edits their own organisation's profile: the application form's fields, filled with the profile as it is.
 * The membership service decides who may (the organisation's own people) and what is valid; a refusal comes back
 * next to the fields with what was typed. The version the form showed goes as If-Match, so a profile changed meanwhile
 * is refused rather than overwritten.
 */
@Controller
class ProfileEditing {

    private final Gateway gateway;

    ProfileEditing(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/my-organisation/edit")
    String form(Model model) {
        Membership.Organisation organisation = gateway.get(gateway.uri(organisationPath()), Membership.Organisation.class);
        Membership.Contact contact = organisation.contact();
        JoinPage.Application typed = new JoinPage.Application(organisation.name(), organisation.acronym(), organisation.kind(), organisation.scope(),
                String.join(", ", organisation.countries() == null ? List.of() : organisation.countries().stream().map(Membership.CountryName::code).toList()),
                organisation.focus(), join(organisation.expertise()), join(organisation.advocacyTargets()), organisation.website(),
                contact == null ? null : contact.name(), contact == null ? null : contact.email(), contact == null ? null : contact.phone());
        return page(model, typed, String.valueOf(organisation.version()), null);
    }

    @PostMapping("/my-organisation/edit")
    String save(@ModelAttribute("applicant") JoinPage.Application typed, @RequestParam(required = false) String version, Model model,
                RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.PUT, gateway.uri(organisationPath()), typed.body(), version);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return page(model, typed, version, refused);
        }
        redirect.addFlashAttribute("notice", "notice.profileSaved");
        return "redirect:/my-organisation";
    }

    private String page(Model model, JoinPage.Application typed, String version, ServiceProblem refused) {
        JoinPage.organisationForm(model, typed, refused);
        model.addAttribute("version", version);
        return "organisation-edit";
    }

    private static String organisationPath() {
        return "/api/membership/organisations/" + Gateway.segment(Me.current().organisation());
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }
}
