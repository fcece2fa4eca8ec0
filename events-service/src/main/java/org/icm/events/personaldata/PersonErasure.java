package org.icm.events.personaldata;

import java.net.URI;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.PersonErased;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.events.calendar.FeedTokens;
import org.icm.events.dossiers.DossierReplicaConfiguration;
import org.icm.events.meeting.MeetingCommand.UnregisterParticipant;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What this service does when a person is erased (membership's {@link PersonErased}): their secret calendar-feed address
 * stops working, and they leave every meeting still ahead of them (confirmed or waiting), which frees their place for
 * the waiting list, recorded as an unregistration in the meeting's history, under their pseudonymous id, with the reason.
 * Held meetings keep that they attended. Nothing here holds their name or address. Each step may run twice: a record
 * redelivered finds nothing left to do.
 */
@Component
class PersonErasure {

    static final String CONSUMER_GROUP = "events-service.person-erasure";
    static final String REASON = "the person's data was erased";
    private static final Logger log = LoggerFactory.getLogger(PersonErasure.class);

    private final IntegrationEventCodec codec;
    private final FeedTokens feedTokens;
    private final CalendarReadModel calendar;
    private final Writes writes;
    private final Clock clock;

    PersonErasure(PersonalDataKeys keys, FeedTokens feedTokens, CalendarReadModel calendar, Writes writes, Clock clock) {
        this.codec = new IntegrationEventCodec(URI.create("/icm/events-service"), MembershipIntegrationEvents.ALL, keys);
        this.feedTokens = feedTokens;
        this.calendar = calendar;
        this.writes = writes;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER_GROUP, groupId = CONSUMER_GROUP, topics = "#{T(org.icm.kernel.events.Topic).MEMBERSHIP.topicName()}",
            containerFactory = DossierReplicaConfiguration.LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent envelope = codec.decode(record.value());
        // only erasures concern this listener: the other events (some carrying sealed personal data) are not opened
        if (MembershipIntegrationEvents.PERSON_ERASED.name().equals(envelope.getType())
                && codec.payload(envelope).orElse(null) instanceof PersonErased erased) {
            forget(erased);
        }
    }

    void forget(PersonErased erased) {
        String person = erased.personId();
        feedTokens.revoke(person);
        List<String> meetings = calendar.openRegistrationsOf(person, clock.instant());
        if (meetings.isEmpty()) {
            return; // an organisation's contact person, or an account with nothing ahead
        }
        Actor themselves = new Actor(AccountId.of(person), OrganisationId.of(erased.organisationId()), Set.of());
        for (String meetingId : meetings) {
            try {
                writes.dispatch(new UnregisterParticipant(meetingId, person, clock.instant()), themselves, REASON);
            } catch (RuleViolation gone) {
                // unregistered meanwhile, or the meeting started: nothing left to do
                log.debug("erased person {} not unregistered from {}: {}", person, meetingId, gone.getMessage());
            }
        }
    }
}
