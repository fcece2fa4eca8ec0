package org.icm.notification.tracking;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A meeting, when it starts, and who is registered (confirmed or promoted from the waiting list), for reminders. */
@Document("meetings")
public record TrackedMeeting(@Id String id, String title, Instant startsAt, String timeZone, boolean cancelled,
                             Set<String> registered) {
}
