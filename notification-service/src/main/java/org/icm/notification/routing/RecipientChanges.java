package org.icm.notification.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One counter in MongoDB that every write to the directory or to a subscription moves on, whichever instance made it:
 * {@link Recipients} compares it with the one its copy was read at, so a copy held in memory is used only while nothing
 * changed. Writers move it after their write, so a reader that saw the new count also sees the write.
 */
@Component
public class RecipientChanges {

    static final String COLLECTION = "recipient_changes";
    private static final String ID = "recipients";

    private final MongoTemplate mongo;

    public RecipientChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Called after a write to accounts, organisations or subscriptions. */
    public void changed() {
        mongo.upsert(Query.query(where("_id").is(ID)), new Update().inc("count", 1L), COLLECTION);
    }

    /** How many changes were made so far (0 before the first). */
    public long count() {
        Document found = mongo.findById(ID, Document.class, COLLECTION);
        return found == null ? 0L : ((Number) found.get("count")).longValue();
    }
}
