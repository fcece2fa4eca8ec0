package org.icm.notification.consumption;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.membership.MembershipIntegrationEvent;
import org.icm.kernel.events.policy.DossierIntegrationEvent;
import org.icm.notification.directory.Account;
import org.icm.notification.directory.Directory;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Happenings;
import org.icm.notification.routing.Recipients;
import org.icm.notification.routing.Router;
import org.icm.notification.subscription.Subscriptions;
import org.icm.notification.tracking.BatchDossiers;
import org.icm.notification.tracking.Tracking;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Handles integration events, in the order of a batch of records, so that handling one again (a redelivery, also after a
 * crash half-way) changes nothing. MongoDB gives no transaction over several documents here, so every step is idempotent
 * by itself:
 * <ol>
 *   <li>an event whose id is in {@code processed} was fully handled: skip it (one query for the batch);</li>
 *   <li>what the event means (its {@link Happening}) is decided from the state before it; a decision that read tracked
 *       state is stored under its id, first writer wins, so a second pass uses the first decision even though the state
 *       has moved on (a decision from the event alone comes out the same every time, and is not stored);</li>
 *   <li>the directory and tracked state are set from the event (upserts of what it says);</li>
 *   <li>the happening is fanned out: notifications and mails keyed by (event id, account);</li>
 *   <li>the ids go into {@code processed} (its _id, hence unique), for the handled events of the batch at once.</li>
 * </ol>
 * Per batch rather than per event: the processed check and marks, one read of the dossiers the batch is about, and one
 * look at whether the recipients changed ({@link Recipients}); so the more records wait, the fewer round trips each costs.
 */
@Component
public class EventHandling {

    @Document("processed")
    record Processed(@Id String id, String type, Instant at) {
    }

    /** The event at {@code index} of a batch failed; the events before it were handled and marked. */
    public static final class Failed extends RuntimeException {

        private final int index;

        Failed(int index, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private final IntegrationEventCodec codec;
    private final MongoTemplate mongo;
    private final Directory directory;
    private final Subscriptions subscriptions;
    private final Tracking tracking;
    private final Happenings happenings;
    private final Recipients recipients;
    private final Router router;
    private final Clock clock;

    public EventHandling(IntegrationEventCodec codec, MongoTemplate mongo, Directory directory, Subscriptions subscriptions,
                         Tracking tracking, Happenings happenings, Recipients recipients, Router router, Clock clock) {
        this.codec = codec;
        this.mongo = mongo;
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.tracking = tracking;
        this.happenings = happenings;
        this.recipients = recipients;
        this.router = router;
        this.clock = clock;
    }

    /** Handles the envelope; answers false when it had been handled before. */
    public boolean handle(CloudEvent envelope) {
        return handle(List.of(envelope)) == 1;
    }

    /**
     * Handles the envelopes in their order; answers how many had not been handled before. When one fails, the ones before
     * it are marked handled and {@link Failed} says which one it was.
     */
    public int handle(List<CloudEvent> envelopes) {
        Set<String> handledBefore = handledBefore(envelopes);
        List<Decoded> decoded = new ArrayList<>(envelopes.size());
        RuntimeException unreadable = null;
        for (CloudEvent envelope : envelopes) {
            try {
                decoded.add(new Decoded(envelope, handledBefore.contains(envelope.getId()) ? Optional.empty() : codec.payload(envelope)));
            } catch (RuntimeException e) {
                // the events before it are handled; this one then fails alone
                unreadable = e;
                break;
            }
        }
        BatchDossiers dossiers = tracking.prefetch(decoded.stream().flatMap(d -> d.payload().stream())
                .filter(DossierIntegrationEvent.class::isInstance).map(e -> ((DossierIntegrationEvent) e).dossierId())
                .collect(Collectors.toSet()));
        Recipients.Snapshot known = recipients.current();
        List<Processed> done = new ArrayList<>();
        int handled = 0;
        for (int index = 0; index < decoded.size(); index++) {
            Decoded next = decoded.get(index);
            CloudEvent envelope = next.envelope();
            if (handledBefore.contains(envelope.getId())) {
                continue;
            }
            try {
                if (next.payload().isPresent()) {
                    known = handle(envelope, next.payload().get(), dossiers, known);
                }
            } catch (RuntimeException e) {
                markProcessed(done);
                throw new Failed(index, e);
            }
            // an unknown type is ignored, and remembered as handled like any other
            done.add(new Processed(envelope.getId(), envelope.getType(), clock.instant()));
            handled++;
        }
        markProcessed(done);
        if (unreadable != null) {
            throw new Failed(decoded.size(), unreadable);
        }
        return handled;
    }

    private record Decoded(CloudEvent envelope, Optional<IntegrationEvent> payload) {
    }

    private Recipients.Snapshot handle(CloudEvent envelope, IntegrationEvent event, BatchDossiers dossiers, Recipients.Snapshot known) {
        String id = envelope.getId();
        Instant occurredAt = envelope.getTime() != null ? envelope.getTime().toInstant() : clock.instant();
        Happening decided = happenings.decide(id, occurredAt, event, dossiers);
        Happening happening = Happenings.readsState(event) ? decideOnce(decided) : decided;
        Recipients.Snapshot recipientsNow = known;
        if (event instanceof MembershipIntegrationEvent membership) {
            directory.apply(membership).map(Account::id).ifPresent(subscriptions::ensureDefaults);
            // the events after it in the batch see the directory as it changed
            recipientsNow = recipients.current();
        }
        tracking.apply(event, dossiers);
        router.fanOut(happening, recipientsNow);
        return recipientsNow;
    }

    private Set<String> handledBefore(List<CloudEvent> envelopes) {
        Query ids = Query.query(where("_id").in(envelopes.stream().map(CloudEvent::getId).toList()));
        ids.fields().include("_id");
        return new HashSet<>(mongo.find(ids, Processed.class).stream().map(Processed::id).toList());
    }

    /** One write for the batch; an id another instance (or an earlier, interrupted pass) marked already is fine. */
    private void markProcessed(List<Processed> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkMode.UNORDERED, Processed.class).insert(done).execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        } catch (DuplicateKeyException anotherInstanceFinishedFirst) {
            // nothing to do: the events are handled
        }
        done.clear();
    }

    private Happening decideOnce(Happening decided) {
        try {
            mongo.insert(decided);
            return decided;
        } catch (DuplicateKeyException decidedBefore) {
            return mongo.findById(decided.id(), Happening.class);
        }
    }
}
