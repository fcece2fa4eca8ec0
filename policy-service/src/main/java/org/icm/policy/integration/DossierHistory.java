package org.icm.policy.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierState;

/**
 * The state of a dossier just before one of its events, by the one fold the aggregate decides with
 * ({@link DossierState#fold}): what a domain event alone does not say (a measure's stage before a step, its
 * title, the dossier's title and policy area) comes from the same function, never from a second copy of
 * the rules.
 *
 * <p>A streaming processor hands a dossier's events over in order, so the state after the previous event
 * is usually at hand: the last state folded per dossier is kept, keyed by the sequence number it is the
 * state after, for a bounded number of dossiers. Whenever it is not the state right before the event
 * (first event seen since start, a retried or replayed event, a dossier evicted, a segment that moved
 * here from another instance), the dossier's stream is read from the event store up to the event and
 * folded again. So the answer never depends on what this instance happened to see before.
 */
final class DossierHistory {

    static final int CACHED_DOSSIERS = 256;

    private record Folded(long sequenceNumber, DossierState state) {
    }

    private final Function<String, Stream<? extends DomainEventMessage<?>>> storedEvents;
    private final Map<String, Folded> lastFolded = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
            return size() > CACHED_DOSSIERS;
        }
    };

    /** @param storedEvents an aggregate's stored events from sequence number 0, in order */
    DossierHistory(Function<String, Stream<? extends DomainEventMessage<?>>> storedEvents) {
        this.storedEvents = storedEvents;
    }

    /** The dossier as it was before this event of it. */
    DossierState before(DomainEventMessage<?> event) {
        String dossierId = event.getAggregateIdentifier();
        long sequenceNumber = event.getSequenceNumber();
        Folded cached;
        synchronized (lastFolded) {
            cached = lastFolded.get(dossierId);
        }
        if (cached != null && cached.sequenceNumber() == sequenceNumber - 1) {
            return cached.state();
        }
        List<DossierEvent> earlier;
        try (Stream<? extends DomainEventMessage<?>> stored = storedEvents.apply(dossierId)) {
            earlier = stored.takeWhile(message -> message.getSequenceNumber() < sequenceNumber)
                    .map(message -> (DossierEvent) message.getPayload())
                    .toList();
        }
        if (earlier.size() != sequenceNumber) {
            // the event is stored, so everything before it is too; anything else is a fault to retry, not to publish
            throw new IllegalStateException("dossier " + dossierId + " has " + earlier.size() + " stored events before event #"
                    + sequenceNumber + "; expected " + sequenceNumber);
        }
        return DossierState.fold(earlier);
    }

    /** Keeps the state after this event, for the dossier's next event. */
    void remember(DomainEventMessage<?> event, DossierState after) {
        synchronized (lastFolded) {
            lastFolded.put(event.getAggregateIdentifier(), new Folded(event.getSequenceNumber(), after));
        }
    }
}
