package org.icm.web.member;

import java.time.Instant;
import java.util.List;

/** The notification service's feed, as the pages read it. */
public final class Feed {

    private Feed() {
    }

    /** {@code explanation}: what happened, in the language the page asked for. */
    public record Item(String id, String kind, String explanation, String link, String dossierId, String dossierTitle, Instant occurredAt,
                       boolean read) {
    }

    public record Page(List<Item> items, int page, int size, long total, long unread) {
    }
}
