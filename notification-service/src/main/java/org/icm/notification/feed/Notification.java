package org.icm.notification.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.notification.routing.Kind;
import org.icm.notification.subscription.Rhythm;
import org.icm.notification.wording.Story;
import org.icm.notification.wording.Wording;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification for one account. Its id is derived from the happening (the CloudEvents id, or a reminder's id) and
 * the account, so writing it twice is one notification.
 *
 * @param explanation for notifications written before stories: their English line (shown as it is); null since
 * @param story      what happened, as data: each reader reads it in their language
 * @param inFeed     shown in the in-app feed (the account has the in-app channel)
 * @param digest     the digest rhythm that will carry it by e-mail, or null (immediate mail, or no mail)
 * @param digestId   the digest delivery that took it, once one did
 * @param createdAt  when this service wrote it (digests take what was written before their hour)
 */
@Document("notifications")
public record Notification(@Id String id,
                           String accountId,
                           Kind kind,
                           @NotPersonal(NotPersonal.COMPOSED_FROM_PUBLIC_FACTS) String explanation,
                           Story story,
                           String link,
                           String dossierId,
                           String dossierTitle, Instant occurredAt, Instant createdAt, boolean read, boolean inFeed,
                           Rhythm digest, String digestId) {

    /**
     * Derived from the happening and the account (a name-based UUID: the same pair always gives the same id), and safe in
     * a URL path whatever characters the CloudEvents id has.
     */
    public static String id(String happeningId, String accountId) {
        return UUID.nameUUIDFromBytes((happeningId + "\n" + accountId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What it says in the language; one written before stories says its English line. */
    public String line(Wording wording, Locale language) {
        return story == null ? explanation : wording.line(story, language);
    }
}
