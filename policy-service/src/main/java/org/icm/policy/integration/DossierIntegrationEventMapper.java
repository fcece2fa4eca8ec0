package org.icm.policy.integration;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierState;
import org.icm.service.integration.IntegrationEventMapper;
import org.icm.service.integration.OutgoingIntegrationEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns policy-service's stored domain events into its published language ({@code org.icm.kernel.events.policy});
 * service-defaults' outbox publisher sends what this answers to Kafka. The dossier's state before and after
 * each event comes from {@link DossierHistory}, the translation from {@link DossierEventTranslation}.
 */
@Component
class DossierIntegrationEventMapper implements IntegrationEventMapper {

    private final DossierHistory history;

    @Autowired
    DossierIntegrationEventMapper(EventStore eventStore) {
        // from sequence number 0, never from a snapshot: the fold needs the events themselves
        this(new DossierHistory(dossierId -> eventStore.readEvents(dossierId, 0).asStream()));
    }

    DossierIntegrationEventMapper(DossierHistory history) {
        this.history = history;
    }

    @Override
    public List<OutgoingIntegrationEvent<?>> map(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> stored) || !(stored.getPayload() instanceof DossierEvent event)) {
            return List.of();
        }
        DossierState before = history.before(stored);
        DossierState after = before.apply(event);
        history.remember(stored, after);
        return DossierEventTranslation.of(event, before, after);
    }
}
