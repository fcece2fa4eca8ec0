package org.icm.web.briefing;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.icm.web.countries.NationalTables;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.Me;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A meeting's briefing (everyone; members also see the draft dossiers on its agenda): for each dossier on the agenda what
 * was recorded since the previous meeting, or since a date the reader picks, with late news and corrections marked in
 * words and a recommendation's new words marked; then the EU events and consultations heard of since. Analysts and focal
 * points may read it as known at an instant, and go from each change to what it made differ. Printable, as a paper for
 * the meeting. A signed-in member also reads, after the agenda's, the dossiers they follow: the web client reads them from
 * their subscription (notification service) and passes them on to the policy service, which builds the briefing; when
 * it does not know the meeting yet, the page says the briefing is not ready.
 */
@Controller
class BriefingPages {

    /** How many followed dossiers the policy service takes in one briefing. */
    static final int FOLLOWED_MAX = 50;

    /**
     * The dossiers a signed-in member follows that go into the briefing (by id, so the same ones each time), how many
     * they follow in all, and whether their subscription could not be read (the briefing then has the agenda's only).
     */
    record Following(List<String> dossierIds, int total, boolean unreadable) {

        static final Following NONE = new Following(List.of(), 0, false);

        public boolean more() {
            return total > dossierIds.size();
        }
    }

    private final Gateway gateway;

    BriefingPages(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * A date that is not a date, and a visitor's instant, are not sent: the briefing then starts at the previous meeting,
     * and is the one known now.
     */
    @GetMapping("/calendar/meetings/{meetingId}/briefing")
    String briefing(@PathVariable String meetingId, @RequestParam(required = false) String since, @RequestParam(required = false) String asOf,
                    Model model, HttpServletResponse response) {
        LocalDate sinceDate = NationalTables.date(since);
        Instant instant = Me.current().analyst() ? NationalTables.instant(asOf) : null;
        Following following = Me.current().signedIn() ? following() : Following.NONE;
        Briefings.Briefing briefing;
        try {
            briefing = gateway.get(gateway.uri(briefingPath(meetingId), Gateway.query("since", sinceDate, "asOf", instant,
                    "followed", following.dossierIds())), Briefings.Briefing.class);
        } catch (ServiceProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND.value()) {
                return notReady(meetingId, model, response);
            }
            throw problem;
        }
        model.addAttribute("briefing", briefing);
        model.addAttribute("following", following);
        model.addAttribute("since", sinceDate);
        model.addAttribute("badSince", since != null && !since.isBlank() && sinceDate == null);
        model.addAttribute("asOf", instant == null ? null : asOf);
        // the same briefing from the previous meeting (keeping the instant), and as known now (keeping the start)
        model.addAttribute("sincePrevious", link(meetingId, null, instant == null ? null : asOf));
        model.addAttribute("now", link(meetingId, sinceDate, null));
        return "briefing";
    }

    /** The signed-in member's followed dossiers, from their subscription; none when it cannot be read now. */
    private Following following() {
        try {
            List<String> all = gateway.get(gateway.uri("/api/notifications/subscriptions/me"), Briefings.Subscription.class).dossiers()
                    .stream().sorted().toList();
            return new Following(all.stream().limit(FOLLOWED_MAX).toList(), all.size(), false);
        } catch (ServiceProblem unreadable) {
            return new Following(List.of(), 0, true);
        }
    }

    /**
     * The policy service does not know the meeting (yet: it learns of meetings from the events service's events). The
     * page says so, with the meeting's title when the events service knows it.
     */
    private String notReady(String meetingId, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        String title = null;
        try {
            title = gateway.get(gateway.uri("/api/events/meetings/" + Gateway.segment(meetingId)), Briefings.MeetingName.class).title();
        } catch (ServiceProblem unknown) {
            // no title to show: the page speaks of "this meeting"
        }
        model.addAttribute("meetingId", meetingId);
        model.addAttribute("meetingTitle", title);
        return "briefing-not-ready";
    }

    private static String briefingPath(String meetingId) {
        return "/api/policy/meetings/" + Gateway.segment(meetingId) + "/briefing";
    }

    private static String link(String meetingId, LocalDate since, String asOf) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/calendar/meetings/{id}/briefing");
        if (since != null) {
            uri.queryParam("since", since);
        }
        if (asOf != null) {
            uri.queryParam("asOf", asOf);
        }
        return uri.encode().buildAndExpand(meetingId).toUriString();
    }
}
