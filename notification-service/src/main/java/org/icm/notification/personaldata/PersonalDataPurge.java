package org.icm.notification.personaldata;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.icm.notification.feed.LiveFeed;
import org.icm.notification.feed.Notification;
import org.icm.notification.mail.Delivery;
import org.icm.notification.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Deletes what this service keeps in clear about an erased person, besides the directory's account: their
 * subscriptions, their feed, their mails (queued, sent or failed: the delivery log holds the address and the text), and
 * any live stream of theirs on this instance. Everything is keyed by the account id, so nothing else is touched; running
 * it twice deletes nothing more.
 */
@Component
public class PersonalDataPurge {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);

    private final MongoTemplate mongo;
    private final LiveFeed liveFeed;

    public PersonalDataPurge(MongoTemplate mongo, LiveFeed liveFeed) {
        this.mongo = mongo;
        this.liveFeed = liveFeed;
    }

    public void forget(String personId) {
        Query theirs = Query.query(where("accountId").is(personId));
        long subscriptions = mongo.remove(Query.query(where("_id").is(personId)), Subscription.class).getDeletedCount();
        long notifications = mongo.remove(theirs, Notification.class).getDeletedCount();
        long mails = mongo.remove(theirs, Delivery.class).getDeletedCount();
        liveFeed.close(personId);
        log.info("erased person {}: {} subscription, {} notifications, {} mails deleted", personId, subscriptions, notifications, mails);
    }
}
