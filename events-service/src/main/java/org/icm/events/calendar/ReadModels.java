package org.icm.events.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One MongoDB collection of folded aggregate states: each document holds the state as JSON (exactly what the
 * fold produced), the version it reflects, when it was created and last changed, and the fields the queries filter and sort on. Replay-safe: a
 * document is replaced only by a later sequence number, so a duplicate delivery or an overlapping replay
 * changes nothing.
 */
final class ReadModels<S> {

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final String collection;
    private final Class<S> stateType;
    private final S initial;
    private final Function<S, Document> fields;

    ReadModels(MongoTemplate mongo, ObjectMapper json, String collection, Class<S> stateType, S initial, Function<S, Document> fields) {
        this.mongo = mongo;
        this.json = json;
        this.collection = collection;
        this.stateType = stateType;
        this.initial = initial;
        this.fields = fields;
    }

    void update(String id, long sequence, Instant at, UnaryOperator<S> change) {
        Document current = collection().find(Filters.eq("_id", id)).first();
        long storedVersion = current == null ? -1 : current.get("version", Number.class).longValue();
        if (sequence <= storedVersion) {
            return; // seen already
        }
        S before = current == null ? initial : read(current).state();
        S after = change.apply(before);
        try {
            Date createdAt = current == null ? Date.from(at) : current.getDate("createdAt");
            Document document = new Document("_id", id).append("version", sequence).append("createdAt", createdAt)
                    .append("lastChangedAt", Date.from(at))
                    .append("state", json.writeValueAsString(after));
            document.putAll(fields.apply(after));
            collection().replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + collection + " " + id, e);
        }
    }

    void clear() {
        collection().deleteMany(new Document());
    }

    Optional<View<S>> find(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(this::read);
    }

    List<View<S>> findAll(Bson filter, Bson sort, int limit) {
        List<View<S>> views = new ArrayList<>();
        collection().find(filter).sort(sort).limit(limit).forEach(doc -> views.add(read(doc)));
        return views;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(collection);
    }

    private View<S> read(Document doc) {
        try {
            return new View<>(json.readValue(doc.getString("state"), stateType), doc.get("version", Number.class).longValue(),
                    doc.getDate("createdAt").toInstant(), doc.getDate("lastChangedAt").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + collection + " " + doc.get("_id"), e);
        }
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
