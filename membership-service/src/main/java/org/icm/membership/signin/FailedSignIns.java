package org.icm.membership.signin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, one MongoDB document each, keyed by e-mail address ({@code account:...}, whether or not an
 * account has it, so a lock tells nothing about who exists) and by remote address ({@code address:...}). Only
 * failures inside the window count; a TTL index removes older ones (the count ignores them anyway, so a store that
 * does not expire documents still answers right).
 */
@Component
public class FailedSignIns {

    static final String COLLECTION = "signin_failures";

    private final MongoTemplate mongo;
    private final SignInProperties.Lockout rules;
    private final Clock clock;

    FailedSignIns(MongoTemplate mongo, SignInProperties properties, Clock clock) {
        this.mongo = mongo;
        this.rules = properties.lockout();
        this.clock = clock;
        failures().createIndex(Indexes.ascending("key", "at"));
        failures().createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** What the next attempt meets. */
    public record Verdict(boolean locked, Duration delay) {
    }

    public Verdict verdict(String email, String address) {
        long forAccount = count(accountKey(email));
        long forAddress = count(addressKey(address));
        if (forAccount >= rules.lockAfter() || forAddress >= rules.addressLockAfter()) {
            return new Verdict(true, Duration.ZERO);
        }
        long over = Math.max(forAccount, forAddress) - rules.slowAfter() + 1;
        Duration delay = over <= 0 ? Duration.ZERO : rules.delay().multipliedBy(over);
        return new Verdict(false, delay.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : delay);
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        Date expires = Date.from(now.plus(rules.window()));
        failures().insertOne(new Document("key", accountKey(email)).append("at", Date.from(now)).append("expiresAt", expires));
        failures().insertOne(new Document("key", addressKey(address)).append("at", Date.from(now)).append("expiresAt", expires));
    }

    /** A successful sign-in forgets the account's failures (not the address's: one success must not unlock a sweep). */
    public void succeeded(String email) {
        failures().deleteMany(Filters.eq("key", accountKey(email)));
    }

    private long count(String key) {
        Date since = Date.from(clock.instant().minus(rules.window()));
        return failures().countDocuments(Filters.and(Filters.eq("key", key), Filters.gt("at", since)));
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private MongoCollection<Document> failures() {
        return mongo.getCollection(COLLECTION);
    }
}
