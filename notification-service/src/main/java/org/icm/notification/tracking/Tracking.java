package org.icm.notification.tracking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.calendar.ConsultationClosed;
import org.icm.kernel.events.calendar.ConsultationDeadlineChanged;
import org.icm.kernel.events.calendar.ConsultationOpened;
import org.icm.kernel.events.calendar.MeetingAgendaChanged;
import org.icm.kernel.events.calendar.MeetingCancelled;
import org.icm.kernel.events.calendar.MeetingRescheduled;
import org.icm.kernel.events.calendar.MeetingScheduled;
import org.icm.kernel.events.calendar.RegistrationCancelled;
import org.icm.kernel.events.calendar.RegistrationConfirmed;
import org.icm.kernel.events.calendar.RegistrationPromoted;
import org.icm.kernel.events.policy.DossierIntegrationEvent;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.DossierReturnedToDraft;
import org.icm.kernel.events.policy.MeasureAdded;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.events.policy.RightTagged;
import org.icm.kernel.events.policy.RightUntagged;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The state of dossiers, member states' transpositions, consultations and meetings that notifications depend on. Every write sets what the event says
 * (upserts, $set, $addToSet, $pull), so applying the same event again leaves the same state.
 */
@Component
public class Tracking implements DossierLookup {

    private final MongoTemplate mongo;

    public Tracking(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<TrackedDossier> dossier(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, TrackedDossier.class));
    }

    @Override
    public List<TrackedDossier> dossiers(Collection<String> ids) {
        return ids == null || ids.isEmpty() ? List.of() : mongo.find(Query.query(where("_id").in(ids)), TrackedDossier.class);
    }

    /** Reads these dossiers with one query, for deciding a batch of events (see {@link BatchDossiers}). */
    public BatchDossiers prefetch(Set<String> ids) {
        return new BatchDossiers(this, ids);
    }

    public void apply(IntegrationEvent event) {
        writes(event).forEach(write -> mongo.upsert(write.query(), write.update(), write.entity()));
    }

    /**
     * Applies the events in their order, one bulk write per kind of tracked thing (dossiers, transpositions,
     * consultations, meetings): each bulk is ordered, and writes to different kinds touch different documents, so the
     * result is the one of applying them one by one.
     */
    public void applyAll(List<IntegrationEvent> events) {
        Map<Class<?>, BulkOperations> bulks = new LinkedHashMap<>();
        for (IntegrationEvent event : events) {
            writes(event).forEach(write -> bulks.computeIfAbsent(write.entity(), entity -> mongo.bulkOps(BulkMode.ORDERED, entity))
                    .upsert(write.query(), write.update()));
        }
        bulks.values().forEach(BulkOperations::execute);
    }

    /** One upsert: of what, which document, what it sets. */
    private record Write(Class<?> entity, Query query, Update update) {
    }

    private static List<Write> writes(IntegrationEvent event) {
        List<Write> writes = new ArrayList<>(2);
        write(event).ifPresent(writes::add);
        // a national fact also tells of the state's transposition, which the deadline alert reads
        if (event instanceof NationalImplementationRecorded national && national.measureId() != null && national.country() != null) {
            writes.add(transposition(national));
        }
        return writes;
    }

    private static Write transposition(NationalImplementationRecorded n) {
        Update update = new Update().set("dossierId", n.dossierId()).set("measureId", n.measureId()).set("measureTitle", n.measureTitle())
                .set("country", n.country()).set("transpositionDeadline", n.transpositionDeadline());
        if (n.fact() == NationalImplementationRecorded.Fact.TRANSPOSITION_STATUS && n.status() != null && n.effectiveDate() != null) {
            update.set("declarations." + n.effectiveDate(), n.status());
        }
        return new Write(TrackedTransposition.class, byId(TrackedTransposition.id(n.measureId(), n.country())), update);
    }

    private static Optional<Write> write(IntegrationEvent event) {
        return Optional.ofNullable(switch (event) {
            case DossierIntegrationEvent d -> new Write(TrackedDossier.class, byId(d.dossierId()), dossierUpdate(d));
            case ConsultationOpened c -> new Write(TrackedConsultation.class, byId(c.consultationId()), new Update().set("title", c.title())
                    .set("dossierId", c.dossierId()).set("closesAt", c.closesAt()).set("closed", false));
            case ConsultationDeadlineChanged c -> new Write(TrackedConsultation.class, byId(c.consultationId()), new Update().set("title", c.title())
                    .set("closesAt", c.closesAt()).setOnInsert("closed", false));
            case ConsultationClosed c -> new Write(TrackedConsultation.class, byId(c.consultationId()), new Update().set("closed", true));
            case MeetingScheduled m -> new Write(TrackedMeeting.class, byId(m.meetingId()), new Update().set("title", m.title())
                    .set("startsAt", m.startsAt()).set("endsAt", m.endsAt()).set("timeZone", m.timeZone()).set("cancelled", false)
                    .set("dossierIds", m.dossierIds() == null ? List.of() : m.dossierIds()).setOnInsert("registered", List.of()));
            case MeetingRescheduled m -> new Write(TrackedMeeting.class, byId(m.meetingId()), new Update().set("title", m.title())
                    .set("startsAt", m.startsAt()).set("endsAt", m.endsAt()).set("timeZone", m.timeZone()));
            case MeetingAgendaChanged m -> new Write(TrackedMeeting.class, byId(m.meetingId()), new Update().set("title", m.title())
                    .set("dossierIds", m.dossierIds() == null ? List.of() : m.dossierIds()));
            case MeetingCancelled m -> new Write(TrackedMeeting.class, byId(m.meetingId()), new Update().set("cancelled", true));
            case RegistrationConfirmed r -> register(r.meetingId(), r.title(), r.accountId());
            case RegistrationPromoted r -> register(r.meetingId(), r.title(), r.accountId());
            case RegistrationCancelled r -> new Write(TrackedMeeting.class, byId(r.meetingId()), new Update().pull("registered", r.accountId()));
            // nothing else is tracked
            default -> null;
        });
    }

    private static Write register(String meetingId, String title, String accountId) {
        return new Write(TrackedMeeting.class, byId(meetingId), new Update().addToSet("registered", accountId).setOnInsert("title", title));
    }

    /** What a dossier event sets; {@link TrackedDossier#after} is the same change made to a copy in memory. */
    private static Update dossierUpdate(DossierIntegrationEvent event) {
        Update update = new Update().set("title", event.dossierTitle()).set("policyArea", event.policyArea());
        switch (event) {
            case DossierOpened o -> update.setOnInsert("published", false);
            case DossierPublished p -> update.set("published", true);
            case DossierReturnedToDraft r -> update.set("published", false);
            case RightTagged t -> update.addToSet("rights", t.rightCode());
            case RightUntagged u -> update.pull("rights", u.rightCode());
            case MeasureAdded m -> update.setOnInsert("published", false);
            case MeasureStageChanged m -> update.set("measureStages." + m.measureId(), m.newStage().name());
            case RecommendationPublished r -> update.set("recommendationTexts." + r.recommendationId(), r.text());
            case RecommendationRevised r -> update.set("recommendationTexts." + r.recommendationId(), r.text());
            default -> {
            }
        }
        return update;
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
