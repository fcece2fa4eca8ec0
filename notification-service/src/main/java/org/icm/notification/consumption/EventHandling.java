package org.icm.notification.consumption;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.membership.MembershipIntegrationEvent;
import org.icm.notification.directory.Account;
import org.icm.notification.directory.Directory;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Happenings;
import org.icm.notification.routing.Router;
import org.icm.notification.subscription.Subscriptions;
import org.icm.notification.tracking.Tracking;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Handles one integration event, so that handling it again (a redelivery, also after a crash half-way) changes
 * nothing. MongoDB gives no transaction over several documents here, so every step is idempotent by itself:
 * <ol>
 *   <li>an event whose id is in {@code processed} was fully handled: skip it;</li>
 *   <li>what the event means (its {@link Happening}) is decided from the state before it and stored under its id,
 *       first writer wins, so a second pass uses the first decision even though the state has moved on;</li>
 *   <li>the directory and tracked state are set from the event (upserts of what it says);</li>
 *   <li>the happening is fanned out: notifications and mails keyed by (event id, account);</li>
 *   <li>the id goes into {@code processed} (its _id, hence unique).</li>
 * </ol>
 */
@Component
public class EventHandling {

    @Document("processed")
    record Processed(@Id String id, String type, Instant at) {
    }

    private final IntegrationEventCodec codec;
    private final MongoTemplate mongo;
    private final Directory directory;
    private final Subscriptions subscriptions;
    private final Tracking tracking;
    private final Happenings happenings;
    private final Router router;
    private final Clock clock;

    public EventHandling(IntegrationEventCodec codec, MongoTemplate mongo, Directory directory, Subscriptions subscriptions,
                         Tracking tracking, Happenings happenings, Router router, Clock clock) {
        this.codec = codec;
        this.mongo = mongo;
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.tracking = tracking;
        this.happenings = happenings;
        this.router = router;
        this.clock = clock;
    }

    /** Handles the envelope; answers false when it had been handled before. */
    public boolean handle(CloudEvent envelope) {
        String id = envelope.getId();
        if (mongo.exists(Query.query(where("_id").is(id)), Processed.class)) {
            return false;
        }
        Optional<IntegrationEvent> payload = codec.payload(envelope);
        if (payload.isPresent()) {
            IntegrationEvent event = payload.get();
            Instant occurredAt = envelope.getTime() != null ? envelope.getTime().toInstant() : clock.instant();
            Happening happening = decideOnce(happenings.decide(id, occurredAt, event));
            if (event instanceof MembershipIntegrationEvent membership) {
                directory.apply(membership).map(Account::id).ifPresent(subscriptions::ensureDefaults);
            }
            tracking.apply(event);
            router.fanOut(happening);
        }
        // an unknown type is ignored, and remembered as handled like any other
        try {
            mongo.insert(new Processed(id, envelope.getType(), clock.instant()));
        } catch (DuplicateKeyException anotherInstanceFinishedFirst) {
            // nothing to do: the event is handled
        }
        return true;
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
