package org.icm.web.operations;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.ui.Model;

/** What the events, notification and read-model endpoints answer, as the focal points' pages read them; and the forms' shared habits. */
final class Operations {

    private Operations() {
    }

    record AgendaItem(String title, String dossierId) {
    }

    record ActionPoint(String description, String owningOrganisation, LocalDate dueDate) {
    }

    record Meeting(String id, String title, String type, String status, LocalDateTime start, LocalDateTime end, String timeZone,
                   Instant startsAt, Instant endsAt, String place, String onlineLink, int capacity, int confirmedCount, int waitingCount,
                   List<AgendaItem> agenda, String cancellationReason, long version, String minutes, List<ActionPoint> actionPoints) {
    }

    record EuEvent(String id, String institution, String title, LocalDateTime start, LocalDateTime end, String timeZone, Instant startsAt,
                   String link, List<String> dossierIds, boolean cancelled, String cancellationReason, long version) {
    }

    record Consultation(String id, String type, String directorateGeneral, String title, String link, Instant opensAt, Instant closesAt,
                        String dossierId, String measureId, String status, String jointResponseLead, String jointResponseLink,
                        Instant closedAt, long version) {
    }

    record Delivery(String id, String accountId, String to, String subject, String status, int attempts, String lastError,
                    Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
    }

    record ReadModel(String name, boolean running, boolean replaying, boolean supportsReset) {
    }

    /** A refusal on the page: the summary at the top, each reason next to its field ({@code agenda[2].title} goes to {@code agenda}). */
    static void refused(Model model, ServiceProblem refused) {
        if (refused.status() >= 500) {
            throw refused;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().stream().filter(error -> error.field() != null).forEach(error ->
                errors.merge(root(error.field()), error.reason(), (a, b) -> a + "; " + b));
        model.addAttribute("refused", refused);
        model.addAttribute("errors", errors);
    }

    private static String root(String field) {
        int end = field.length();
        for (char stop : new char[] {'[', '.'}) {
            int at = field.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return field.substring(0, end);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A number as typed; what is not a number goes to the service as typed, which names the field and the reason. */
    static Object number(String value) {
        String typed = blank(value);
        if (typed == null) {
            return null;
        }
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    /**
     * A deadline typed as a local date-time in a zone, as the instant the service takes. What cannot be read goes on as
     * typed, so the service's refusal names the field (the page does not invent its own rules).
     */
    static Object instant(String local, String zone) {
        String typed = blank(local);
        if (typed == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed).atZone(ZoneId.of(zone == null || zone.isBlank() ? "Europe/Brussels" : zone.strip()))
                    .toInstant().toString();
        } catch (DateTimeException e) {
            return typed;
        }
    }

    /** An instant as a datetime-local value in a zone, to fill a form with what the service holds. */
    static String local(Instant instant, String zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneId.of(zone)).withSecond(0).withNano(0).toString();
    }

    /** Lines of a text area, blank ones dropped. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
