package org.icm.service.integration;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * What a service publishes for each of its stored domain events: a bean of this type, in the service's
 * {@code integration} package, turns the private domain events into the published language of
 * shared-kernel. With it, {@link IntegrationEventPublisherAutoConfiguration} publishes them to Kafka.
 *
 * <p>A mapping must be deterministic: a domain event handled again (after a failed send, a crash or a
 * replay) must map to the same integration events in the same order, because their CloudEvents ids derive
 * from the domain event's id and their position in the answer ({@link IntegrationEventPublisher#cloudEventId}).
 * Take time from the event message, never from a clock.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    /**
     * @param event a domain event as stored, with its identifier, timestamp, metadata and, for aggregate
     *              events, aggregate id and sequence number ({@link org.axonframework.eventhandling.DomainEventMessage})
     * @return the integration events it means, in publishing order; empty for an event other services need not know
     */
    List<OutgoingIntegrationEvent<?>> map(EventMessage<?> event);
}
