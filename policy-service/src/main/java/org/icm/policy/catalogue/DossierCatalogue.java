package org.icm.policy.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.Vocabulary.Visibility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of dossiers in MongoDB: one document per dossier holding its folded state (the same fold
 * the aggregate uses) and the fields the lists filter on. Written by a streaming processor whose token
 * lives in MongoDB.
 *
 * <p>Cost: the processor hands over events in batches (its {@code batch-size}); the events of one batch are folded
 * in memory and each dossier they touch is written once, at the batch's last event, in one bulk write, before the
 * processor stores its token (a failed write fails the batch, which is retried from the old token: service-defaults'
 * processors propagate handler errors). A replay therefore writes a dossier once per batch, not once per event. The states
 * last written are kept in memory ({@link #written}), so a live event does not read and parse its dossier back.
 *
 * <p>Safe with redeliveries, replays and several instances: an event whose sequence number is not above the
 * dossier's stored version changes nothing, and every write names the version it folded from, so a state kept in
 * memory that another instance has since moved on (a segment that went away and came back) is caught by the
 * write, which then fails the batch; the retry reads the stored state.
 */
@Component
@ProcessingGroup(DossierCatalogue.PROCESSING_GROUP)
public class DossierCatalogue {

    public static final String PROCESSING_GROUP = "dossier-catalogue";
    static final String DOSSIERS = "dossiers";
    private static final String PENDING = DossierCatalogue.class.getName() + ".pending";

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    /** The state each dossier had when this instance last wrote it (a dossier's events go to one segment owner at a time). */
    private final Cache<String, DossierView> written;

    public DossierCatalogue(MongoTemplate mongo, ObjectMapper json, @Value("${icm.policy.catalogue.states-in-memory:2000}") long statesInMemory) {
        this.mongo = mongo;
        this.json = json;
        this.written = Caffeine.newBuilder().maximumSize(statesInMemory).build();
        // the writes find a dossier by id and version: the embedded MongoDB-wire server looks a query up in a unique index
        // on exactly its keys, else reads every document (every write did); a real MongoDB would use _id's anyway
        dossiers().createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
    }

    @EventHandler
    void on(DossierEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Map<String, Folding> batch = foldingInThisBatch();
        Folding folding = batch.computeIfAbsent(event.dossierId(), this::stored);
        if (sequence > folding.view.version()) { // else seen already: a redelivery or an overlapping replay
            folding.view = new DossierView(folding.view.state().apply(event), sequence, at);
        }
        if (isLastOfBatch()) {
            write(batch);
        }
    }

    @ResetHandler
    void reset() {
        written.invalidateAll();
        dossiers().deleteMany(new Document());
    }

    /** A dossier's state as stored when the batch first touched it ({@code storedVersion}), and as folded since. */
    private static final class Folding {
        final long storedVersion;
        DossierView view;

        Folding(DossierView stored) {
            this.storedVersion = stored.version();
            this.view = stored;
        }
    }

    private Folding stored(String dossierId) {
        DossierView known = written.getIfPresent(dossierId);
        if (known == null) {
            known = find(dossierId).orElse(new DossierView(DossierState.NONE, -1, Instant.EPOCH));
        }
        return new Folding(known);
    }

    /** Writes every dossier the batch changed, each only if still at the version it was folded from. */
    private void write(Map<String, Folding> batch) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<DossierView> changed = new ArrayList<>();
        for (Map.Entry<String, Folding> entry : batch.entrySet()) {
            Folding folding = entry.getValue();
            if (folding.view.version() == folding.storedVersion) {
                continue;
            }
            // a new dossier is inserted (a duplicate key if another instance wrote it first); a known one replaced at its version
            writes.add(folding.storedVersion < 0 ? new InsertOneModel<>(document(folding.view))
                    : new ReplaceOneModel<>(new Document("_id", entry.getKey()).append("version", folding.storedVersion), document(folding.view)));
            changed.add(folding.view);
        }
        batch.clear();
        if (writes.isEmpty()) {
            return;
        }
        try {
            BulkWriteResult result = dossiers().bulkWrite(writes, new BulkWriteOptions().ordered(false));
            long replaced = writes.stream().filter(ReplaceOneModel.class::isInstance).count();
            if (result.getMatchedCount() != replaced) {
                throw new IllegalStateException("a dossier of this batch was written meanwhile by another instance; the batch is retried");
            }
        } catch (RuntimeException e) {
            changed.forEach(view -> written.invalidate(view.state().id()));
            throw e;
        }
        changed.forEach(view -> written.put(view.state().id(), view));
    }

    /** The dossiers the batch being processed has touched so far; outside a unit of work (direct calls) a fresh one. */
    private static Map<String, Folding> foldingInThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new LinkedHashMap<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> new LinkedHashMap<String, Folding>());
    }

    /** Outside a batching unit of work every event is its own batch. */
    private static boolean isLastOfBatch() {
        return !CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)
                || batch.isLastMessage();
    }

    public Optional<DossierView> find(String dossierId) {
        return Optional.ofNullable(dossiers().find(Filters.eq("_id", dossierId)).first()).map(this::read);
    }

    /** A dossier as a caller may see it: a draft is for members only; to anyone else it does not exist. */
    public Optional<DossierView> findFor(String dossierId, boolean membersView) {
        return find(dossierId).filter(view -> membersView || view.state().visibility() == Visibility.PUBLISHED);
    }

    /** One page of dossiers matching every given filter (null filters match all), by title. */
    public List<DossierView> search(DossierFilter filter, int page, int size) {
        List<DossierView> views = new ArrayList<>();
        dossiers().find(filter(filter)).sort(Sorts.ascending("title", "_id")).skip(page * size).limit(size).forEach(doc -> views.add(read(doc)));
        return views;
    }

    public long count(DossierFilter filter) {
        return dossiers().countDocuments(filter(filter));
    }

    /** What a list may filter on; {@code membersView} false shows published dossiers only. */
    public record DossierFilter(boolean membersView, String policyArea, String right, String stage, String status, String text,
                                String country) {

        public DossierFilter(boolean membersView, String policyArea, String right, String stage, String status, String text) {
            this(membersView, policyArea, right, stage, status, text, null);
        }
    }

    private static Bson filter(DossierFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (!filter.membersView()) {
            conditions.add(Filters.eq("visibility", Visibility.PUBLISHED.name()));
        }
        if (filter.policyArea() != null) {
            conditions.add(Filters.eq("policyArea", filter.policyArea()));
        }
        if (filter.right() != null) {
            conditions.add(Filters.eq("rightCodes", filter.right()));
        }
        if (filter.stage() != null) {
            conditions.add(Filters.eq("currentStages", filter.stage()));
        }
        if (filter.status() != null) {
            conditions.add(Filters.eq("status", filter.status()));
        }
        if (filter.country() != null) {
            conditions.add(Filters.eq("countries", filter.country()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            Pattern words = Pattern.compile(Pattern.quote(filter.text().strip()), Pattern.CASE_INSENSITIVE);
            conditions.add(Filters.or(Filters.regex("title", words), Filters.regex("summary", words)));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    private MongoCollection<Document> dossiers() {
        return mongo.getCollection(DOSSIERS);
    }

    private Document document(DossierView view) {
        DossierState state = view.state();
        try {
            return new Document("_id", state.id())
                    .append("version", view.version())
                    .append("lastChangedAt", Date.from(view.lastChangedAt()))
                    .append("title", state.title())
                    .append("summary", state.summary())
                    .append("policyArea", state.policyArea() == null ? null : state.policyArea().name())
                    .append("visibility", state.visibility() == null ? null : state.visibility().name())
                    .append("status", state.status() == null ? null : state.status().name())
                    .append("rightCodes", List.copyOf(state.rights().keySet()))
                    .append("currentStages", state.measures().values().stream()
                            .flatMap(measure -> measure.currentStage().stream()).map(Enum::name).distinct().toList())
                    // the countries with national implementation recorded for one of its measures: the dossier list's country filter
                    .append("countries", state.measures().values().stream()
                            .flatMap(measure -> measure.national().keySet().stream()).distinct().sorted().toList())
                    // the state itself as JSON text: exactly what the fold produced, read back without a mapping layer
                    .append("state", json.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store dossier " + state.id(), e);
        }
    }

    private DossierView read(Document doc) {
        try {
            return new DossierView(json.readValue(doc.getString("state"), DossierState.class), doc.get("version", Number.class).longValue(),
                    doc.getDate("lastChangedAt").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read dossier " + doc.get("_id"), e);
        }
    }
}
