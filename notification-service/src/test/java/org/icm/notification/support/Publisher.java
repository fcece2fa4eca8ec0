package org.icm.notification.support;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.infrastructure.SharedInfrastructure;
import org.icm.service.privacy.PersonalDataProperties;
import org.icm.service.privacy.PostgresPersonalDataKeys;

/** Publishes integration events on a real broker as the other services do: structured CloudEvents keyed by subject. */
public final class Publisher implements AutoCloseable {

    private final PostgresPersonalDataKeys keys;
    private final IntegrationEventCodec codec;
    private final KafkaProducer<String, byte[]> producer;

    /** A publisher that seals people's data with their keys in the platform's key store, as membership-service does. */
    public Publisher(String bootstrapServers, PersonalDataProperties keyStore) {
        keys = PostgresPersonalDataKeys.connect(keyStore);
        codec = new IntegrationEventCodec(URI.create("/icm/test-publisher"), List.of(), keys);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                // while the broker is down, send() waits for it this long
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static Publisher onSharedBroker() {
        return new Publisher(SharedInfrastructure.get().kafkaBootstrapServers(),
                PersonalDataProperties.of(SharedInfrastructure.get().springProperties()));
    }

    /** Publishes and waits for the broker's acknowledgement; answers the CloudEvents id. */
    public <E extends IntegrationEvent> String publish(IntegrationEventType<E> type, E event) {
        String id = UUID.randomUUID().toString();
        publish(type, event, id);
        return id;
    }

    public <E extends IntegrationEvent> void publish(IntegrationEventType<E> type, E event, String id) {
        publish(type, event, id, Instant.parse("2026-03-01T12:00:00Z"));
    }

    /** Publishes with the given CloudEvents time (when it happened); answers the CloudEvents id. */
    public <E extends IntegrationEvent> String publishAt(IntegrationEventType<E> type, E event, Instant time) {
        String id = UUID.randomUUID().toString();
        publish(type, event, id, time);
        return id;
    }

    public <E extends IntegrationEvent> void publish(IntegrationEventType<E> type, E event, String id, Instant time) {
        CloudEvent envelope = codec.envelope(type, event, id, time);
        sendRaw(type.topic().topicName(), event.subject(), codec.encode(envelope));
    }

    /**
     * Publishes as a service does within a trace: the CloudEvents distributed-tracing extension carries {@code traceparent};
     * answers the CloudEvents id.
     */
    public <E extends IntegrationEvent> String publishTraced(IntegrationEventType<E> type, E event, String traceparent) {
        String id = UUID.randomUUID().toString();
        CloudEvent envelope = codec.envelope(type, event, id, Instant.parse("2026-03-01T12:00:00Z"), Map.of("traceparent", traceparent));
        sendRaw(type.topic().topicName(), event.subject(), codec.encode(envelope));
        return id;
    }

    /** Publishes without waiting (the broker may be down): the producer keeps it until it can deliver. */
    public <E extends IntegrationEvent> void publishLater(IntegrationEventType<E> type, E event) {
        CloudEvent envelope = codec.envelope(type, event, UUID.randomUUID().toString(), Instant.parse("2026-03-01T12:00:00Z"));
        producer.send(new ProducerRecord<>(type.topic().topicName(), event.subject(), codec.encode(envelope)));
    }

    /** The bytes a service would publish for this event: a structured CloudEvent. */
    public <E extends IntegrationEvent> byte[] encode(IntegrationEventType<E> type, E event, String id) {
        return codec.encode(codec.envelope(type, event, id, Instant.parse("2026-03-01T12:00:00Z")));
    }

    /** A record with headers, as a dead-letter recoverer writes them. */
    public void sendRaw(String topic, String key, byte[] value, Map<String, byte[]> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the record: " + e.getMessage(), e);
        }
    }

    public void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the record: " + e.getMessage(), e);
        }
    }

    /** A CloudEvent of a type nobody knows, with an unknown field: consumers must pass over it. */
    public void publishUnknownType(String topic, String key) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/icm/future-service\","
                + "\"type\":\"org.icm.policy.SomethingNew.v1\",\"subject\":\"" + key + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"whatever\":1}}";
        sendRaw(topic, key, json.getBytes(StandardCharsets.UTF_8));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
        keys.close();
    }
}
