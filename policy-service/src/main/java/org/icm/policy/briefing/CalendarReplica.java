package org.icm.policy.briefing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.calendar.CalendarIntegrationEvents;
import org.icm.kernel.events.calendar.ConsultationDeadlineChanged;
import org.icm.kernel.events.calendar.ConsultationOpened;
import org.icm.kernel.events.calendar.EuEventAnnounced;
import org.icm.kernel.events.calendar.EuEventCancelled;
import org.icm.kernel.events.calendar.EuEventUpdated;
import org.icm.kernel.events.calendar.MeetingAgendaChanged;
import org.icm.kernel.events.calendar.MeetingCancelled;
import org.icm.kernel.events.calendar.MeetingRescheduled;
import org.icm.kernel.events.calendar.MeetingScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.stereotype.Component;

/**
 * What a meeting's briefing needs of events-service's calendar, built from its integration events on Kafka (no shared
 * database): the network's meetings (when, their agenda's dossiers, cancelled or not) and the EU events and
 * consultations with the dossiers they concern, their dates and deadlines, and when the network first heard of them.
 * Each document is upserted field by field, keyed by the item's id; one item's events come in order on one partition,
 * so reading the topic again rebuilds the same documents. Its own consumer group reads the topic from the beginning.
 */
@Component
public class CalendarReplica {

    public static final String CONSUMER_GROUP = "policy-service.calendar-replica";
    static final String LISTENER_FACTORY = "calendarReplicaListenerFactory";
    private static final Logger log = LoggerFactory.getLogger(CalendarReplica.class);

    private final MongoTemplate mongo;
    private final IntegrationEventCodec codec;

    CalendarReplica(MongoTemplate mongo) {
        this.mongo = mongo;
        this.codec = new IntegrationEventCodec(URI.create("/icm/policy-service"), CalendarIntegrationEvents.ALL);
    }

    /** A meeting of the network, as the briefing needs it. */
    @Document("briefing_meetings")
    public record Meeting(@Id String id, String title, Instant startsAt, Instant endsAt, String timeZone, List<String> dossierIds,
                          boolean cancelled) {
    }

    /** An EU event or a consultation: its date (the event's start, the consultation's deadline) and when it was first heard of. */
    @Document("briefing_calendar_items")
    public record CalendarItem(@Id String id, String kind, String title, Instant date, String link, List<String> dossierIds,
                               Instant firstHeardAt, boolean cancelled) {
    }

    @KafkaListener(id = CONSUMER_GROUP, groupId = CONSUMER_GROUP, topics = "#{T(org.icm.kernel.events.Topic).EVENTS.topicName()}",
            containerFactory = LISTENER_FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        Object event;
        Instant heardAt;
        try {
            var envelope = codec.decode(record.value());
            event = codec.payload(envelope).orElse(null);
            heardAt = envelope.getTime() == null ? Instant.ofEpochMilli(record.timestamp()) : envelope.getTime().toInstant();
        } catch (RuntimeException e) {
            // not a CloudEvent we can read: nothing in it for the replica, and retrying will not change that
            log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        switch (event) {
            case MeetingScheduled e -> meeting(e.meetingId(), new Update().set("title", e.title()).set("startsAt", e.startsAt())
                    .set("endsAt", e.endsAt()).set("timeZone", e.timeZone()).set("dossierIds", list(e.dossierIds())).set("cancelled", false));
            case MeetingRescheduled e -> meeting(e.meetingId(), new Update().set("title", e.title()).set("startsAt", e.startsAt())
                    .set("endsAt", e.endsAt()).set("timeZone", e.timeZone()));
            case MeetingAgendaChanged e -> meeting(e.meetingId(), new Update().set("title", e.title()).set("dossierIds", list(e.dossierIds())));
            case MeetingCancelled e -> meeting(e.meetingId(), new Update().set("cancelled", true));
            case EuEventAnnounced e -> item(e.euEventId(), new Update().set("kind", "EU_EVENT").set("title", e.title()).set("date", e.startsAt())
                    .set("link", e.link()).set("dossierIds", list(e.dossierIds())).set("cancelled", false).setOnInsert("firstHeardAt", heardAt));
            case EuEventUpdated e -> item(e.euEventId(), new Update().set("title", e.title()).set("date", e.startsAt()).set("link", e.link())
                    .set("dossierIds", list(e.dossierIds())).setOnInsert("firstHeardAt", heardAt));
            case EuEventCancelled e -> item(e.euEventId(), new Update().set("cancelled", true).setOnInsert("firstHeardAt", heardAt));
            case ConsultationOpened e -> item(e.consultationId(), new Update().set("kind", "CONSULTATION").set("title", e.title())
                    .set("date", e.closesAt()).set("link", e.link()).set("dossierIds", e.dossierId() == null ? List.of() : List.of(e.dossierId()))
                    .set("cancelled", false).setOnInsert("firstHeardAt", heardAt));
            case ConsultationDeadlineChanged e -> item(e.consultationId(), new Update().set("date", e.closesAt()).setOnInsert("firstHeardAt", heardAt));
            case null, default -> {
                // registrations, minutes, bulletins ...: nothing a briefing needs
            }
        }
    }

    public Optional<Meeting> meeting(String meetingId) {
        return Optional.ofNullable(mongo.findById(meetingId, Meeting.class));
    }

    /** The latest meeting of the network that ended before {@code instant} and was not cancelled: the previous one. */
    public Optional<Meeting> previousMeeting(Instant instant) {
        Query query = Query.query(Criteria.where("cancelled").is(false).and("endsAt").lte(instant))
                .with(Sort.by(Sort.Direction.DESC, "endsAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Meeting.class));
    }

    /** The EU events and consultations about any of the dossiers that the network first heard of in (since, until]. */
    public List<CalendarItem> items(List<String> dossierIds, Instant since, Instant until) {
        return mongo.find(Query.query(Criteria.where("dossierIds").in(dossierIds).and("cancelled").is(false)
                .and("firstHeardAt").gt(since).lte(until)).with(Sort.by("date")), CalendarItem.class);
    }

    private void meeting(String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, Meeting.class);
    }

    private void item(String id, Update update) {
        mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update, FindAndModifyOptions.options().upsert(true), CalendarItem.class);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The replica's consumer: String keys, CloudEvents bytes, from the earliest offset for a new group, offsets committed per record. */
    @Configuration
    static class ListenerConfiguration {

        @Bean(LISTENER_FACTORY)
        ConcurrentKafkaListenerContainerFactory<String, byte[]> calendarReplicaListenerFactory(KafkaProperties properties) {
            Map<String, Object> config = properties.buildConsumerProperties();
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
            return factory;
        }
    }
}
