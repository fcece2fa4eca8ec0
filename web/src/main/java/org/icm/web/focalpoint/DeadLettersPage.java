package org.icm.web.focalpoint;

import java.time.Instant;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages the notification service could not handle: focal points send one back to its topic (redrive) once the cause
 * is gone, or set it aside with a reason (discard). The admin API refuses anyone else as well.
 */
@Controller
class DeadLettersPage {

    static final List<String> STATUSES = List.of("WAITING", "REDRIVEN", "DISCARDED");

    /** A dead letter as the notification service lists it. */
    record DeadLetter(String id, String originalTopic, Integer originalPartition, Long originalOffset, String key, String payload,
                      String payloadEncoding, String exceptionClass, String exceptionMessage, Instant diedAt, String status,
                      String actedBy, Instant actedAt, String reason) {
    }

    record Page(List<DeadLetter> items, int page, int size, long total) {
    }

    private final Gateway gateway;

    DeadLettersPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/dead-letters")
    String list(@RequestParam(defaultValue = "WAITING") String status, Model model) {
        String shown = STATUSES.contains(status) ? status : "WAITING";
        model.addAttribute("deadLetters", gateway.get(gateway.uri("/admin/notifications/dead-letters", Gateway.query("status", shown, "size", 100)),
                Page.class));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", STATUSES);
        return "dead-letters";
    }

    @PostMapping("/dead-letters/{id}/redrive")
    String redrive(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, "redrive", null, "notice.deadLetterRedriven", redirect);
    }

    @PostMapping("/dead-letters/{id}/discard")
    String discard(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, "discard", Map.of("reason", reason == null ? "" : reason), "notice.deadLetterDiscarded", redirect);
    }

    private String act(String id, String action, Object body, String notice, RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/admin/notifications/dead-letters/" + Gateway.segment(id) + "/" + action), body, null);
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeSubject", id);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            // a missing reason goes next to that dead letter's reason field; anything else at the top
            refused.reasonFor("reason").ifPresentOrElse(reason -> {
                redirect.addFlashAttribute("reasonError", reason);
                redirect.addFlashAttribute("problemFor", id);
            }, () -> redirect.addFlashAttribute("problem", refused.summary()));
        }
        return "redirect:/dead-letters";
    }
}
