package org.icm.notification.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.icm.notification.Bulk;
import org.icm.notification.directory.Account;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The e-mail outbox and delivery log in MongoDB. */
@Component
public class Outbox {

    private final MongoTemplate mongo;
    private final UnsubscribeLinks links;
    private final Clock clock;

    public Outbox(MongoTemplate mongo, UnsubscribeLinks links, Clock clock) {
        this.mongo = mongo;
        this.links = links;
        this.clock = clock;
    }

    /** Puts a mail in the outbox unless one with this id is there already; true when this call put it. */
    public boolean enqueue(String id, Account account, MailComposer.Mail mail) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Delivery(id, account.id(), account.email(), mail.subject(), mail.text(), mail.html(),
                    links.url(account.id()), Delivery.Status.PENDING, 0, null, now, now, null, null));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * A mail to put in the outbox under this id, for this account; {@code traceparent}: the trace of what caused it (W3C
     * Trace Context), which its sending goes on with, or null.
     */
    public record Mail(String id, Account account, MailComposer.Mail mail, String traceparent) {
    }

    /** Puts in the outbox the mails that are not there yet, in one bulk write. */
    public void enqueueAll(List<Mail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Bulk.insertNew(mongo, Delivery.class, mails.stream().map(m -> new Delivery(m.id(), m.account().id(), m.account().email(),
                m.mail().subject(), m.mail().text(), m.mail().html(), links.url(m.account().id()), Delivery.Status.PENDING, 0, null, now,
                now, null, m.traceparent())).toList(), Delivery::id);
    }

    /**
     * Takes the next due mail for this sender: atomically moves its next attempt past the lease, so another instance
     * polling at the same moment does not take it too.
     */
    public Optional<Delivery> takeNextDue(java.time.Duration lease) {
        Instant now = clock.instant();
        Query due = Query.query(where("status").is(Delivery.Status.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt"));
        return Optional.ofNullable(mongo.findAndModify(due, new Update().set("nextAttemptAt", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    public void sent(Delivery delivery) {
        mongo.updateFirst(byId(delivery.id()), new Update().set("status", Delivery.Status.SENT).inc("attempts", 1)
                .set("sentAt", clock.instant()), Delivery.class);
    }

    public void failed(Delivery delivery, String error, Instant nextAttemptAt, boolean giveUp) {
        mongo.updateFirst(byId(delivery.id()), new Update().inc("attempts", 1).set("lastError", error)
                .set("status", giveUp ? Delivery.Status.FAILED : Delivery.Status.PENDING)
                .set("nextAttemptAt", nextAttemptAt), Delivery.class);
    }

    /** After unsubscribing: the mails still waiting for the account are not sent (FAILED, with the reason). */
    public long cancelPending(String accountId) {
        return mongo.updateMulti(Query.query(where("accountId").is(accountId).and("status").is(Delivery.Status.PENDING)),
                new Update().set("status", Delivery.Status.FAILED).set("lastError", "not sent: the account unsubscribed from e-mail"),
                Delivery.class).getModifiedCount();
    }

    public String unsubscribeUrl(String accountId) {
        return links.url(accountId);
    }

    public long count(Delivery.Status status) {
        return mongo.count(Query.query(where("status").is(status)), Delivery.class);
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    public List<Delivery> log(String accountId, Delivery.Status status, int page, int size) {
        Query query = new Query();
        if (accountId != null) {
            query.addCriteria(where("accountId").is(accountId));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        return mongo.find(query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size),
                Delivery.class);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
