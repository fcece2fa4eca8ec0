package org.icm.notification.feed;

import java.time.Instant;
import org.icm.notification.routing.Kind;

/** A notification as the feed shows it. */
public record FeedItem(String id, Kind kind, String explanation, String link, String dossierId, String dossierTitle,
                       Instant occurredAt, boolean read) {

    static FeedItem of(Notification n) {
        return new FeedItem(n.id(), n.kind(), n.explanation(), n.link(), n.dossierId(), n.dossierTitle(), n.occurredAt(), n.read());
    }
}
