package org.icm.notification.routing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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
        if (happening.silent()) {
            return 0;
        }
        int notified = 0;
        for (Account account : recipients.admitted(happening.audience())) {
            Subscription subscription = recipients.subscription(account.id());
            if (subscription.wants(happening)) {
                notify(happening, account, subscription);
                notified++;
            }
        }
        return notified;
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
        boolean inFeed = subscription.by(Channel.IN_APP);
        boolean byMail = subscription.by(Channel.EMAIL) && account.email() != null;
        // reminders do not wait for a digest: they would arrive after the date they remind of
        Rhythm rhythm = happening.kind() == Kind.REMINDER ? Rhythm.IMMEDIATE : subscription.emailRhythm();
        if (!inFeed && !byMail) {
            return;
        }
        Notification notification = new Notification(Notification.id(happening.id(), account.id()), account.id(), happening.kind(),
                happening.explanation(), happening.link(), happening.dossierId(), happening.dossierTitle(), happening.occurredAt(),
                clock.instant(), false, inFeed, byMail && rhythm != Rhythm.IMMEDIATE ? rhythm : null, null);
        boolean written = feed.add(notification);
        if (written && inFeed) {
            live.announce(notification);
        }
        if (byMail && rhythm == Rhythm.IMMEDIATE) {
            // also after a crash between the two writes: the mail's id is the notification's, so it is put once
            outbox.enqueue("mail:" + notification.id(), account, composer.single(MailComposer.greeting(account), notification,
                    outboxUnsubscribeUrl(account)));
        }
    }

    private String outboxUnsubscribeUrl(Account account) {
        return outbox.unsubscribeUrl(account.id());
    }
}
