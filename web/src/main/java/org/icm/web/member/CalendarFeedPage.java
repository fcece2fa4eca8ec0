package org.icm.web.member;

import org.icm.web.gateway.Gateway;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * My personal calendar feed: a secret .ics address of the meetings I have a place at, for a calendar app to subscribe
 * to. The events service shows the address only when it makes it (it keeps no copy to show again), so this page shows
 * it once, after "create"; revoking stops every address made so far.
 */
@Controller
class CalendarFeedPage {

    private final Gateway gateway;

    CalendarFeedPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/my-calendar-feed")
    String page() {
        return "calendar-feed";
    }

    @PostMapping("/my-calendar-feed")
    String create(Model model) {
        String path = gateway.send(HttpMethod.POST, gateway.uri("/api/events/calendar/personal-feed"), null, null).get("path").asString();
        // the address as the browser reaches the gateway (this app honours X-Forwarded-*), not the back channel's
        model.addAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/events").path(path).build().toUriString());
        return "calendar-feed";
    }

    @PostMapping("/my-calendar-feed/revoke")
    String revoke(RedirectAttributes redirect) {
        gateway.send(HttpMethod.DELETE, gateway.uri("/api/events/calendar/personal-feed"), null, null);
        redirect.addFlashAttribute("notice", "notice.calendarFeedRevoked");
        return "redirect:/my-calendar-feed";
    }
}
