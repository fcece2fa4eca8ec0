package org.icm.policy.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.icm.policy.dossier.DossierState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Past states of dossiers, kept every {@code icm.history.snapshot-interval} events, so "as of" an instant
 * folds from the latest kept state recorded by then instead of from the first event. Unlike Axon's aggregate
 * snapshot (only the latest one is kept) these stay: each is the fold of an immutable prefix of the stream,
 * true forever. They are written as a side effect of reading history (the first reader of a long dossier
 * pays the full fold once), and are only a cache: dropping the collection (for example after a change to
 * {@link DossierState} or to an upcaster) is always safe.
 */
@Component
public class HistorySnapshots {

    static final String COLLECTION = "dossier_history_snapshots";

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final int interval;

    public HistorySnapshots(MongoTemplate mongo, ObjectMapper json, @Value("${icm.history.snapshot-interval:1000}") int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("icm.history.snapshot-interval must be at least 1, not " + interval);
        }
        this.mongo = mongo;
        this.json = json;
        this.interval = interval;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("dossierId", "sequence"), new IndexOptions().unique(true));
    }

    /** A kept state: the fold of the events up to and including {@code sequence}, the last recorded at {@code recordedAt}. */
    public record Kept(DossierState state, long sequence, Instant recordedAt) {
    }

    /** The latest kept state whose last event was recorded at or before the instant (any, for null). */
    public Optional<Kept> latest(String dossierId, Instant recordedBy) {
        Bson filter = recordedBy == null ? Filters.eq("dossierId", dossierId)
                : Filters.and(Filters.eq("dossierId", dossierId), Filters.lte("recordedAt", Date.from(recordedBy)));
        Document found = mongo.getCollection(COLLECTION).find(filter).sort(Sorts.descending("sequence")).limit(1).first();
        if (found == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Kept(json.readValue(found.getString("state"), DossierState.class), found.getLong("sequence"),
                    found.getDate("recordedAt").toInstant()));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // unreadable after a change to DossierState: fold from the events instead
        }
    }

    /** Drops the kept states of a dossier; its next reader folds from the first event again and keeps them anew. */
    public void forget(String dossierId) {
        mongo.getCollection(COLLECTION).deleteMany(Filters.eq("dossierId", dossierId));
    }

    /** Keeps the state after the event at {@code sequence} when that is a multiple of the interval (idempotent). */
    public void offer(String dossierId, long sequence, Instant recordedAt, DossierState state) {
        if ((sequence + 1) % interval != 0) {
            return;
        }
        try {
            Document kept = new Document("_id", dossierId + ":" + sequence).append("dossierId", dossierId).append("sequence", sequence)
                    .append("recordedAt", Date.from(recordedAt)).append("state", json.writeValueAsString(state));
            mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", kept.get("_id")), kept, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of dossier " + dossierId, e);
        }
    }
}
