package org.icm.policy.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.Vocabulary.Visibility;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of dossiers in MongoDB: one document per dossier holding its folded state (the same fold
 * the aggregate uses) and the fields the lists filter on. Written by a streaming processor whose token
 * lives in MongoDB. Replay-safe: a document is replaced only by a later sequence number, so a duplicate
 * delivery or an overlapping replay changes nothing.
 */
@Component
@ProcessingGroup(DossierCatalogue.PROCESSING_GROUP)
public class DossierCatalogue {

    public static final String PROCESSING_GROUP = "dossier-catalogue";
    static final String DOSSIERS = "dossiers";

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    public DossierCatalogue(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @EventHandler
    void on(DossierEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document current = dossiers().find(Filters.eq("_id", event.dossierId())).first();
        long storedVersion = current == null ? -1 : current.get("version", Number.class).longValue();
        if (sequence <= storedVersion) {
            return; // seen already: a redelivery or an overlapping replay
        }
        DossierState before = current == null ? DossierState.NONE : read(current).state();
        dossiers().replaceOne(Filters.eq("_id", event.dossierId()), document(new DossierView(before.apply(event), sequence, at)),
                new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        dossiers().deleteMany(new Document());
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
