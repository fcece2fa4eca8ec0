package org.icm.notification.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.notification.directory.Account;
import org.icm.notification.directory.Directory;
import org.icm.notification.feed.Feed;
import org.icm.notification.feed.LiveFeed;
import org.icm.notification.feed.Notification;
import org.icm.notification.mail.MailComposer;
import org.icm.notification.mail.Outbox;
import org.icm.notification.subscription.Channel;
import org.icm.notification.subscription.Rhythm;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.subscription.Subscriptions;
import org.springframework.stereotype.Component;

/**
 * Fans a happening out to the accounts that may see it (audience) and want it (subscription): a notification each,
 * announced on their live streams, and an immediate mail in the outbox for those who want mail at once. Every write is
 * keyed by (happening, account), so fanning the same happening out again writes nothing new and announces nothing.
 */
@Component
public class Router {

    private final Directory directory;
    private final Subscriptions subscriptions;
    private final Feed feed;
    private final LiveFeed live;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Clock clock;

    public Router(Directory directory, Subscriptions subscriptions, Feed feed, LiveFeed live, Outbox outbox, MailComposer composer,
                  Clock clock) {
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.live = live;
        this.outbox = outbox;
        this.composer = composer;
        this.clock = clock;
    }

    /**
     * To every account the audience admits and whose subscription wants the happening, as the recipients' copy says; answers
     * how many were notified.
     */
    public int fanOut(Happening happening, Recipients.Snapshot recipients) {
        List<Planned> planned = plan(happening, recipients);
        deliver(planned);
        return planned.size();
    }

    /** The accounts among those named (or all, when null) that the audience admits, with their subscriptions. */
    public Map<Account, Subscription> admitted(Audience audience, Set<String> accountIds) {
        List<Account> accounts = directory.admitted(audience, accountIds);
        Map<String, Subscription> byId = subscriptions.of(accounts.stream().map(Account::id).toList());
        Map<Account, Subscription> admitted = new java.util.LinkedHashMap<>();
        accounts.forEach(account -> admitted.put(account, byId.get(account.id())));
        return admitted;
    }

    /** Notifies one account (feed, live stream, mail) by the channels and rhythm of its subscription. */
    public void notify(Happening happening, Account account, Subscription subscription) {
        plan(happening, account, subscription).ifPresent(planned -> deliver(List.of(planned)));
    }

    /**
     * A notification to write, and the mail to send at once, if any; {@code traceparent}: the trace of the event that
     * caused it (W3C Trace Context), for the mail's sending to go on with, or null.
     */
    public record Planned(Notification notification, Account account, MailComposer.Mail immediateMail, String traceparent) {

        public Planned tracedBy(String traceparent) {
            return new Planned(notification, account, immediateMail, traceparent);
        }
    }

    /** What fanning the happening out writes: one notification per account that may see it and wants it. */
    public List<Planned> plan(Happening happening, Recipients.Snapshot recipients) {
        if (happening.silent()) {
            return List.of();
        }
        List<Planned> planned = new ArrayList<>();
        for (Account account : recipients.admitted(happening)) {
            Subscription subscription = recipients.subscription(account.id());
            if (subscription.wants(happening)) {
                plan(happening, account, subscription).ifPresent(planned::add);
            }
        }
        return planned;
    }

    private Optional<Planned> plan(Happening happening, Account account, Subscription subscription) {
        boolean inFeed = subscription.by(Channel.IN_APP);
        boolean byMail = subscription.by(Channel.EMAIL) && account.email() != null;
        // reminders do not wait for a digest: they would arrive after the date they remind of
        Rhythm rhythm = happening.kind() == Kind.REMINDER ? Rhythm.IMMEDIATE : subscription.emailRhythm();
        if (!inFeed && !byMail) {
            return Optional.empty();
        }
        Notification notification = new Notification(Notification.id(happening.id(), account.id()), account.id(), happening.kind(),
                happening.explanation(), happening.story(), happening.link(), happening.dossierId(), happening.dossierTitle(), happening.occurredAt(),
                clock.instant(), false, inFeed, byMail && rhythm != Rhythm.IMMEDIATE ? rhythm : null, null);
        MailComposer.Mail mail = byMail && rhythm == Rhythm.IMMEDIATE
                ? composer.single(account, subscription.languageFor(account), notification, outboxUnsubscribeUrl(account)) : null;
        return Optional.of(new Planned(notification, account, mail, null));
    }

    /**
     * Writes the notifications (one bulk write), announces on the live streams those that this call wrote, and puts the
     * immediate mails in the outbox, all keyed by (happening, account): delivering again writes and announces nothing new.
     */
    public void deliver(List<Planned> planned) {
        if (planned.isEmpty()) {
            return;
        }
        Set<String> written = feed.addAll(planned.stream().map(Planned::notification).toList());
        for (Planned one : planned) {
            if (one.notification().inFeed() && written.contains(one.notification().id())) {
                live.announce(one.notification());
            }
        }
        // also after a crash between the two writes: a mail's id is its notification's, so it is put once
        List<Outbox.Mail> mails = planned.stream().filter(one -> one.immediateMail() != null)
                .map(one -> new Outbox.Mail("mail:" + one.notification().id(), one.account(), one.immediateMail(), one.traceparent())).toList();
        outbox.enqueueAll(mails);
    }

    private String outboxUnsubscribeUrl(Account account) {
        return outbox.unsubscribeUrl(account.id());
    }
}
