package org.icm.web.pages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** What the events service answers, as the pages read it. */
public final class Events {

    private Events() {
    }

    /** One line of the upcoming calendar: a meeting, an EU event or a consultation deadline. */
    public record Item(String kind, String id, String title, Instant startsAt, Instant endsAt, String timeZone, LocalDateTime start,
                       String status, List<String> dossierIds, String link) {
    }

    public record Meeting(String id, String title, String type, String status, LocalDateTime start, LocalDateTime end, String timeZone,
                          String place, String onlineLink, int capacity, int confirmedCount, int waitingCount, Registrations registrations) {
    }

    public record Registrations(String yours, Integer yourWaitingPosition) {
    }
}
