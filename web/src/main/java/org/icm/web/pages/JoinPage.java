package org.icm.web.pages;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The application to join ICM. The membership service checks every value; its refusal is shown next to the field it
 * names, and the form comes back with everything the person typed.
 */
@Controller
class JoinPage {

    private final Gateway gateway;

    JoinPage(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The form as typed: lists are typed as comma-separated text. */
    public record Application(String name, String acronym, String kind, String scope, String countries, String focus, String expertise,
                       String advocacyTargets, String website, String contactName, String contactEmail, String contactPhone) {

        public static Application empty() {
            return new Application(null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public Map<String, Object> body() {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", contactName);
            contact.put("email", contactEmail);
            contact.put("phone", blankToNull(contactPhone));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("acronym", blankToNull(acronym));
            body.put("kind", blankToNull(kind));
            body.put("scope", blankToNull(scope));
            body.put("countries", list(countries));
            body.put("focus", blankToNull(focus));
            body.put("expertise", list(expertise));
            body.put("advocacyTargets", list(advocacyTargets));
            body.put("website", blankToNull(website));
            body.put("contact", contact);
            return body;
        }
    }

    static List<String> list(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/join")
    String form(Model model) {
        return page(model, Application.empty(), null);
    }

    @PostMapping("/join")
    String apply(@ModelAttribute("applicant") Application application, Model model) {
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/membership/organisations"), application.body(), null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return page(model, application, refused);
        }
        model.addAttribute("appliedName", application.name());
        return "join-sent";
    }

    private String page(Model model, Application application, ServiceProblem refused) {
        organisationForm(model, application, refused);
        return "join";
    }

    /**
     * What the organisation's fields need (the fragment {@code join :: organisation-fields}), for the application and
     * for the profile edit page: what was typed, the choices, and each refusal next to its field.
     */
    static void organisationForm(Model model, Application typed, ServiceProblem refused) {
        model.addAttribute("applicant", typed); // not "application": templates read that as the servlet context
        model.addAttribute("kinds", List.of(OrganisationKind.values()));
        model.addAttribute("scopes", List.of(OrganisationScope.values()));
        model.addAttribute("focuses", List.of(OrganisationFocus.values()));
        model.addAttribute("refused", refused);
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused != null) {
            // the service names nested fields with a dot; the form flattens the contact person
            refused.fieldErrors().forEach((field, reason) -> errors.put(switch (field) {
                case "contact.name", "contact" -> "contactName";
                case "contact.email" -> "contactEmail";
                case "contact.phone" -> "contactPhone";
                default -> field;
            }, reason));
        }
        model.addAttribute("errors", errors);
    }
}
