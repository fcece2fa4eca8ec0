package org.icm.web.focalpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Focal points schedule a meeting: local date-times in a named time zone, as the events service takes them. */
@Controller
class MeetingScheduling {

    static final List<String> TYPES = List.of("PLENARY", "THEMATIC", "BRIEFING");

    private final Gateway gateway;

    MeetingScheduling(Gateway gateway) {
        this.gateway = gateway;
    }

    record MeetingForm(String title, String type, String start, String end, String timeZone, String place, String onlineLink, String capacity) {
        static MeetingForm empty() {
            return new MeetingForm(null, "THEMATIC", null, null, "Europe/Brussels", null, null, null);
        }
    }

    @GetMapping("/meetings/new")
    String form(Model model) {
        return page(model, MeetingForm.empty(), null);
    }

    @PostMapping("/meetings/new")
    String schedule(@ModelAttribute("meeting") MeetingForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.title());
        body.put("type", blank(form.type()));
        body.put("start", blank(form.start()));
        body.put("end", blank(form.end()));
        body.put("timeZone", blank(form.timeZone()));
        body.put("place", blank(form.place()));
        body.put("onlineLink", blank(form.onlineLink()));
        body.put("capacity", blank(form.capacity()) == null ? null : parse(form.capacity()));
        body.put("agenda", List.of());
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/events/meetings"), body, null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return page(model, form, refused);
        }
        redirect.addFlashAttribute("notice", "notice.meetingScheduled");
        return "redirect:/calendar";
    }

    private String page(Model model, MeetingForm form, ServiceProblem refused) {
        model.addAttribute("meeting", form);
        model.addAttribute("types", TYPES);
        model.addAttribute("refused", refused);
        model.addAttribute("errors", refused == null ? Map.of() : refused.fieldErrors());
        return "meeting-new";
    }

    private static Object parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return number; // the service names the field and the reason
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
