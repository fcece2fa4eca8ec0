package org.icm.web.operations;

import static org.icm.web.operations.Operations.blank;
import static org.icm.web.operations.Operations.lines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Focal points run a meeting from one page: its agenda, a new time, the capacity, marking it held and its minutes,
 * cancelling it. Each form names the meeting version the page showed (If-Match), so a meeting someone changed meanwhile
 * is refused (412) rather than overwritten; a refusal comes back on the page with what was typed.
 */
@Controller
class MeetingOperations {

    private final Gateway gateway;
    private final ReadYourWrites readYourWrites;

    MeetingOperations(Gateway gateway, ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
        this.gateway = gateway;
    }

    /** Every form of the page as typed; filled from the meeting when the page opens. */
    record MeetingForm(String agenda, String start, String end, String timeZone, String capacity, String minutes, String actionPoints,
                       String reason, String version) {

        static MeetingForm of(Operations.Meeting meeting) {
            return new MeetingForm(agendaText(meeting.agenda()), meeting.start().toString(), meeting.end().toString(), meeting.timeZone(),
                    Integer.toString(meeting.capacity()), meeting.minutes(), actionPointsText(meeting.actionPoints()), null,
                    Long.toString(meeting.version()));
        }

        /** One form posts only its own fields: the others show what the meeting holds. */
        MeetingForm over(MeetingForm held) {
            return new MeetingForm(or(agenda, held.agenda), or(start, held.start), or(end, held.end), or(timeZone, held.timeZone),
                    or(capacity, held.capacity), or(minutes, held.minutes), or(actionPoints, held.actionPoints), reason, or(version, held.version));
        }

        private static String or(String typed, String held) {
            return typed != null ? typed : held;
        }
    }

    @GetMapping("/operations/meetings/{meetingId}")
    String page(@PathVariable String meetingId, @RequestParam(required = false) Long seen, Model model) {
        Operations.Meeting meeting = readYourWrites.atLeast("meeting " + meetingId, () -> meeting(meetingId), Operations.Meeting::version, seen).value();
        return page(meeting, MeetingForm.of(meeting), model);
    }

    @PostMapping("/operations/meetings/{meetingId}/agenda")
    String agenda(@PathVariable String meetingId, @ModelAttribute MeetingForm form, Model model, RedirectAttributes redirect) {
        List<Map<String, String>> items = lines(form.agenda()).stream().map(line -> {
            String[] parts = line.split("\\s*\\|\\s*", 2);
            Map<String, String> item = new LinkedHashMap<>();
            item.put("title", parts[0]);
            item.put("dossierId", parts.length > 1 ? blank(parts[1]) : null);
            return item;
        }).toList();
        return write(meetingId, HttpMethod.PUT, "/agenda", Map.of("items", items), form, "notice.agendaSet", model, redirect);
    }

    @PostMapping("/operations/meetings/{meetingId}/reschedule")
    String reschedule(@PathVariable String meetingId, @ModelAttribute MeetingForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", blank(form.start()));
        body.put("end", blank(form.end()));
        body.put("timeZone", blank(form.timeZone()));
        return write(meetingId, HttpMethod.POST, "/reschedule", body, form, "notice.meetingRescheduled", model, redirect);
    }

    @PostMapping("/operations/meetings/{meetingId}/capacity")
    String capacity(@PathVariable String meetingId, @ModelAttribute MeetingForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("capacity", Operations.number(form.capacity()));
        return write(meetingId, HttpMethod.PUT, "/capacity", body, form, "notice.capacityChanged", model, redirect);
    }

    @PostMapping("/operations/meetings/{meetingId}/held")
    String held(@PathVariable String meetingId, @ModelAttribute MeetingForm form, Model model, RedirectAttributes redirect) {
        return write(meetingId, HttpMethod.POST, "/held", null, form, "notice.meetingHeld", model, redirect);
    }

    @PostMapping("/operations/meetings/{meetingId}/minutes")
    String minutes(@PathVariable String meetingId, @ModelAttribute MeetingForm form, Model model, RedirectAttributes redirect) {
        // one line per action point: what | which organisation | due date; a part missing goes on as null and the service names it
        List<Map<String, String>> points = lines(form.actionPoints()).stream().map(line -> {
            String[] parts = line.split("\\s*\\|\\s*", 3);
            Map<String, String> point = new LinkedHashMap<>();
            point.put("description", parts[0]);
            point.put("owningOrganisation", parts.length > 1 ? blank(parts[1]) : null);
            point.put("dueDate", parts.length > 2 ? blank(parts[2]) : null);
            return point;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("minutes", blank(form.minutes()));
        body.put("actionPoints", points);
        return write(meetingId, HttpMethod.PUT, "/minutes", body, form, "notice.minutesRecorded", model, redirect);
    }

    @PostMapping("/operations/meetings/{meetingId}/cancel")
    String cancel(@PathVariable String meetingId, @ModelAttribute MeetingForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blank(form.reason()));
        return write(meetingId, HttpMethod.POST, "/cancel", body, form, "notice.meetingCancelled", model, redirect);
    }

    private String write(String meetingId, HttpMethod method, String action, Object body, MeetingForm form, String notice, Model model,
                         RedirectAttributes redirect) {
        JsonNode changed;
        try {
            changed = gateway.send(method, gateway.uri("/admin/events/meetings/" + Gateway.segment(meetingId) + action), body, form.version());
        } catch (ServiceProblem refused) {
            Operations.refused(model, refused);
            Operations.Meeting meeting = meeting(meetingId);
            return page(meeting, form.over(MeetingForm.of(meeting)), model);
        }
        redirect.addFlashAttribute("notice", notice);
        ReadYourWrites.carrySeen(redirect, changed);
        return "redirect:/operations/meetings/" + Gateway.segment(meetingId);
    }

    private Operations.Meeting meeting(String meetingId) {
        return gateway.get(gateway.uri("/api/events/meetings/" + Gateway.segment(meetingId)), Operations.Meeting.class);
    }

    private String page(Operations.Meeting meeting, MeetingForm form, Model model) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "operations-meeting";
    }

    static String actionPointsText(List<Operations.ActionPoint> points) {
        return points == null ? "" : points.stream()
                .map(point -> point.description() + " | " + point.owningOrganisation() + " | " + point.dueDate())
                .collect(Collectors.joining("\n"));
    }

    static String agendaText(List<Operations.AgendaItem> agenda) {
        return agenda == null ? "" : agenda.stream()
                .map(item -> item.dossierId() == null ? item.title() : item.title() + " | " + item.dossierId())
                .collect(Collectors.joining("\n"));
    }
}
