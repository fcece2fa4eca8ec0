package org.icm.web.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.web.countries.FollowedCountries;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What I hear about (kinds, policy areas, the countries of national facts), where (in the app, by e-mail) and how often by e-mail. */
@Controller
class SubscriptionsPage {

    /** The kinds of happening and e-mail rhythms of the notification service. */
    static final List<String> KINDS = List.of("MEETING_SCHEDULED_OR_CHANGED", "CONSULTATION_OPENED_OR_DEADLINE_CHANGED", "MEASURE_STAGE_CHANGED",
            "RECOMMENDATION_PUBLISHED_OR_REVISED", "RECOMMENDATION_UPTAKE", "NATIONAL_IMPLEMENTATION", "BULLETIN_POSTED", "ORGANISATION_APPLIED", "REMINDER");
    static final List<String> CHANNELS = List.of("IN_APP", "EMAIL");
    static final List<String> RHYTHMS = List.of("IMMEDIATE", "DAILY_DIGEST", "WEEKLY_DIGEST");
    /** The languages a person's mails can be written in; none chosen: the one they signed up in. */
    static final List<String> MAIL_LANGUAGES = List.of("en", "fr");

    record Subscription(Set<String> kinds, Set<String> dossiers, Set<String> policyAreas, Set<String> rights, Set<String> countries,
                        Set<String> channels, String emailRhythm, String language) {
    }

    private final Gateway gateway;
    private final FollowedCountries followedCountries;

    SubscriptionsPage(Gateway gateway, FollowedCountries followedCountries) {
        this.gateway = gateway;
        this.followedCountries = followedCountries;
    }

    @GetMapping("/subscriptions")
    String show(Model model) {
        return page(model, gateway.get(gateway.uri("/api/notifications/subscriptions/me"), Subscription.class), null, false);
    }

    @PostMapping("/subscriptions")
    String save(@RequestParam(required = false) Set<String> kinds, @RequestParam(required = false) Set<String> policyAreas,
                @RequestParam(required = false) Set<String> countries, @RequestParam(required = false) Set<String> channels, @RequestParam(required = false) String emailRhythm,
                @RequestParam(required = false) String language, Model model) {
        Subscription current = gateway.get(gateway.uri("/api/notifications/subscriptions/me"), Subscription.class);
        // dossiers and rights are kept as they were: this form does not show them
        Subscription wanted = new Subscription(kinds == null ? Set.of() : kinds, current.dossiers(), policyAreas == null ? Set.of() : policyAreas,
                current.rights(), countries == null ? Set.of() : countries, channels == null ? Set.of() : channels, emailRhythm,
                language == null || language.isBlank() ? null : language);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kinds", wanted.kinds());
        body.put("dossiers", wanted.dossiers());
        body.put("policyAreas", wanted.policyAreas());
        body.put("rights", wanted.rights());
        body.put("countries", wanted.countries());
        body.put("channels", wanted.channels());
        body.put("emailRhythm", wanted.emailRhythm());
        body.put("language", wanted.language());
        try {
            gateway.send(HttpMethod.PUT, gateway.uri("/api/notifications/subscriptions/me"), body, null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return page(model, wanted, refused, false);
        }
        return page(model, gateway.get(gateway.uri("/api/notifications/subscriptions/me"), Subscription.class), null, true);
    }

    private String page(Model model, Subscription subscription, ServiceProblem refused, boolean saved) {
        model.addAttribute("subscription", subscription);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("rhythms", RHYTHMS);
        model.addAttribute("mailLanguages", MAIL_LANGUAGES);
        model.addAttribute("policyAreas", List.of(PolicyArea.values()));
        model.addAttribute("countries", followedCountries.byNameOrNone());
        model.addAttribute("refused", refused);
        model.addAttribute("saved", saved);
        return "subscriptions";
    }
}
