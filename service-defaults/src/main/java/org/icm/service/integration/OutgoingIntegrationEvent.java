package org.icm.service.integration;

import java.util.Objects;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventType;

/** One integration event to publish, with its type, which names its CloudEvents type and its topic. */
public record OutgoingIntegrationEvent<E extends IntegrationEvent>(IntegrationEventType<E> type, E event) {

    public OutgoingIntegrationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.subject(), () -> type.name() + " has no subject (the Kafka key)");
    }

    public static <E extends IntegrationEvent> OutgoingIntegrationEvent<E> of(IntegrationEventType<E> type, E event) {
        return new OutgoingIntegrationEvent<>(type, event);
    }
}
