package org.icm.notification.reminder;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.notification.NotificationProperties;
import org.icm.notification.directory.Account;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Happenings;
import org.icm.notification.routing.Kind;
import org.icm.notification.routing.Recipients;
import org.icm.notification.routing.Router;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.tracking.TrackedDossier;
import org.icm.notification.tracking.TrackedTransposition;
import org.icm.notification.tracking.Tracking;
import org.icm.notification.wording.Story;
import org.icm.service.scheduling.ScheduledJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A directive's transposition deadline, member state by member state, as the national facts consumed told it
 * ({@link TrackedTransposition}), in the platform's zone:
 * <ul>
 * <li>before it (icm.notification.transposition-reminder-days, 14 by default), a reminder to those who follow a state by
 * name and did not switch reminders off, for each such state whose last declared status is not COMPLETE, nothing declared
 * included: the point is to prompt the national members to find out and record it;</li>
 * <li>the day after it, an alert to those who follow the state (or every state) when its last declared status is
 * NOT_NOTIFIED or PARTIAL.</li>
 * </ul>
 * Each is sent once per (measure, country, deadline): its id names the three, so its notifications and mails are keyed
 * by it (fanning it out again writes nothing new), a moved deadline is a new one, and a claim per id spares the work once
 * it is done.
 */
@Component
public class TranspositionDeadlines {

    @Document("transposition_alerts")
    record Claim(@Id String id, Instant at) {
    }

    /**
     * How long after its deadline a transposition is still news: a service down the day after alerts when it is back,
     * and a status first recorded years after its deadline (history being filled in) alerts nobody.
     */
    static final Period NEWS_FOR = Period.ofDays(7);

    private final MongoTemplate mongo;
    private final Tracking tracking;
    private final Recipients recipients;
    private final Router router;
    private final NotificationProperties properties;
    private final Clock clock;
    private final ScheduledJobs jobs;
    private final Period remindBefore;

    public TranspositionDeadlines(MongoTemplate mongo, Tracking tracking, Recipients recipients, Router router, NotificationProperties properties,
                                  Clock clock, ScheduledJobs jobs, @Value("${icm.notification.transposition-reminder-days:14}") int reminderDays) {
        this.mongo = mongo;
        this.tracking = tracking;
        this.recipients = recipients;
        this.router = router;
        this.properties = properties;
        this.clock = clock;
        this.jobs = jobs;
        this.remindBefore = Period.ofDays(reminderDays);
    }

    /** One instance at a time (each reminder and alert is keyed and claimed too, so one taking over after a crash sends none twice). */
    @Scheduled(fixedDelayString = "${icm.notification.transposition-deadline-poll:10m}")
    public void run() {
        jobs.runAlone("transposition-deadlines", Duration.ofMinutes(10), () -> {
            LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
            remindOfComingDeadlines(today);
            alertPassedDeadlines(today);
        });
    }

    private void remindOfComingDeadlines(LocalDate today) {
        // from the day the deadline is that close until its eve: a service down on the day, or a deadline first heard of
        // later, still reminds while there is time
        List<TrackedTransposition> coming = mongo.find(Query.query(where("transpositionDeadline").gt(today).lte(today.plus(remindBefore))),
                TrackedTransposition.class);
        if (coming.isEmpty()) {
            return;
        }
        Recipients.Snapshot snapshot = recipients.current();
        Set<String> followed = countriesRemindedOf(snapshot);
        // the measure's deadline is known from any country's facts; the followed countries are reminded of, facts or not
        Map<String, TrackedTransposition> measures = new LinkedHashMap<>();
        coming.forEach(transposition -> measures.putIfAbsent(transposition.measureId() + ":" + transposition.transpositionDeadline(), transposition));
        for (TrackedTransposition measure : measures.values()) {
            Optional<TrackedDossier> dossier = tracking.dossier(measure.dossierId());
            for (String country : followed) {
                Optional<TranspositionStatus> status = declared(measure.measureId(), country);
                if (status.orElse(null) == TranspositionStatus.COMPLETE) {
                    continue;
                }
                String reminderId = "reminder:transposition:" + TrackedTransposition.id(measure.measureId(), country) + ":"
                        + measure.transpositionDeadline();
                once(reminderId, () -> remind(reminderId, measure, country, status, dossier, snapshot));
            }
        }
    }

    /** The countries that someone who did not switch reminders off follows by name. */
    private static Set<String> countriesRemindedOf(Recipients.Snapshot snapshot) {
        Set<String> countries = new TreeSet<>();
        for (Account account : snapshot.accounts()) {
            Subscription subscription = snapshot.subscription(account.id());
            if (subscription.kinds().contains(Kind.REMINDER)) {
                countries.addAll(subscription.countries());
            }
        }
        return countries;
    }

    private Optional<TranspositionStatus> declared(String measureId, String country) {
        return Optional.ofNullable(mongo.findById(TrackedTransposition.id(measureId, country), TrackedTransposition.class))
                .flatMap(TrackedTransposition::status);
    }

    private void remind(String id, TrackedTransposition measure, String country, Optional<TranspositionStatus> status,
                        Optional<TrackedDossier> dossier, Recipients.Snapshot snapshot) {
        Story story = status.map(declared -> Story.of("reminder.transposition", "country", country, "measureTitle", measure.measureTitle(),
                        "deadlineDate", measure.transpositionDeadline(), "status", declared))
                .orElseGet(() -> Story.of("reminder.transposition-undeclared", "country", country, "measureTitle", measure.measureTitle(),
                        "deadlineDate", measure.transpositionDeadline()));
        // the country's page, where its national facts are read and recorded
        Happening reminder = aboutMeasure(id, measure, dossier, Kind.REMINDER, story, "/countries/" + country, country);
        Happening asNationalFact = aboutMeasure(id, measure, dossier, Kind.NATIONAL_IMPLEMENTATION, story, reminder.link(), country);
        for (Account account : snapshot.admitted(reminder.audience())) {
            Subscription subscription = snapshot.subscription(account.id());
            // as for consultations (Reminders): reminders on, and the news reminded of wanted; and the country followed by
            // name, or following every state would prompt each account once per state and directive
            if (subscription.kinds().contains(Kind.REMINDER) && subscription.wants(asNationalFact) && subscription.countries().contains(country)) {
                router.notify(reminder, account, subscription);
            }
        }
    }

    private Happening aboutMeasure(String id, TrackedTransposition measure, Optional<TrackedDossier> dossier, Kind kind, Story story, String link,
                                   String country) {
        return Happenings.aboutDossier(id, clock.instant(), dossier, measure.dossierId(), dossier.map(TrackedDossier::title).orElse(null),
                dossier.map(TrackedDossier::policyArea).orElse(null), kind, story, link, Set.of(country));
    }

    private void alertPassedDeadlines(LocalDate today) {
        List<TrackedTransposition> passed = mongo.find(Query.query(where("transpositionDeadline").lt(today).gte(today.minus(NEWS_FOR))),
                TrackedTransposition.class);
        for (TrackedTransposition transposition : passed) {
            Optional<TranspositionStatus> status = transposition.status();
            // nothing declared is not a declaration of NOT_NOTIFIED: the platform does not know, so it says nothing
            if (status.isEmpty() || status.get() == TranspositionStatus.COMPLETE) {
                continue;
            }
            String alertId = "deadline:transposition:" + transposition.id() + ":" + transposition.transpositionDeadline();
            once(alertId, () -> router.fanOut(alert(alertId, transposition, status.get()), recipients.current()));
        }
    }

    private Happening alert(String id, TrackedTransposition transposition, TranspositionStatus status) {
        Optional<TrackedDossier> dossier = tracking.dossier(transposition.dossierId());
        // it happened when the deadline's day ended
        Instant passedAt = transposition.transpositionDeadline().plusDays(1).atStartOfDay(properties.zone()).toInstant();
        Story story = Story.of("national.deadline-passed", "country", transposition.country(), "measureTitle", transposition.measureTitle(),
                "deadlineDate", transposition.transpositionDeadline(), "status", status);
        return Happenings.aboutDossier(id, passedAt, dossier, transposition.dossierId(), dossier.map(TrackedDossier::title).orElse(null),
                dossier.map(TrackedDossier::policyArea).orElse(null), Kind.NATIONAL_IMPLEMENTATION, story,
                "/dossiers/" + transposition.dossierId(), Set.of(transposition.country()));
    }

    /** Sends what {@code send} sends unless it was claimed done; then claims it. */
    private void once(String id, Runnable send) {
        if (mongo.exists(Query.query(where("_id").is(id)), Claim.class)) {
            return;
        }
        send.run();
        try {
            mongo.insert(new Claim(id, clock.instant()));
        } catch (DuplicateKeyException claimedMeanwhile) {
            // another instance finished the same one: its notifications were written once all the same
        }
    }
}
