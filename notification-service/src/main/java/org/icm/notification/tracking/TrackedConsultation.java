package org.icm.notification.tracking;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An open (or closed) consultation and its deadline, for reminders. */
@Document("consultations")
public record TrackedConsultation(@Id String id, String title, String dossierId, Instant closesAt, boolean closed) {
}
