package org.icm.web.operations;

import java.util.List;
import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notification service's e-mail delivery log for focal points, newest first, filtered by account and status as
 * the API allows, a page at a time (the API has no total, so "next" shows while a page comes back full).
 */
@Controller
class DeliveryLog {

    static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED");
    static final int PAGE_SIZE = 20;

    private final Gateway gateway;

    DeliveryLog(Gateway gateway) {
        this.gateway = gateway;
    }

    record Filters(String accountId, String status, String page) {
    }

    @GetMapping("/operations/deliveries")
    String deliveries(@RequestParam(required = false) String accountId, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String page, Model model) {
        Filters filters = new Filters(accountId, status, page);
        model.addAttribute("filters", filters);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("errors", Map.of());
        int current = 0;
        try {
            current = page == null || page.isBlank() ? 0 : Integer.parseInt(page.strip());
        } catch (NumberFormatException notANumber) {
            current = -1; // the service names the field and the reason
        }
        List<Operations.Delivery> entries = List.of();
        try {
            entries = gateway.get(gateway.uri("/admin/notifications/deliveries", Gateway.query("accountId", Operations.blank(accountId),
                    "status", Operations.blank(status), "page", page == null || page.isBlank() ? null : page.strip(), "size", PAGE_SIZE)),
                    new ParameterizedTypeReference<>() { });
        } catch (ServiceProblem refused) {
            Operations.refused(model, refused);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("page", Math.max(current, 0));
        model.addAttribute("hasNext", entries.size() == PAGE_SIZE);
        return "operations-deliveries";
    }
}
