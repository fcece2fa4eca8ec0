package org.icm.web.operations;

import org.icm.web.gateway.Gateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A meeting as everyone sees it: time, place, agenda. The events service adds the minutes and action points for
 * signed-in members only, so a visitor's page simply has none.
 */
@Controller
class MeetingView {

    private final Gateway gateway;

    MeetingView(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/calendar/meetings/{meetingId}")
    String meeting(@PathVariable String meetingId, Model model) {
        model.addAttribute("meeting", gateway.get(gateway.uri("/api/events/meetings/" + Gateway.segment(meetingId)), Operations.Meeting.class));
        return "meeting";
    }
}
