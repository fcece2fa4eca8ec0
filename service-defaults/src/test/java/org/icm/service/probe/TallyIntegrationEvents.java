package org.icm.service.probe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;
import org.icm.service.integration.IntegrationEventMapper;
import org.icm.service.integration.OutgoingIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * The probe service's published language and its mapper: an opened tally is published as "started" and
 * "reached 0", a count as "reached". A tally whose name starts with {@code flaky} is published with a second
 * event too large for Kafka on its first {@link #FLAKY_FAILURES} attempts, so the broker refuses it.
 */
@Component
class TallyIntegrationEvents implements IntegrationEventMapper {

    static final int FLAKY_FAILURES = 2;
    /** Over the producer's default max.request.size of 1 MiB. */
    static final int TOO_LARGE = 1_200_000;

    record TallyStarted(String tallyId, String name) implements IntegrationEvent {
        @Override
        public String subject() {
            return tallyId;
        }
    }

    record TallyReached(String tallyId, int total, String padding) implements IntegrationEvent {
        @Override
        public String subject() {
            return tallyId;
        }
    }

    static final IntegrationEventType<TallyStarted> STARTED =
            new IntegrationEventType<>("org.icm.probe.TallyStarted.v1", Topic.EVENTS, TallyStarted.class);
    static final IntegrationEventType<TallyReached> REACHED =
            new IntegrationEventType<>("org.icm.probe.TallyReached.v1", Topic.EVENTS, TallyReached.class);

    /** How often each domain event was mapped, by its identifier. */
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    public List<OutgoingIntegrationEvent<?>> map(EventMessage<?> event) {
        int attempt = attempts.computeIfAbsent(event.getIdentifier(), id -> new AtomicInteger()).incrementAndGet();
        return switch (event.getPayload()) {
            case Tally.TallyOpened opened -> List.of(
                    OutgoingIntegrationEvent.of(STARTED, new TallyStarted(opened.tallyId(), opened.name())),
                    OutgoingIntegrationEvent.of(REACHED, new TallyReached(opened.tallyId(), 0,
                            opened.name().startsWith("flaky") && attempt <= FLAKY_FAILURES ? "x".repeat(TOO_LARGE) : "")));
            case Tally.TallyCounted counted -> List.of(
                    OutgoingIntegrationEvent.of(REACHED, new TallyReached(counted.tallyId(), counted.total(), "")));
            default -> List.of();
        };
    }
}
