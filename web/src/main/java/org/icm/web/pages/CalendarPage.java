package org.icm.web.pages;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.icm.web.countries.FollowedCountries;
import org.icm.web.gateway.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Upcoming meetings, EU events and open consultations, soonest first (the service's order, so the nearest consultation
 * deadline comes first), each with its calendar link; signed-in members see whether they are registered. A country
 * keeps the items linked to dossiers with national facts recorded for it (events-service filters).
 */
@Controller
class CalendarPage {

    private final Gateway gateway;
    private final FollowedCountries followedCountries;

    CalendarPage(Gateway gateway, FollowedCountries followedCountries) {
        this.gateway = gateway;
        this.followedCountries = followedCountries;
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam(required = false) String country, Model model) {
        // "Any" sends an empty country: no filter
        Filter filter = new Filter(country == null || country.isBlank() ? null : country);
        List<Events.Item> items = gateway.get(gateway.uri("/api/events/calendar", Gateway.query("country", filter.country())),
                new ParameterizedTypeReference<>() { });
        List<Events.Meeting> meetings = gateway.get(gateway.uri("/api/events/meetings"), new ParameterizedTypeReference<>() { });
        model.addAttribute("items", items);
        model.addAttribute("countries", followedCountries.byNameOrNone());
        model.addAttribute("filter", filter);
        model.addAttribute("meetings", meetings.stream().collect(Collectors.toMap(Events.Meeting::id, Function.identity(), (a, b) -> a)));
        return "calendar";
    }

    record Filter(String country) {
    }

}
