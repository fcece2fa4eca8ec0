package org.icm.notification;

import org.icm.notification.consumption.EventHandling;
import org.icm.notification.deadletter.DeadLetter;
import org.icm.notification.directory.Account;
import org.icm.notification.feed.Notification;
import org.icm.notification.mail.Delivery;
import org.icm.notification.routing.Happening;
import org.icm.notification.tracking.TrackedConsultation;
import org.icm.notification.tracking.TrackedMeeting;
import org.icm.notification.tracking.TrackedTransposition;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The secondary indexes of the queries this service makes (feed pages, due mails, pending digests, reminders, coming and
 * passed transposition deadlines). Every uniqueness this service relies on is the _id of a document, which MongoDB always
 * indexes uniquely. Creating an index that exists is a no-op, so every instance does it at start.
 */
@Component
class MongoIndexes {

    MongoIndexes(MongoTemplate mongo) {
        mongo.indexOps(Notification.class).createIndex(new Index().on("accountId", Direction.ASC).on("inFeed", Direction.ASC)
                .on("read", Direction.ASC).on("occurredAt", Direction.DESC));
        mongo.indexOps(Notification.class).createIndex(new Index().on("digest", Direction.ASC).on("digestId", Direction.ASC)
                .on("createdAt", Direction.ASC));
        mongo.indexOps(Delivery.class).createIndex(new Index().on("status", Direction.ASC).on("nextAttemptAt", Direction.ASC));
        mongo.indexOps(Delivery.class).createIndex(new Index().on("accountId", Direction.ASC).on("createdAt", Direction.DESC));
        mongo.indexOps(Account.class).createIndex(new Index().on("active", Direction.ASC));
        mongo.indexOps(DeadLetter.class).createIndex(new Index().on("status", Direction.ASC).on("diedAt", Direction.DESC));
        mongo.indexOps(TrackedConsultation.class).createIndex(new Index().on("closed", Direction.ASC).on("closesAt", Direction.ASC));
        // the expiry of the records that make handling idempotent (HandledEventsExpiry)
        mongo.indexOps(EventHandling.Processed.class).createIndex(new Index().on("at", Direction.ASC));
        mongo.indexOps(Happening.class).createIndex(new Index().on("occurredAt", Direction.ASC));
        mongo.indexOps(TrackedMeeting.class).createIndex(new Index().on("cancelled", Direction.ASC).on("startsAt", Direction.ASC));
        // a briefing looks for the previous meeting held
        mongo.indexOps(TrackedMeeting.class).createIndex(new Index().on("cancelled", Direction.ASC).on("endsAt", Direction.DESC));
        // the transposition deadlines coming soon and passed lately (TranspositionDeadlines)
        mongo.indexOps(TrackedTransposition.class).createIndex(new Index().on("transpositionDeadline", Direction.ASC));
    }
}
