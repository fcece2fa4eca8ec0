package org.icm.notification.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.icm.notification.routing.RecipientChanges;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Subscriptions in MongoDB, one document per account. */
@Component
public class Subscriptions {

    private final MongoTemplate mongo;
    private final RecipientChanges changes;

    public Subscriptions(MongoTemplate mongo, RecipientChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
    }

    /** Gives a newly activated account the defaults; an account that already has a subscription keeps it. */
    public void ensureDefaults(String accountId) {
        Subscription defaults = Subscription.defaults(accountId);
        Update update = new Update();
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(defaults, document);
        document.forEach((field, value) -> {
            if (!"_id".equals(field) && !"_class".equals(field)) {
                update.setOnInsert(field, value);
            }
        });
        mongo.upsert(Query.query(where("_id").is(accountId)), update, Subscription.class);
        changes.changed();
    }

    /** The account's subscription; defaults when it has none yet (its activation may not have reached us). */
    public Subscription of(String accountId) {
        Subscription subscription = mongo.findById(accountId, Subscription.class);
        return subscription != null ? subscription : Subscription.defaults(accountId);
    }

    public Map<String, Subscription> of(Collection<String> accountIds) {
        Map<String, Subscription> found = mongo.find(Query.query(where("_id").in(accountIds)), Subscription.class).stream()
                .collect(Collectors.toMap(Subscription::accountId, Function.identity()));
        return accountIds.stream().collect(Collectors.toMap(Function.identity(),
                id -> found.getOrDefault(id, Subscription.defaults(id)), (a, b) -> a));
    }

    public Subscription save(Subscription subscription) {
        Subscription saved = mongo.save(subscription);
        changes.changed();
        return saved;
    }
}
