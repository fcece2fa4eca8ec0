package org.icm.events.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.icm.events.bulletin.BulletinEvent;
import org.icm.events.bulletin.BulletinState;
import org.icm.events.consultation.ConsultationEvent;
import org.icm.events.consultation.ConsultationState;
import org.icm.events.euevent.EuEventEvent;
import org.icm.events.euevent.EuEventState;
import org.icm.events.meeting.MeetingEvent;
import org.icm.events.meeting.MeetingState;
import org.icm.events.meeting.MeetingState.Registration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of events-service in MongoDB: meetings, EU events, consultations and bulletins, each as its
 * folded state (the same fold the aggregate uses) plus the fields the calendar, the lists and the closing
 * job query. Written by one pooled streaming processor whose token lives in MongoDB; the admin replay
 * endpoint rebuilds it.
 */
@Component
@ProcessingGroup(CalendarReadModel.PROCESSING_GROUP)
public class CalendarReadModel {

    public static final String PROCESSING_GROUP = "calendar";
    static final int LIMIT = 500;

    private final ReadModels<MeetingState> meetings;
    private final ReadModels<EuEventState> euEvents;
    private final ReadModels<ConsultationState> consultations;
    private final ReadModels<BulletinState> bulletins;

    public CalendarReadModel(MongoTemplate mongo, ObjectMapper json) {
        meetings = new ReadModels<>(mongo, json, "meetings", MeetingState.class, MeetingState.NONE, s -> new Document()
                .append("startsAt", ReadModels.date(s.startsAt())).append("endsAt", ReadModels.date(s.endsAt()))
                .append("status", s.status() == null ? null : s.status().name())
                .append("dossierIds", s.agenda().stream().map(MeetingEvent.AgendaItem::dossierId).filter(id -> id != null).distinct().toList())
                .append("confirmedAccounts", s.confirmed().stream().map(Registration::accountId).toList())
                .append("waitingAccounts", s.waitingList().stream().map(Registration::accountId).toList()));
        euEvents = new ReadModels<>(mongo, json, "eu_events", EuEventState.class, EuEventState.NONE, s -> new Document()
                .append("startsAt", ReadModels.date(s.startsAt())).append("cancelled", s.cancelled()).append("dossierIds", s.dossierIds()));
        consultations = new ReadModels<>(mongo, json, "consultations", ConsultationState.class, ConsultationState.NONE, s -> new Document()
                .append("closesAt", ReadModels.date(s.closesAt())).append("closed", s.closed())
                .append("dossierIds", s.dossierId() == null ? List.of() : List.of(s.dossierId())));
        bulletins = new ReadModels<>(mongo, json, "bulletins", BulletinState.class, BulletinState.NONE, s -> new Document()
                .append("retracted", s.retracted()).append("dossierIds", s.dossierIds()).append("authorAccountId", s.authorAccountId()));
    }

    @EventHandler
    void on(MeetingEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        meetings.update(event.meetingId(), sequence, at, state -> state.apply(event));
    }

    @EventHandler
    void on(EuEventEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        euEvents.update(event.euEventId(), sequence, at, state -> state.apply(event));
    }

    @EventHandler
    void on(ConsultationEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        consultations.update(event.consultationId(), sequence, at, state -> state.apply(event));
    }

    @EventHandler
    void on(BulletinEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        bulletins.update(event.bulletinId(), sequence, at, state -> state.apply(event));
    }

    @ResetHandler
    void reset() {
        meetings.clear();
        euEvents.clear();
        consultations.clear();
        bulletins.clear();
    }

    public Optional<View<MeetingState>> meeting(String id) {
        return meetings.find(id);
    }

    public Optional<View<EuEventState>> euEvent(String id) {
        return euEvents.find(id);
    }

    public Optional<View<ConsultationState>> consultation(String id) {
        return consultations.find(id);
    }

    public Optional<View<BulletinState>> bulletin(String id) {
        return bulletins.find(id);
    }

    /** Planned meetings that have not ended, linked to one of the dossiers when some are named (null: all), soonest first. */
    public List<View<MeetingState>> upcomingMeetings(Instant now, Collection<String> dossierIds) {
        return meetings.findAll(and(Filters.eq("status", "PLANNED"), Filters.gte("endsAt", ReadModels.date(now)), linked(dossierIds)),
                Sorts.ascending("startsAt", "_id"), LIMIT);
    }

    /** Every meeting an account has a confirmed place at that has not ended, cancelled ones too (the feed carries the cancellation). */
    public List<View<MeetingState>> meetingsOf(String accountId, Instant now) {
        return meetings.findAll(and(Filters.eq("confirmedAccounts", accountId), Filters.gte("endsAt", ReadModels.date(now))),
                Sorts.ascending("startsAt", "_id"), LIMIT);
    }

    /** The planned meetings not yet started at which an account has a place or waits for one. */
    public List<String> openRegistrationsOf(String accountId, Instant now) {
        return meetings.findAll(and(Filters.eq("status", "PLANNED"), Filters.gt("startsAt", ReadModels.date(now)),
                Filters.or(Filters.eq("confirmedAccounts", accountId), Filters.eq("waitingAccounts", accountId))),
                Sorts.ascending("startsAt", "_id"), LIMIT).stream().map(view -> view.state().id()).toList();
    }

    /** Every meeting at which an account has, or waits for, a place, past ones too (their copy of their data). */
    public List<View<MeetingState>> registrationsOf(String accountId) {
        return meetings.findAll(Filters.or(Filters.eq("confirmedAccounts", accountId), Filters.eq("waitingAccounts", accountId)),
                Sorts.ascending("startsAt", "_id"), LIMIT);
    }

    /** The bulletins an account posted. */
    public List<View<BulletinState>> bulletinsBy(String accountId) {
        return bulletins.findAll(Filters.eq("authorAccountId", accountId), Sorts.ascending("_id"), LIMIT);
    }

    /** Meetings for the public feed: not ended, cancelled ones included so calendar apps learn of the cancellation. */
    public List<View<MeetingState>> feedMeetings(Instant now) {
        return meetings.findAll(Filters.gte("endsAt", ReadModels.date(now)), Sorts.ascending("startsAt", "_id"), LIMIT);
    }

    public List<View<EuEventState>> upcomingEuEvents(Instant now, Collection<String> dossierIds, boolean withCancelled) {
        Bson notCancelled = withCancelled ? null : Filters.eq("cancelled", false);
        return euEvents.findAll(and(notCancelled, Filters.gte("startsAt", ReadModels.date(now)), linked(dossierIds)),
                Sorts.ascending("startsAt", "_id"), LIMIT);
    }

    /** Consultations open now, nearest deadline first. */
    public List<View<ConsultationState>> openConsultations(Instant now, Collection<String> dossierIds) {
        return consultations.findAll(and(Filters.eq("closed", false), Filters.gt("closesAt", ReadModels.date(now)), linked(dossierIds)),
                Sorts.ascending("closesAt", "_id"), LIMIT);
    }

    /** Consultations still open in the read model whose deadline has passed: what the closing job closes. */
    public List<String> consultationsDueToClose(Instant now) {
        List<String> ids = new ArrayList<>();
        consultations.findAll(and(Filters.eq("closed", false), Filters.lte("closesAt", ReadModels.date(now))), Sorts.ascending("closesAt"),
                LIMIT).forEach(view -> ids.add(view.state().id()));
        return ids;
    }

    /** Bulletins not retracted, newest first (by the time of their first event). */
    public List<View<BulletinState>> bulletins(int limit) {
        return bulletins.findAll(Filters.eq("retracted", false), Sorts.descending("createdAt", "_id"), limit);
    }

    private static Bson linked(Collection<String> dossierIds) {
        return dossierIds == null ? null : Filters.in("dossierIds", dossierIds);
    }

    private static Bson and(Bson... conditions) {
        List<Bson> present = new ArrayList<>();
        for (Bson condition : conditions) {
            if (condition != null) {
                present.add(condition);
            }
        }
        return present.isEmpty() ? new Document() : Filters.and(present);
    }
}
