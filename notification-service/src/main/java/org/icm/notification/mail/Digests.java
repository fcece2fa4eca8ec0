package org.icm.notification.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.icm.notification.NotificationProperties;
import org.icm.notification.directory.Account;
import org.icm.notification.directory.Directory;
import org.icm.notification.feed.Notification;
import org.icm.notification.subscription.Rhythm;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.subscription.Subscriptions;
import org.icm.service.scheduling.ScheduledJobs;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily and weekly digests, at the configured local time (and day, for weekly ones). A digest takes the account's
 * notifications of that rhythm written before the digest's hour; its delivery id names the account, rhythm and
 * period, so however many times this runs, on however many instances, each digest is put in the outbox once.
 * A service that was down at the hour sends the digest when it is back, the same day.
 */
@Component
public class Digests {

    private final MongoTemplate mongo;
    private final Directory directory;
    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final MailComposer composer;
    private final NotificationProperties properties;
    private final Clock clock;
    private final ScheduledJobs jobs;

    public Digests(MongoTemplate mongo, Directory directory, Outbox outbox, Subscriptions subscriptions, MailComposer composer,
                   NotificationProperties properties, Clock clock, ScheduledJobs jobs) {
        this.jobs = jobs;
        this.subscriptions = subscriptions;
        this.mongo = mongo;
        this.directory = directory;
        this.outbox = outbox;
        this.composer = composer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One instance at a time: two at once would both take the pending notifications, and the later one would mark as
     * digested some that arrived after the earlier one's mail was written, and were never in it.
     */
    @Scheduled(fixedDelayString = "${icm.notification.digest-poll:1m}")
    public void run() {
        jobs.runAlone("digests", Duration.ofMinutes(10), this::sendDue);
    }

    private void sendDue() {
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        LocalDate today = now.toLocalDate();
        ZonedDateTime todaysHour = today.atTime(properties.digestTime()).atZone(properties.zone());
        if (now.isBefore(todaysHour)) {
            return;
        }
        send(Rhythm.DAILY_DIGEST, today, todaysHour.toInstant());
        LocalDate weekDay = today.with(TemporalAdjusters.previousOrSame(properties.weeklyDigestDay()));
        if (weekDay.equals(today)) {
            send(Rhythm.WEEKLY_DIGEST, today, todaysHour.toInstant());
        }
    }

    private void send(Rhythm rhythm, LocalDate day, Instant cutoff) {
        Query pending = Query.query(where("digest").is(rhythm).and("digestId").is(null).and("createdAt").lte(cutoff));
        Map<String, List<Notification>> byAccount = mongo.find(pending, Notification.class).stream()
                .collect(Collectors.groupingBy(Notification::accountId));
        Map<String, Subscription> subscriptionOf = subscriptions.of(byAccount.keySet());
        byAccount.forEach((accountId, notifications) -> {
            // queued while they were a member; not sent when the account or its organisation's membership ended since
            Optional<Account> account = directory.stillReachable(accountId);
            String digestId = "digest:" + rhythm + ":" + day + ":" + accountId;
            account.ifPresent(a -> outbox.enqueue(digestId, a, composer.digest(a, subscriptionOf.get(accountId).languageFor(a), rhythm,
                    notifications, outbox.unsubscribeUrl(a.id()))));
            // marked after the mail is in the outbox; after a crash in between, the same notifications are taken again
            // and the same digest id is refused, so nothing is mailed twice
            mongo.updateMulti(Query.query(where("_id").in(notifications.stream().map(Notification::id).toList())),
                    new Update().set("digestId", digestId), Notification.class);
        });
    }
}
