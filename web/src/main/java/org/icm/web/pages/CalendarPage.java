package org.icm.web.pages;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.icm.web.gateway.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Upcoming meetings, EU events and open consultations, soonest first (the service's order, so the nearest consultation
 * deadline comes first), each with its calendar link; signed-in members see whether they are registered.
 */
@Controller
class CalendarPage {

    private final Gateway gateway;

    CalendarPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/calendar")
    String calendar(Model model) {
        List<Events.Item> items = gateway.get(gateway.uri("/api/events/calendar"), new ParameterizedTypeReference<>() { });
        List<Events.Meeting> meetings = gateway.get(gateway.uri("/api/events/meetings"), new ParameterizedTypeReference<>() { });
        model.addAttribute("items", items);
        model.addAttribute("meetings", meetings.stream().collect(Collectors.toMap(Events.Meeting::id, Function.identity(), (a, b) -> a)));
        return "calendar";
    }

}
