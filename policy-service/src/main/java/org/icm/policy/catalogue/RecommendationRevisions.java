package org.icm.policy.catalogue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.icm.policy.dossier.DossierEvent.RecommendationDrafted;
import org.icm.policy.dossier.DossierEvent.RecommendationRevised;
import org.icm.service.axon.AuditMetaData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every revision of every recommendation's text, with who wrote it, when and why (from the event's audit
 * metadata), upserted by (recommendation, revision). Its own class: Axon calls only the most specific
 * handler of a class for an event, and {@link DossierCatalogue} handles every dossier event.
 */
@Component
@ProcessingGroup(DossierCatalogue.PROCESSING_GROUP)
public class RecommendationRevisions {

    static final String REVISIONS = "recommendation_revisions";

    private final MongoTemplate mongo;

    public RecommendationRevisions(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(REVISIONS).createIndex(Indexes.ascending("recommendationId", "revision"), new IndexOptions().unique(true));
    }

    @EventHandler
    void on(RecommendationDrafted event, @Timestamp Instant at, @MetaDataValue(AuditMetaData.ACCOUNT) String account,
            @MetaDataValue(AuditMetaData.ORGANISATION) String organisation, @MetaDataValue(AuditMetaData.REASON) String reason) {
        save(event.recommendationId(), new RevisionView(1, event.text(), account, organisation, at, reason));
    }

    @EventHandler
    void on(RecommendationRevised event, @Timestamp Instant at, @MetaDataValue(AuditMetaData.ACCOUNT) String account,
            @MetaDataValue(AuditMetaData.ORGANISATION) String organisation, @MetaDataValue(AuditMetaData.REASON) String reason) {
        save(event.recommendationId(), new RevisionView(event.revision(), event.text(), account, organisation, at, reason));
    }

    @ResetHandler
    void reset() {
        mongo.getCollection(REVISIONS).deleteMany(new Document());
    }

    public List<RevisionView> of(String recommendationId) {
        List<RevisionView> revisions = new ArrayList<>();
        mongo.getCollection(REVISIONS).find(Filters.eq("recommendationId", recommendationId)).sort(Sorts.ascending("revision"))
                .forEach(doc -> revisions.add(new RevisionView(doc.getInteger("revision"), doc.getString("text"), doc.getString("account"),
                        doc.getString("organisation"), doc.getDate("recordedAt").toInstant(), doc.getString("reason"))));
        return revisions;
    }

    private void save(String recommendationId, RevisionView revision) {
        Document doc = new Document("recommendationId", recommendationId)
                .append("revision", revision.revision())
                .append("text", revision.text())
                .append("account", revision.account())
                .append("organisation", revision.organisation())
                .append("recordedAt", Date.from(revision.recordedAt()))
                .append("reason", revision.reason());
        // a plain document, not Filters.and ($and): the embedded MongoDB-wire server looks a query up in a unique index only
        // when its keys are exactly the index's, else reads the whole collection (every revision ever written) per write
        mongo.getCollection(REVISIONS).replaceOne(new Document("recommendationId", recommendationId).append("revision", revision.revision()),
                doc, new ReplaceOptions().upsert(true));
    }
}
