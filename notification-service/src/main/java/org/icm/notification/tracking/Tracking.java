package org.icm.notification.tracking;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.calendar.ConsultationClosed;
import org.icm.kernel.events.calendar.ConsultationDeadlineChanged;
import org.icm.kernel.events.calendar.ConsultationOpened;
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
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.events.policy.RightTagged;
import org.icm.kernel.events.policy.RightUntagged;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The state of dossiers, consultations and meetings that notifications depend on. Every write sets what the event says
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

    /** Applies the event, and tells the batch's copy which dossier it changed. */
    public void apply(IntegrationEvent event, BatchDossiers batch) {
        apply(event);
        if (event instanceof DossierIntegrationEvent dossierEvent) {
            batch.forget(dossierEvent.dossierId());
        }
    }

    public void apply(IntegrationEvent event) {
        switch (event) {
            case DossierIntegrationEvent d -> applyDossier(d);
            case ConsultationOpened c -> mongo.upsert(byId(c.consultationId()), new Update().set("title", c.title())
                    .set("dossierId", c.dossierId()).set("closesAt", c.closesAt()).set("closed", false), TrackedConsultation.class);
            case ConsultationDeadlineChanged c -> mongo.upsert(byId(c.consultationId()), new Update().set("title", c.title())
                    .set("closesAt", c.closesAt()).setOnInsert("closed", false), TrackedConsultation.class);
            case ConsultationClosed c -> mongo.upsert(byId(c.consultationId()), new Update().set("closed", true), TrackedConsultation.class);
            case MeetingScheduled m -> mongo.upsert(byId(m.meetingId()), new Update().set("title", m.title()).set("startsAt", m.startsAt())
                    .set("timeZone", m.timeZone()).set("cancelled", false).setOnInsert("registered", List.of()), TrackedMeeting.class);
            case MeetingRescheduled m -> mongo.upsert(byId(m.meetingId()), new Update().set("title", m.title())
                    .set("startsAt", m.startsAt()).set("timeZone", m.timeZone()), TrackedMeeting.class);
            case MeetingCancelled m -> mongo.upsert(byId(m.meetingId()), new Update().set("cancelled", true), TrackedMeeting.class);
            case RegistrationConfirmed r -> register(r.meetingId(), r.title(), r.accountId());
            case RegistrationPromoted r -> register(r.meetingId(), r.title(), r.accountId());
            case RegistrationCancelled r -> mongo.upsert(byId(r.meetingId()), new Update().pull("registered", r.accountId()), TrackedMeeting.class);
            default -> {
                // nothing else is tracked
            }
        }
    }

    private void register(String meetingId, String title, String accountId) {
        mongo.upsert(byId(meetingId), new Update().addToSet("registered", accountId).setOnInsert("title", title), TrackedMeeting.class);
    }

    private void applyDossier(DossierIntegrationEvent event) {
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
        mongo.upsert(byId(event.dossierId()), update, TrackedDossier.class);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
