package org.icm.membership.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.icm.membership.organisation.OrganisationEvent;
import org.icm.membership.organisation.OrganisationState;
import org.icm.membership.organisation.OrganisationState.Account;
import org.icm.membership.organisation.OrganisationStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of organisations in MongoDB: one document per organisation holding its folded state (the same fold
 * the aggregate uses) and the fields the directory filters on, and one document per account for sign-in (e-mail,
 * organisation, roles, whether it may sign in). Written by a streaming processor whose token lives in MongoDB.
 * Replay-safe: a document is replaced only by a later sequence number.
 */
@Component
@ProcessingGroup(OrganisationDirectory.PROCESSING_GROUP)
public class OrganisationDirectory {

    public static final String PROCESSING_GROUP = "organisation-directory";
    static final String ORGANISATIONS = "organisations";
    static final String ACCOUNTS = "accounts";

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    public OrganisationDirectory(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** An organisation as the directory knows it, with the aggregate version it reflects (the ETag). */
    public record Entry(OrganisationState state, long version) {
    }

    /** An account as sign-in needs it. */
    public record AccountEntry(String accountId, String organisationId, String organisationName, String email, String displayName,
                               List<String> roles, boolean canSignIn) {
    }

    @EventHandler
    void on(OrganisationEvent event, @SequenceNumber long sequence) {
        Document current = organisations().find(Filters.eq("_id", event.organisationId())).first();
        long storedVersion = current == null ? -1 : current.get("version", Number.class).longValue();
        if (sequence <= storedVersion) {
            return; // seen already: a redelivery or an overlapping replay
        }
        OrganisationState before = current == null ? OrganisationState.NONE : read(current).state();
        OrganisationState after = before.apply(event);
        organisations().replaceOne(Filters.eq("_id", after.id()), document(after, sequence), new ReplaceOptions().upsert(true));
        for (Account account : after.accounts().values()) {
            boolean canSignIn = account.status() == OrganisationState.AccountStatus.ACTIVE && after.status() == OrganisationStatus.ADMITTED;
            accounts().replaceOne(Filters.eq("_id", account.id()), new Document("_id", account.id())
                    .append("organisationId", after.id())
                    .append("organisationName", after.name())
                    .append("email", account.email())
                    .append("displayName", account.displayName())
                    .append("status", account.status().name())
                    .append("roles", after.roles(account).stream().map(Enum::name).toList())
                    .append("canSignIn", canSignIn), new ReplaceOptions().upsert(true));
        }
    }

    @ResetHandler
    void reset() {
        organisations().deleteMany(new Document());
        accounts().deleteMany(new Document());
    }

    public Optional<Entry> find(String organisationId) {
        return Optional.ofNullable(organisations().find(Filters.eq("_id", organisationId)).first()).map(this::read);
    }

    public boolean isEmpty() {
        return organisations().countDocuments() == 0;
    }

    /** Admitted organisations matching every given filter (null filters match all), by name. */
    public List<Entry> search(DirectoryFilter filter, int page, int size) {
        List<Entry> entries = new ArrayList<>();
        organisations().find(filter(filter)).sort(Sorts.ascending("nameKey", "_id")).skip(page * size).limit(size)
                .forEach(doc -> entries.add(read(doc)));
        return entries;
    }

    public long count(DirectoryFilter filter) {
        return organisations().countDocuments(filter(filter));
    }

    /** Every admitted organisation: the candidates of partner suggestions (ICM has about a hundred). */
    public List<OrganisationState> admitted() {
        List<OrganisationState> all = new ArrayList<>();
        organisations().find(Filters.eq("status", OrganisationStatus.ADMITTED.name())).forEach(doc -> all.add(read(doc).state()));
        return all;
    }

    /** Organisations in the given status, by name: focal points' work list of applications. */
    public List<Entry> inStatus(OrganisationStatus status) {
        List<Entry> entries = new ArrayList<>();
        organisations().find(Filters.eq("status", status.name())).sort(Sorts.ascending("nameKey")).forEach(doc -> entries.add(read(doc)));
        return entries;
    }

    public Optional<AccountEntry> account(String accountId) {
        return Optional.ofNullable(accounts().find(Filters.eq("_id", accountId)).first()).map(OrganisationDirectory::accountEntry);
    }

    /** What the directory lists may filter on; texts match case-insensitively. */
    public record DirectoryFilter(String country, String scope, String focus, String expertise, String advocacyTarget, String text) {
    }

    private static Bson filter(DirectoryFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq("status", OrganisationStatus.ADMITTED.name()));
        if (filter.country() != null) {
            conditions.add(Filters.eq("countries", filter.country().toUpperCase(Locale.ROOT)));
        }
        if (filter.scope() != null) {
            conditions.add(Filters.eq("scope", filter.scope()));
        }
        if (filter.focus() != null) {
            conditions.add(Filters.eq("focus", filter.focus()));
        }
        if (filter.expertise() != null) {
            conditions.add(Filters.eq("expertiseKeys", filter.expertise().strip().toLowerCase(Locale.ROOT)));
        }
        if (filter.advocacyTarget() != null) {
            conditions.add(Filters.eq("advocacyTargetKeys", filter.advocacyTarget().strip().toLowerCase(Locale.ROOT)));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            Pattern words = Pattern.compile(Pattern.quote(filter.text().strip()), Pattern.CASE_INSENSITIVE);
            conditions.add(Filters.or(Filters.regex("name", words), Filters.regex("acronym", words), Filters.regex("expertise", words),
                    Filters.regex("advocacyTargets", words)));
        }
        return Filters.and(conditions);
    }

    private MongoCollection<Document> organisations() {
        return mongo.getCollection(ORGANISATIONS);
    }

    private MongoCollection<Document> accounts() {
        return mongo.getCollection(ACCOUNTS);
    }

    private Document document(OrganisationState state, long version) {
        var profile = state.profile();
        try {
            return new Document("_id", state.id())
                    .append("version", version)
                    .append("name", profile.name())
                    .append("nameKey", profile.name().toLowerCase(Locale.ROOT))
                    .append("acronym", profile.acronym())
                    .append("status", state.status().name())
                    .append("focalPoint", state.focalPoint())
                    .append("scope", profile.scope().name())
                    .append("focus", profile.focus().name())
                    .append("countries", profile.countries())
                    .append("expertise", profile.expertise())
                    .append("expertiseKeys", profile.expertise().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toList())
                    .append("advocacyTargets", profile.advocacyTargets())
                    .append("advocacyTargetKeys", profile.advocacyTargets().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toList())
                    // the state itself as JSON text: exactly what the fold produced, read back without a mapping layer
                    .append("state", json.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store organisation " + state.id(), e);
        }
    }

    private Entry read(Document doc) {
        try {
            return new Entry(json.readValue(doc.getString("state"), OrganisationState.class), doc.get("version", Number.class).longValue());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read organisation " + doc.get("_id"), e);
        }
    }

    private static AccountEntry accountEntry(Document doc) {
        return new AccountEntry(doc.getString("_id"), doc.getString("organisationId"), doc.getString("organisationName"),
                doc.getString("email"), doc.getString("displayName"), doc.getList("roles", String.class), doc.getBoolean("canSignIn", false));
    }
}
