package org.icm.events.dossiers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.policy.DossierArchived;
import org.icm.kernel.events.policy.DossierIntegrationEvent;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.DossierReturnedToDraft;
import org.icm.kernel.vocabulary.PolicyArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A small replica of policy-service's dossiers (id -> title, policy area, visibility, archived), built from its
 * integration events on Kafka, so the calendar filters by policy area without reading another service's
 * database. Every policy event names its dossier's title and area as they are then, so the latest event
 * says it all. Idempotent: one dossier's events come in order on one partition, and a record at or below
 * the offset already applied for the dossier is skipped, so a redelivery (at-least-once) changes nothing.
 * Its own consumer group reads the topic from the beginning the first time.
 */
@Component
public class DossierReplica {

    public static final String CONSUMER_GROUP = "events-service.dossier-replica";
    static final String COLLECTION = "dossier_replica";
    private static final Logger log = LoggerFactory.getLogger(DossierReplica.class);

    private final MongoTemplate mongo;
    private final IntegrationEventCodec codec;

    public DossierReplica(MongoTemplate mongo, IntegrationEventCodec policyEventCodec) {
        this.mongo = mongo;
        this.codec = policyEventCodec;
    }

    public record ReplicatedDossier(String id, String title, PolicyArea policyArea, String visibility, boolean archived) {
    }

    @KafkaListener(id = CONSUMER_GROUP, groupId = CONSUMER_GROUP, topics = "#{T(org.icm.kernel.events.Topic).POLICY.topicName()}",
            containerFactory = DossierReplicaConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        Optional<?> payload;
        try {
            payload = codec.payload(codec.decode(record.value()));
        } catch (RuntimeException e) {
            // not a CloudEvent we can read: nothing in it for the replica, and retrying will not change that
            log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (payload.orElse(null) instanceof DossierIntegrationEvent event) {
            apply(event, record.partition(), record.offset());
        }
    }

    void apply(DossierIntegrationEvent event, int partition, long offset) {
        Document current = dossiers().find(Filters.eq("_id", event.dossierId())).first();
        if (current != null && current.getInteger("partition", -1) == partition && current.get("offset", Number.class).longValue() >= offset) {
            return; // applied already
        }
        String visibility = current == null ? "DRAFT" : current.getString("visibility");
        boolean archived = current != null && current.getBoolean("archived", false);
        switch (event) {
            case DossierOpened e -> visibility = "DRAFT";
            case DossierPublished e -> visibility = "PUBLISHED";
            case DossierReturnedToDraft e -> visibility = "DRAFT";
            case DossierArchived e -> archived = true;
            default -> {
            }
        }
        dossiers().replaceOne(Filters.eq("_id", event.dossierId()), new Document("_id", event.dossierId())
                .append("title", event.dossierTitle())
                .append("policyArea", event.policyArea() == null ? null : event.policyArea().name())
                .append("visibility", visibility)
                .append("archived", archived)
                .append("partition", partition)
                .append("offset", offset), new ReplaceOptions().upsert(true));
    }

    /** The ids of the dossiers of a policy area, as far as the replica knows them. */
    /** The published dossiers of a policy area (a draft is no one's business outside the focal points). */
    public List<String> idsIn(PolicyArea area) {
        List<String> ids = new ArrayList<>();
        dossiers().find(Filters.and(Filters.eq("policyArea", area.name()), Filters.eq("visibility", "PUBLISHED")))
                .forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    /**
     * Those of the ids that name a dossier still in draft. An id the replica does not know yet is not among them: it
     * may be a published dossier whose events are on their way.
     */
    public java.util.Set<String> drafts(java.util.Collection<String> ids) {
        java.util.Set<String> drafts = new java.util.HashSet<>();
        dossiers().find(Filters.and(Filters.in("_id", ids), Filters.eq("visibility", "DRAFT")))
                .forEach(doc -> drafts.add(doc.getString("_id")));
        return drafts;
    }

    public Optional<ReplicatedDossier> find(String dossierId) {
        return Optional.ofNullable(dossiers().find(Filters.eq("_id", dossierId)).first()).map(doc -> new ReplicatedDossier(doc.getString("_id"),
                doc.getString("title"), doc.getString("policyArea") == null ? null : PolicyArea.valueOf(doc.getString("policyArea")),
                doc.getString("visibility"), doc.getBoolean("archived", false)));
    }

    private MongoCollection<Document> dossiers() {
        return mongo.getCollection(COLLECTION);
    }
}
