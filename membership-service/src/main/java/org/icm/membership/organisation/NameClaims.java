package org.icm.membership.organisation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.text.Normalizer;
import java.util.Locale;
import org.bson.Document;
import org.icm.service.rules.RuleViolation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Organisation names are unique across ICM. An aggregate sees only itself, so the name is claimed here before the
 * command is sent: one document per normalised name, whose {@code _id} is the name, so two concurrent claims of the
 * same name cannot both succeed (the unique {@code _id} index decides). A claim is released when the command fails,
 * when an application is rejected or an organisation withdraws, and when a rename succeeds (the old name).
 */
@Component
public class NameClaims {

    static final String COLLECTION = "organisation_names";

    private final MongoTemplate mongo;

    public NameClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Case, accents, punctuation and spacing do not make a name different: "Child Circle" = "child-circle". */
    public static String normalise(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Claims the name for the organisation, or refuses with a 422 naming the field when another holds it. */
    public void claim(String name, String organisationId) {
        if (name == null || name.isBlank()) {
            return; // the aggregate names the blank field
        }
        String key = normalise(name);
        Document held = names().find(Filters.eq("_id", key)).first();
        if (held != null && organisationId.equals(held.getString("organisationId"))) {
            return;
        }
        try {
            names().insertOne(new Document("_id", key).append("organisationId", organisationId).append("name", name.strip()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw RuleViolation.conflict("name", "duplicate-name", "an organisation named '" + name.strip() + "' is already a member or applying");
            }
            throw e;
        }
    }

    /** Frees the name if this organisation holds it. */
    public void release(String name, String organisationId) {
        if (name != null && !name.isBlank()) {
            names().deleteOne(Filters.and(Filters.eq("_id", normalise(name)), Filters.eq("organisationId", organisationId)));
        }
    }

    /** Frees whatever name the organisation holds: after a rejection or a withdrawal. */
    public void releaseAllOf(String organisationId) {
        names().deleteMany(Filters.eq("organisationId", organisationId));
    }

    /** The name the organisation holds now, if any. */
    public java.util.Optional<String> heldBy(String organisationId) {
        return java.util.Optional.ofNullable(names().find(Filters.eq("organisationId", organisationId)).first()).map(doc -> doc.getString("name"));
    }

    private MongoCollection<Document> names() {
        return mongo.getCollection(COLLECTION);
    }
}
