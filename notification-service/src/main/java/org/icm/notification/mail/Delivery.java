package org.icm.notification.mail;

import java.time.Instant;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalData.Kind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail in the outbox, and its delivery log: how often it was tried, the last error, when it was sent. Its id is
 * derived from what it carries (a notification, or an account's digest of one period), so it is written once.
 *
 * The address and the text are the person's, kept in clear to send and to show in the delivery log; they go when the
 * person is erased ({@code PersonalDataPurge}).
 *
 * @param nextAttemptAt when the sender may try it next (also a lease: a sender that takes it pushes this forward)
 */
@Document("deliveries")
public record Delivery(@Id String id, String accountId, @PersonalData(subject = "accountId", kind = Kind.EMAIL) String to,
                       String subject, @PersonalData(subject = "accountId", kind = Kind.FREE_TEXT) String text,
                       @PersonalData(subject = "accountId", kind = Kind.FREE_TEXT) String html, String unsubscribeUrl, Status status,
                       int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
                       @NotPersonal(NotPersonal.TECHNICAL) String traceparent) {

    public enum Status { PENDING, SENT, FAILED }
}
