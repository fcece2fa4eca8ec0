package org.icm.service.integration;

import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.service.tracing.TraceContexts;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The event store is the outbox (ARCHITECTURE.md): this handler reads every stored domain event through its
 * own streaming processor (token in MongoDB), asks the service's {@link IntegrationEventMapper} what it
 * means to other services, and sends each integration event to Kafka as a structured CloudEvent, keyed by
 * its subject. It waits for the broker's acknowledgement of every record before the processor may move its
 * token: within a batch of events it sends them all and waits once, at the batch's last event (a round trip to
 * the broker per batch, not per event; the producer keeps them in order). A send that fails or times out
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
    private static final String PENDING = IntegrationEventPublisher.class.getName() + ".pending";

    private final IntegrationEventMapper mapper;
    private final KafkaTemplate<String, byte[]> kafka;
    private final IntegrationEventCodec codec;
    private final Duration sendTimeout;
    private final TraceContexts traces;

    public IntegrationEventPublisher(IntegrationEventMapper mapper, KafkaTemplate<String, byte[]> kafka, IntegrationEventCodec codec,
                                     Duration sendTimeout, TraceContexts traces) {
        this.mapper = mapper;
        this.kafka = kafka;
        this.codec = codec;
        this.sendTimeout = sendTimeout;
        this.traces = traces;
    }

    @EventHandler
    void publish(EventMessage<?> event) {
        List<OutgoingIntegrationEvent<?>> outgoing = mapper.map(event);
        List<Pending> pending = pendingInThisBatch();
        Map<String, String> stored = storedTrace(event);
        for (int index = 0; index < outgoing.size(); index++) {
            OutgoingIntegrationEvent<?> next = outgoing.get(index);
            String id = cloudEventId(event.getIdentifier(), index);
            // a span of the request's trace (which the event's metadata kept), whose context the envelope carries on
            pending.add(traces.inSpan("publish " + next.type().name(), Span.Kind.PRODUCER, stored,
                    () -> send(next, id, event.getTimestamp(), traces.current())));
        }
        if (isLastOfBatch()) {
            awaitAcknowledgements(pending);
        }
    }

    /** A record sent and not yet acknowledged, with what to say if it never is. */
    private record Pending(CompletableFuture<?> acknowledgement, OutgoingIntegrationEvent<?> outgoing, String id) {
    }

    /**
     * The sends of the batch being processed. The processor stores its token when the batch commits, which is after
     * the handler has run for the batch's last event; that is where the batch waits for the broker.
     */
    private static List<Pending> pendingInThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ArrayList<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> new ArrayList<Pending>());
    }

    /** Outside a batching unit of work (tests, direct calls) every event is its own batch. */
    private static boolean isLastOfBatch() {
        return !CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)
                || batch.isLastMessage();
    }

    private void awaitAcknowledgements(List<Pending> pending) {
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        try {
            for (Pending sent : pending) {
                try {
                    sent.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notPublished(sent.outgoing(), sent.id(), e);
                } catch (ExecutionException e) {
                    throw notPublished(sent.outgoing(), sent.id(), e.getCause());
                } catch (TimeoutException e) {
                    throw notPublished(sent.outgoing(), sent.id(), e);
                }
            }
        } finally {
            pending.clear();
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

    /** The W3C trace fields the event's metadata kept from the request that caused it (AxonPostgresAutoConfiguration's traceCorrelation). */
    private static Map<String, String> storedTrace(EventMessage<?> event) {
        Map<String, String> fields = new HashMap<>();
        for (String name : List.of(TraceContexts.TRACEPARENT, TraceContexts.TRACESTATE)) {
            if (event.getMetaData().get(name) instanceof String value) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    private <E extends IntegrationEvent> Pending send(OutgoingIntegrationEvent<E> outgoing, String id, Instant time, Map<String, String> trace) {
        CloudEvent envelope = codec.envelope(outgoing.type(), outgoing.event(), id, time, trace);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(outgoing.type().topic().topicName(), outgoing.event().subject(),
                codec.encode(envelope));
        record.headers().add(new RecordHeader(CONTENT_TYPE_HEADER, CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8)));
        return new Pending(kafka.send(record), outgoing, id);
    }

    private static IllegalStateException notPublished(OutgoingIntegrationEvent<?> outgoing, String id, Throwable cause) {
        return new IllegalStateException("Kafka did not acknowledge " + outgoing.type().name() + " " + id + " for "
                + outgoing.event().subject() + "; the event processor will retry it", cause);
    }
}
