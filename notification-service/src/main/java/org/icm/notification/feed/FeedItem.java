package org.icm.notification.feed;

import java.time.Instant;
import java.util.Locale;
import org.icm.notification.routing.Kind;
import org.icm.notification.wording.Story;
import org.icm.notification.wording.Wording;

/**
 * A notification as the feed shows it: {@code explanation} is the line in the reader's language, {@code story} the same
 * as data (null for notifications written before stories, whose line is in English).
 */
public record FeedItem(String id, Kind kind, String explanation, Story story, String link, String dossierId, String dossierTitle,
                       Instant occurredAt, boolean read) {

    static FeedItem of(Notification n, Wording wording, Locale language) {
        return new FeedItem(n.id(), n.kind(), n.line(wording, language), n.story(), n.link(), n.dossierId(), n.dossierTitle(),
                n.occurredAt(), n.read());
    }
}
