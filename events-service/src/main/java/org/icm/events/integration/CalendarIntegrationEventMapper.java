package org.icm.events.integration;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.icm.events.bulletin.BulletinEvent;
import org.icm.events.consultation.ConsultationEvent;
import org.icm.events.consultation.ConsultationState;
import org.icm.events.euevent.EuEventEvent;
import org.icm.events.euevent.EuEventState;
import org.icm.events.meeting.MeetingEvent;
import org.icm.events.meeting.MeetingEvent.AgendaItem;
import org.icm.events.meeting.MeetingState;
import org.icm.kernel.events.calendar.*;
import org.icm.service.integration.IntegrationEventMapper;
import org.icm.service.integration.OutgoingIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * Turns events-service's stored domain events into its published language ({@code org.icm.kernel.events.calendar});
 * service-defaults' outbox publisher sends what this answers to Kafka, keyed by the aggregate id. Titles and
 * times the published events repeat come from the aggregate's state before the event: the fold of its earlier
 * events, read from the event store (these aggregates have tens of events, not thousands). Deterministic:
 * the same stored event always maps to the same records.
 */
@Component
class CalendarIntegrationEventMapper implements IntegrationEventMapper {

    private final EventStore eventStore;

    CalendarIntegrationEventMapper(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<OutgoingIntegrationEvent<?>> map(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> stored)) {
            return List.of();
        }
        return switch (stored.getPayload()) {
            case MeetingEvent event -> meeting(event, before(stored, MeetingEvent.class, MeetingState.NONE, MeetingState::apply));
            case ConsultationEvent event -> consultation(event, before(stored, ConsultationEvent.class, ConsultationState.NONE,
                    ConsultationState::apply));
            case EuEventEvent event -> euEvent(event, before(stored, EuEventEvent.class, EuEventState.NONE, EuEventState::apply));
            case BulletinEvent.BulletinPosted e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.BULLETIN_POSTED,
                    new BulletinPosted(e.bulletinId(), e.kind(), e.title(), e.text(), e.authorAccountId(), e.organisationId(), e.dossierIds())));
            default -> List.of();
        };
    }

    static List<OutgoingIntegrationEvent<?>> meeting(MeetingEvent event, MeetingState before) {
        MeetingState after = before.apply(event);
        String title = after.title();
        return switch (event) {
            case MeetingEvent.MeetingScheduled e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.MEETING_SCHEDULED,
                    new MeetingScheduled(e.meetingId(), e.title(), e.type(), e.startsAt(), e.endsAt(), e.timeZone(), e.place(), e.onlineLink(),
                            e.capacity(), dossierIds(e.agenda()))));
            case MeetingEvent.MeetingRescheduled e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.MEETING_RESCHEDULED,
                    new MeetingRescheduled(e.meetingId(), title, before.startsAt(), e.startsAt(), e.endsAt(), e.timeZone())));
            case MeetingEvent.MeetingCancelled e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.MEETING_CANCELLED,
                    new MeetingCancelled(e.meetingId(), title, after.startsAt(), e.reason())));
            case MeetingEvent.MeetingAgendaChanged e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.MEETING_AGENDA_CHANGED,
                    new MeetingAgendaChanged(e.meetingId(), title, e.agenda().stream().map(AgendaItem::title).toList(), dossierIds(e.agenda()))));
            case MeetingEvent.MinutesRecorded e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.MEETING_MINUTES_PUBLISHED,
                    new MeetingMinutesPublished(e.meetingId(), title, e.actionPoints().size())));
            case MeetingEvent.ParticipantRegistered e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.REGISTRATION_CONFIRMED,
                    new RegistrationConfirmed(e.meetingId(), title, after.startsAt(), e.accountId(), e.organisationId())));
            case MeetingEvent.ParticipantWaitlisted e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.REGISTRATION_WAITLISTED,
                    new RegistrationWaitlisted(e.meetingId(), title, after.startsAt(), e.accountId(), e.organisationId(), e.position())));
            case MeetingEvent.ParticipantPromoted e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.REGISTRATION_PROMOTED,
                    new RegistrationPromoted(e.meetingId(), title, after.startsAt(), e.accountId(), e.organisationId())));
            case MeetingEvent.ParticipantUnregistered e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.REGISTRATION_CANCELLED,
                    new RegistrationCancelled(e.meetingId(), title, e.accountId(), e.organisationId())));
            case MeetingEvent.MeetingCapacityChanged e -> List.of();
            case MeetingEvent.MeetingHeld e -> List.of();
        };
    }

    static List<OutgoingIntegrationEvent<?>> consultation(ConsultationEvent event, ConsultationState before) {
        return switch (event) {
            case ConsultationEvent.ConsultationOpened e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.CONSULTATION_OPENED,
                    new ConsultationOpened(e.consultationId(), e.type(), e.directorateGeneral(), e.title(), e.link(), e.opensAt(), e.closesAt(),
                            e.dossierId(), e.measureId())));
            case ConsultationEvent.ConsultationDeadlineChanged e -> List.of(OutgoingIntegrationEvent.of(
                    CalendarIntegrationEvents.CONSULTATION_DEADLINE_CHANGED, new ConsultationDeadlineChanged(e.consultationId(), before.title(),
                            before.dossierId(), before.closesAt(), e.closesAt())));
            case ConsultationEvent.ConsultationClosed e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.CONSULTATION_CLOSED,
                    new ConsultationClosed(e.consultationId(), before.title(), e.closedAt())));
            case ConsultationEvent.JointResponsePlanned e -> List.of();
            case ConsultationEvent.JointResponseSubmitted e -> List.of();
        };
    }

    static List<OutgoingIntegrationEvent<?>> euEvent(EuEventEvent event, EuEventState before) {
        return switch (event) {
            case EuEventEvent.EuEventAnnounced e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.EU_EVENT_ANNOUNCED,
                    new EuEventAnnounced(e.euEventId(), e.institution(), e.title(), e.startsAt(), e.link(), e.dossierIds())));
            case EuEventEvent.EuEventUpdated e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.EU_EVENT_UPDATED,
                    new EuEventUpdated(e.euEventId(), e.institution(), e.title(), e.startsAt(), e.link(), e.dossierIds())));
            case EuEventEvent.EuEventCancelled e -> List.of(OutgoingIntegrationEvent.of(CalendarIntegrationEvents.EU_EVENT_CANCELLED,
                    new EuEventCancelled(e.euEventId(), before.title(), e.reason())));
        };
    }

    private static List<String> dossierIds(List<AgendaItem> agenda) {
        return agenda.stream().map(AgendaItem::dossierId).filter(Objects::nonNull).distinct().toList();
    }

    /** The aggregate's state before this event: the fold of its earlier events, from sequence 0 (never a snapshot). */
    private <E, S> S before(DomainEventMessage<?> stored, Class<E> eventType, S initial, BiFunction<S, E, S> apply) {
        S state = initial;
        var events = eventStore.readEvents(stored.getAggregateIdentifier(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> earlier = events.next();
            if (earlier.getSequenceNumber() >= stored.getSequenceNumber()) {
                break;
            }
            state = apply.apply(state, eventType.cast(earlier.getPayload()));
        }
        return state;
    }
}
