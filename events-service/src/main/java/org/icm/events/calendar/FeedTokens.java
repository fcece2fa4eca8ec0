package org.icm.events.calendar;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The secret in the URL of an account's personal calendar feed. Calendar apps cannot send a bearer token, so
 * the URL itself is the key: 256 random bits, shown to the account once. Only its SHA-256 is stored (a
 * leaked database does not leak working feed URLs; the token's entropy makes a slow hash unnecessary). One
 * token per account: making a new one revokes the old one, and the account can revoke it outright.
 */
@Component
public class FeedTokens {

    static final String COLLECTION = "personal_feed_tokens";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Clock clock;

    public FeedTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A new token for the account, replacing any earlier one. */
    public String issue(String accountId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens().replaceOne(Filters.eq("_id", accountId), new Document("_id", accountId).append("hash", hash(token))
                .append("issuedAt", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
        return token;
    }

    /** @return whether there was a token to revoke */
    public boolean revoke(String accountId) {
        return tokens().deleteOne(Filters.eq("_id", accountId)).getDeletedCount() > 0;
    }

    /** Whether the account has a personal feed address (only its hash is kept, so the address itself cannot be shown). */
    public boolean issued(String accountId) {
        return tokens().countDocuments(Filters.eq("_id", accountId)) > 0;
    }

    /** The account a token belongs to, if it is current. */
    public Optional<String> accountOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens().find(Filters.eq("hash", hash(token))).first()).map(doc -> doc.getString("_id"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private MongoCollection<Document> tokens() {
        return mongo.getCollection(COLLECTION);
    }
}
