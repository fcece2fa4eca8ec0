package org.icm.notification.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A meeting, when it starts and ends, the dossiers its agenda links, and who is registered (confirmed or promoted from
 * the waiting list), for reminders and briefings.
 *
 * @param endsAt     when it ends; null in documents written before it was kept
 * @param dossierIds the dossiers on its agenda; empty in documents written before they were kept
 */
@Document("meetings")
public record TrackedMeeting(@Id String id, String title, Instant startsAt, Instant endsAt, String timeZone, boolean cancelled,
                             Set<String> registered, List<String> dossierIds) {

    public TrackedMeeting {
        registered = registered == null ? Set.of() : Set.copyOf(registered);
        dossierIds = dossierIds == null ? List.of() : List.copyOf(dossierIds);
    }
}
