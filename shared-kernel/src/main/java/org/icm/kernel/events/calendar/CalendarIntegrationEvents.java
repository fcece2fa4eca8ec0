package org.icm.kernel.events.calendar;

import java.util.List;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;

/**
 * The published language of events-service (meetings, EU events, consultations, bulletins): every integration
 * event type it sends on {@link Topic#EVENTS}, keyed by the id of the meeting, EU event, consultation or
 * bulletin. Consumers give {@link #ALL} to their {@code IntegrationEventCodec}.
 */
public final class CalendarIntegrationEvents {

    public static final IntegrationEventType<MeetingScheduled> MEETING_SCHEDULED = type("MeetingScheduled", MeetingScheduled.class);
    public static final IntegrationEventType<MeetingRescheduled> MEETING_RESCHEDULED =
            type("MeetingRescheduled", MeetingRescheduled.class);
    public static final IntegrationEventType<MeetingCancelled> MEETING_CANCELLED = type("MeetingCancelled", MeetingCancelled.class);
    public static final IntegrationEventType<MeetingAgendaChanged> MEETING_AGENDA_CHANGED =
            type("MeetingAgendaChanged", MeetingAgendaChanged.class);
    public static final IntegrationEventType<MeetingMinutesPublished> MEETING_MINUTES_PUBLISHED =
            type("MeetingMinutesPublished", MeetingMinutesPublished.class);
    public static final IntegrationEventType<RegistrationConfirmed> REGISTRATION_CONFIRMED =
            type("RegistrationConfirmed", RegistrationConfirmed.class);
    public static final IntegrationEventType<RegistrationWaitlisted> REGISTRATION_WAITLISTED =
            type("RegistrationWaitlisted", RegistrationWaitlisted.class);
    public static final IntegrationEventType<RegistrationPromoted> REGISTRATION_PROMOTED =
            type("RegistrationPromoted", RegistrationPromoted.class);
    public static final IntegrationEventType<RegistrationCancelled> REGISTRATION_CANCELLED =
            type("RegistrationCancelled", RegistrationCancelled.class);
    public static final IntegrationEventType<EuEventAnnounced> EU_EVENT_ANNOUNCED = type("EuEventAnnounced", EuEventAnnounced.class);
    public static final IntegrationEventType<EuEventUpdated> EU_EVENT_UPDATED = type("EuEventUpdated", EuEventUpdated.class);
    public static final IntegrationEventType<EuEventCancelled> EU_EVENT_CANCELLED = type("EuEventCancelled", EuEventCancelled.class);
    public static final IntegrationEventType<ConsultationOpened> CONSULTATION_OPENED =
            type("ConsultationOpened", ConsultationOpened.class);
    public static final IntegrationEventType<ConsultationDeadlineChanged> CONSULTATION_DEADLINE_CHANGED =
            type("ConsultationDeadlineChanged", ConsultationDeadlineChanged.class);
    public static final IntegrationEventType<ConsultationClosed> CONSULTATION_CLOSED =
            type("ConsultationClosed", ConsultationClosed.class);
    public static final IntegrationEventType<BulletinPosted> BULLETIN_POSTED = type("BulletinPosted", BulletinPosted.class);

    public static final List<IntegrationEventType<?>> ALL = List.of(
            MEETING_SCHEDULED, MEETING_RESCHEDULED, MEETING_CANCELLED, MEETING_AGENDA_CHANGED, MEETING_MINUTES_PUBLISHED,
            REGISTRATION_CONFIRMED, REGISTRATION_WAITLISTED, REGISTRATION_PROMOTED, REGISTRATION_CANCELLED,
            EU_EVENT_ANNOUNCED, EU_EVENT_UPDATED, EU_EVENT_CANCELLED,
            CONSULTATION_OPENED, CONSULTATION_DEADLINE_CHANGED, CONSULTATION_CLOSED,
            BULLETIN_POSTED);

    private CalendarIntegrationEvents() {
    }

    private static <E extends CalendarIntegrationEvent> IntegrationEventType<E> type(String name, Class<E> payloadType) {
        return new IntegrationEventType<>("org.icm.events." + name + ".v1", Topic.EVENTS, payloadType);
    }
}
