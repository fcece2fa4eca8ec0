package org.icm.notification.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.icm.notification.directory.Account;
import org.icm.notification.directory.Directory;
import org.icm.notification.directory.Organisation;
import org.icm.notification.subscription.Subscription;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The active accounts, their organisations and subscriptions, read from MongoDB into memory and used while
 * {@link RecipientChanges} says nothing changed: fanning an event out then costs one read of that counter (per batch of
 * records) instead of three queries per event. Safe with several instances: every instance's writes move the shared
 * counter, and a copy is also read again after {@link #MAX_AGE} in any case.
 */
@Component
public class Recipients {

    /** A copy is never used longer than this, should a writer have stopped between its write and the counter. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final RecipientChanges changes;
    private volatile Snapshot snapshot;

    public Recipients(MongoTemplate mongo, RecipientChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
    }

    /** Who may be notified, as of every write made before this call: one read of the counter, and a reload when it moved. */
    public Snapshot current() {
        long count = changes.count();
        Snapshot known = snapshot;
        if (known != null && known.fresh(count, System.nanoTime())) {
            return known;
        }
        synchronized (this) {
            known = snapshot;
            if (known == null || !known.fresh(count, System.nanoTime())) {
                // the counter was read before the documents: a write after it moves the counter again, so it is seen next time
                known = load(count);
                snapshot = known;
            }
            return known;
        }
    }

    private Snapshot load(long count) {
        List<Account> accounts = mongo.find(Query.query(where("active").is(true)), Account.class);
        Map<String, Organisation> organisations = mongo.findAll(Organisation.class).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        Map<String, Subscription> subscriptions = mongo.findAll(Subscription.class).stream()
                .collect(Collectors.toMap(Subscription::accountId, Function.identity()));
        return new Snapshot(count, System.nanoTime(), accounts, organisations, subscriptions);
    }

    /** One consistent copy: the accounts and what each wants. */
    public record Snapshot(long count, long readAtNanos, List<Account> accounts, Map<String, Organisation> organisations,
                           Map<String, Subscription> subscriptions) {

        boolean fresh(long currentCount, long nowNanos) {
            return count == currentCount && nowNanos - readAtNanos < MAX_AGE.toNanos();
        }

        /** The active accounts the audience admits (the rules of {@link Directory#admits}); one of organisations names none here. */
        public List<Account> admitted(Audience audience) {
            return admitted(audience, Set.of());
        }

        /** The active accounts that may see the happening: its audience, and the organisations it names for one of organisations. */
        public List<Account> admitted(Happening happening) {
            return admitted(happening.audience(), happening.organisations());
        }

        private List<Account> admitted(Audience audience, Set<String> organisationIds) {
            if (audience == Audience.EVERYONE) {
                return accounts;
            }
            return accounts.stream().filter(a -> Directory.admits(audience, organisationIds, a, organisations.get(a.organisationId()))).toList();
        }

        /** The account's subscription; the defaults when it has none yet. */
        public Subscription subscription(String accountId) {
            Subscription subscription = subscriptions.get(accountId);
            return subscription != null ? subscription : Subscription.defaults(accountId);
        }
    }
}
