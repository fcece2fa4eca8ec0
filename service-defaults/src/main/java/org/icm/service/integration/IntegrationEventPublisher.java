package org.icm.service.integration;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The event store is the outbox (ARCHITECTURE.md): this handler reads every stored domain event through its
 * own streaming processor (token in MongoDB), asks the service's {@link IntegrationEventMapper} what it
 * means to other services, and sends each integration event to Kafka as a structured CloudEvent, keyed by
 * its subject. It waits for the broker's acknowledgement of every record; a send that fails or times out
 * throws, the processor rolls the batch back without moving its token and tries again later (see
 * {@link IntegrationEventPublisherAutoConfiguration} for the error handling). Delivery is therefore
 * at-least-once, in order per aggregate: a retried batch may send a record again, with the same
 * CloudEvents id, which consumers use to drop duplicates.
 */
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
// a replay would publish every fact again: consumers would drop the duplicates, but it is never needed
@DisallowReplay
public class IntegrationEventPublisher {

    /** The processing group, and the processor name under which its tokens are stored. */
    public static final String PROCESSING_GROUP = "integration-event-publisher";
    /** The Kafka header of the CloudEvents Kafka binding, structured mode. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private final IntegrationEventMapper mapper;
    private final KafkaTemplate<String, byte[]> kafka;
    private final IntegrationEventCodec codec;
    private final Duration sendTimeout;

    public IntegrationEventPublisher(IntegrationEventMapper mapper, KafkaTemplate<String, byte[]> kafka, IntegrationEventCodec codec,
                                     Duration sendTimeout) {
        this.mapper = mapper;
        this.kafka = kafka;
        this.codec = codec;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    void publish(EventMessage<?> event) {
        List<OutgoingIntegrationEvent<?>> outgoing = mapper.map(event);
        for (int index = 0; index < outgoing.size(); index++) {
            send(outgoing.get(index), cloudEventId(event.getIdentifier(), index), event.getTimestamp());
        }
    }

    /**
     * The CloudEvents id of the {@code index}-th integration event of a domain event: the domain event's own
     * (unique, stored) identifier, with {@code #index} after it from the second on. The same stored fact
     * always gets the same id, however often it is sent.
     */
    public static String cloudEventId(String domainEventIdentifier, int index) {
        return index == 0 ? domainEventIdentifier : domainEventIdentifier + "#" + index;
    }

    private <E extends IntegrationEvent> void send(OutgoingIntegrationEvent<E> outgoing, String id, Instant time) {
        CloudEvent envelope = codec.envelope(outgoing.type(), outgoing.event(), id, time);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(outgoing.type().topic().topicName(), outgoing.event().subject(),
                codec.encode(envelope));
        record.headers().add(new RecordHeader(CONTENT_TYPE_HEADER, CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notPublished(outgoing, id, e);
        } catch (ExecutionException e) {
            throw notPublished(outgoing, id, e.getCause());
        } catch (TimeoutException e) {
            throw notPublished(outgoing, id, e);
        }
    }

    private static IllegalStateException notPublished(OutgoingIntegrationEvent<?> outgoing, String id, Throwable cause) {
        return new IllegalStateException("Kafka did not acknowledge " + outgoing.type().name() + " " + id + " for "
                + outgoing.event().subject() + "; the event processor will retry it", cause);
    }
}
