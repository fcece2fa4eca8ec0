package org.icm.web.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.Me;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * My data (GDPR Art. 15, 17 and 20): a copy of everything the platform holds about me, from every service, as one JSON
 * document; and the erasure of my account and data, confirmed with my password, after which I am signed out.
 */
@Controller
class MyDataPage {

    /** The services that hold something about a person, each answering {@code /me/personal-data} behind the gateway. */
    static final List<String> SERVICES = List.of("membership", "policy", "events", "notifications");

    private final Gateway gateway;

    MyDataPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/my-data")
    String page(Model model) {
        model.addAttribute("errors", Map.of());
        return "my-data";
    }

    @GetMapping("/my-data/download")
    ResponseEntity<Map<String, Object>> download() {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("person", Me.current().account());
        copy.put("exportedAt", Instant.now().toString());
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (String service : SERVICES) {
            services.put(service, gateway.get(gateway.uri("/api/" + service + "/me/personal-data"), JsonNode.class));
        }
        copy.put("services", services);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"icm-my-data.json\"").body(copy);
    }

    @PostMapping("/my-data/erasure")
    String erase(@RequestParam(required = false) String password, Model model, HttpServletRequest request, HttpServletResponse response,
                 Authentication authentication) {
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/membership/me/erasure"), Map.of("password", password == null ? "" : password), null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("refused", refused);
            model.addAttribute("errors", refused.fieldErrors());
            return "my-data";
        }
        // the account is gone: its web session goes too
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/?erased";
    }
}
