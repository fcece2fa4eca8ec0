package org.icm.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A forgotten password (linked from the sign-in page): the person asks for a link by mail, in the page's language,
 * and reads the same answer whether or not the address has an account; the link leads back here to choose the new one.
 */
@Controller
class PasswordResetPages {

    private final Gateway gateway;

    PasswordResetPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/password-reset")
    String ask(Model model) {
        model.addAttribute("errors", Map.of());
        return "password-reset";
    }

    @PostMapping("/password-reset")
    String send(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("email", email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("language", LocaleContextHolder.getLocale().getLanguage());
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/membership/password-resets"), body, null);
            model.addAttribute("sent", true);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
        }
        model.addAttribute("errors", Map.of());
        return "password-reset";
    }

    @GetMapping("/password-reset/{token}")
    String choose(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "password-reset-choose";
    }

    @PostMapping("/password-reset/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String password, @RequestParam(required = false) String repeat,
                 Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        if (password == null || !password.equals(repeat)) {
            model.addAttribute("mismatch", true);
            return "password-reset-choose";
        }
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/membership/password-resets/" + Gateway.segment(token)), Map.of("password", password), null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            model.addAttribute("errors", refused.fieldErrors());
            return "password-reset-choose";
        }
        return "password-reset-done";
    }
}
