package org.icm.membership.organisation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which organisations are focal points, as one MongoDB document, so "the last focal point cannot be revoked" holds
 * across aggregates and under concurrency: taking one out is a single-document conditional update (only while
 * another remains), which MongoDB applies atomically. The aggregate then decides with the count it is given.
 */
@Component
public class FocalPointRegistry {

    static final String COLLECTION = "focal_points";
    private static final String ID = "focal-points";

    private final MongoTemplate mongo;

    public FocalPointRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void add(String organisationId) {
        registry().updateOne(Filters.eq("_id", ID), Updates.addToSet("ids", organisationId), new UpdateOptions().upsert(true));
    }

    /**
     * Takes the organisation out while at least one other focal point remains, and answers how many remain; answers 0
     * and changes nothing when it is the last one (or not registered).
     */
    public int takeOut(String organisationId) {
        Document after = registry().findOneAndUpdate(
                Filters.and(Filters.eq("_id", ID), Filters.eq("ids", organisationId), Filters.exists("ids.1")),
                Updates.pull("ids", organisationId), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return after == null ? 0 : after.getList("ids", String.class).size();
    }

    public List<String> all() {
        Document doc = registry().find(Filters.eq("_id", ID)).first();
        return doc == null ? List.of() : doc.getList("ids", String.class);
    }

    private MongoCollection<Document> registry() {
        return mongo.getCollection(COLLECTION);
    }
}
