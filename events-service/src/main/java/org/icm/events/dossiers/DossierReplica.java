package org.icm.events.dossiers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.policy.DossierArchived;
import org.icm.kernel.events.policy.DossierIntegrationEvent;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.DossierReturnedToDraft;
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.vocabulary.PolicyArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A small replica of policy-service's dossiers (id -> title, policy area, visibility, archived, the countries with
 * national facts), built from its integration events on Kafka, so the calendar filters by policy area and by country
 * without reading another service's database. Every policy event names its dossier's title and area as they are then,
 * so the latest event says it all; the countries add up from the NationalImplementationRecorded events (a fact corrected
 * is still a fact of that country), which other events leave as they are: the document is a fold of the dossier's
 * events, so reading the topic again into an empty collection rebuilds it. Idempotent: one dossier's events come in
 * order on one partition, and a record at or below the offset already applied for the dossier is skipped, so a
 * redelivery (at-least-once) changes nothing. Its own consumer group reads the topic from the beginning the first time.
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

    /** @param countries the member states (ISO 3166-1 alpha-2) with national facts recorded on the dossier, in code order */
    public record ReplicatedDossier(String id, String title, PolicyArea policyArea, String visibility, boolean archived,
                                    List<String> countries) {
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
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("title", event.dossierTitle()),
                Updates.set("policyArea", event.policyArea() == null ? null : event.policyArea().name()),
                Updates.set("visibility", visibility), Updates.set("archived", archived),
                Updates.set("partition", partition), Updates.set("offset", offset)));
        if (event instanceof NationalImplementationRecorded national && national.country() != null) {
            updates.add(Updates.addToSet("countries", national.country()));
        }
        dossiers().updateOne(Filters.eq("_id", event.dossierId()), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** The published dossiers of a policy area (a draft is no one's business outside the focal points). */
    public List<String> idsIn(PolicyArea area) {
        List<String> ids = new ArrayList<>();
        dossiers().find(Filters.and(Filters.eq("policyArea", area.name()), Filters.eq("visibility", "PUBLISHED")))
                .forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    /**
     * The published dossiers with national facts recorded for the country (ISO 3166-1 alpha-2). A document written before
     * the replica kept countries has none, until the topic is read again into an empty collection.
     */
    public List<String> idsWithNationalFactsIn(String country) {
        List<String> ids = new ArrayList<>();
        dossiers().find(Filters.and(Filters.eq("countries", country), Filters.eq("visibility", "PUBLISHED")))
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
                doc.getString("visibility"), doc.getBoolean("archived", false),
                // a document written before the replica kept countries has none
                doc.getList("countries", String.class, List.of()).stream().sorted().toList()));
    }

    private MongoCollection<Document> dossiers() {
        return mongo.getCollection(COLLECTION);
    }
}
