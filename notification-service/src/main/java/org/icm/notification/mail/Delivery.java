package org.icm.notification.mail;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail in the outbox, and its delivery log: how often it was tried, the last error, when it was sent. Its id is
 * derived from what it carries (a notification, or an account's digest of one period), so it is written once.
 *
 * @param nextAttemptAt when the sender may try it next (also a lease: a sender that takes it pushes this forward)
 */
@Document("deliveries")
public record Delivery(@Id String id, String accountId, String to, String subject, String text, String html,
                       String unsubscribeUrl, Status status, int attempts, String lastError, Instant createdAt,
                       Instant nextAttemptAt, Instant sentAt) {

    public enum Status { PENDING, SENT, FAILED }
}
