package org.icm.notification.feed;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Set;
import org.icm.notification.Bulk;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The notifications of every account, in MongoDB. */
@Component
public class Feed {

    private final MongoTemplate mongo;

    public Feed(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Writes the notification unless it exists; true when this call wrote it (and so must announce it). */
    public boolean add(Notification notification) {
        try {
            mongo.insert(notification);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Writes the notifications that do not exist yet, in one unordered bulk write (a notification that exists is a duplicate
     * key, and the others are still written); answers the ids this call wrote.
     */
    public Set<String> addAll(List<Notification> notifications) {
        return Bulk.insertNew(mongo, Notification.class, notifications, Notification::id);
    }

    /** One page of an account's feed: unread first, newest first within each. */
    public List<Notification> page(String accountId, int page, int size) {
        return mongo.find(inFeed(accountId).with(Sort.by(Sort.Order.asc("read"), Sort.Order.desc("occurredAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size), Notification.class);
    }

    public long count(String accountId) {
        return mongo.count(inFeed(accountId), Notification.class);
    }

    public long unread(String accountId) {
        return mongo.count(inFeed(accountId).addCriteria(where("read").is(false)), Notification.class);
    }

    /** Marks one of the account's own notifications read; false when the account has no such notification. */
    public boolean markRead(String accountId, String id) {
        return mongo.updateFirst(inFeed(accountId).addCriteria(where("_id").is(id)), new Update().set("read", true), Notification.class)
                .getMatchedCount() > 0;
    }

    public long markAllRead(String accountId) {
        return mongo.updateMulti(inFeed(accountId).addCriteria(where("read").is(false)), new Update().set("read", true), Notification.class)
                .getModifiedCount();
    }

    private static Query inFeed(String accountId) {
        return Query.query(where("accountId").is(accountId).and("inFeed").is(true));
    }
}
