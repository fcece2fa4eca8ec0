package org.icm.kernel.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.kernel.privacy.PersonalDataModule;

/**
 * Wraps integration events in a CloudEvents 1.0 envelope (id, source, type, time, subject, JSON data)
 * and reads them back, in the structured JSON format ({@code application/cloudevents+json}) so that a
 * message on a topic or in a dead-letter store describes itself.
 *
 * <p>Readers ignore unknown fields, and {@link #payload(CloudEvent)} answers empty for a type it does not
 * know: producers may add fields and types without breaking consumers.
 */
public final class IntegrationEventCodec {

    private static final EventFormat FORMAT = new JsonFormat();
    private final ObjectMapper json;
    private final URI source;
    private final Map<String, IntegrationEventType<?>> knownTypes;

    /**
     * A codec for events without personal data: one that meets a {@link org.icm.kernel.privacy.PersonalData} value
     * fails rather than write it in clear or read it as erased.
     */
    public IntegrationEventCodec(URI source, Collection<IntegrationEventType<?>> knownTypes) {
        this(source, knownTypes, PersonalDataKeys.NONE);
    }

    /**
     * @param source     the publishing service, e.g. {@code /icm/policy-service}
     * @param knownTypes the types this codec can turn back into records
     * @param keys       the people's keys: personal values travel on Kafka sealed with them, never in clear
     */
    public IntegrationEventCodec(URI source, Collection<IntegrationEventType<?>> knownTypes, PersonalDataKeys keys) {
        this.source = source;
        this.knownTypes = knownTypes.stream()
                .collect(Collectors.toUnmodifiableMap(IntegrationEventType::name, Function.identity()));
        this.json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .addModule(new PersonalDataModule(keys))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * Puts an event in its envelope. The id must be stable for the fact (the domain event's id), so a
     * republished event has the same id and consumers can drop the duplicate.
     */
    public <E extends IntegrationEvent> CloudEvent envelope(IntegrationEventType<E> type, E event, String id, Instant time) {
        return envelope(type, event, id, time, Map.of());
    }

    /**
     * The same, carrying the trace that published it in the CloudEvents distributed-tracing extension
     * ({@code traceparent}, {@code tracestate}: W3C Trace Context fields; none when {@code trace} has none).
     */
    public <E extends IntegrationEvent> CloudEvent envelope(IntegrationEventType<E> type, E event, String id, Instant time,
                                                           Map<String, String> trace) {
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1();
            if (trace.get(DistributedTracingExtension.TRACEPARENT) != null) {
                DistributedTracingExtension tracing = new DistributedTracingExtension();
                tracing.setTraceparent(trace.get(DistributedTracingExtension.TRACEPARENT));
                tracing.setTracestate(trace.get(DistributedTracingExtension.TRACESTATE));
                builder.withExtension(tracing);
            }
            return builder
                    .withId(id)
                    .withSource(source)
                    .withType(type.name())
                    .withTime(time.atOffset(ZoneOffset.UTC))
                    .withSubject(event.subject())
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(event))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + type.name(), e);
        }
    }

    /** The W3C Trace Context fields of the envelope's distributed-tracing extension; empty when it has none. */
    public static Map<String, String> trace(CloudEvent envelope) {
        Map<String, String> fields = new HashMap<>();
        for (String name : List.of(DistributedTracingExtension.TRACEPARENT, DistributedTracingExtension.TRACESTATE)) {
            if (envelope.getExtension(name) != null) {
                fields.put(name, envelope.getExtension(name).toString());
            }
        }
        return fields;
    }

    /** The envelope as structured-mode JSON bytes. */
    public byte[] encode(CloudEvent envelope) {
        return FORMAT.serialize(envelope);
    }

    /** Reads structured-mode JSON bytes; throws {@link io.cloudevents.core.format.EventDeserializationException} on anything else. */
    public CloudEvent decode(byte[] bytes) {
        return FORMAT.deserialize(bytes);
    }

    /** The record inside the envelope, or empty when this codec does not know the type. */
    public Optional<IntegrationEvent> payload(CloudEvent envelope) {
        IntegrationEventType<?> type = knownTypes.get(envelope.getType());
        if (type == null) {
            return Optional.empty();
        }
        if (envelope.getData() == null) {
            throw new IllegalArgumentException("CloudEvent " + envelope.getId() + " of type " + type.name() + " has no data");
        }
        try {
            return Optional.of(json.readValue(envelope.getData().toBytes(), type.payloadType()));
        } catch (IOException e) {
            throw new IllegalArgumentException("CloudEvent " + envelope.getId() + " has unreadable " + type.name() + " data", e);
        }
    }
}
