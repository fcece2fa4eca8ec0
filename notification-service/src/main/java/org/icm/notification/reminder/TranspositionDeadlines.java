package org.icm.notification.reminder;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.notification.NotificationProperties;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Happenings;
import org.icm.notification.routing.Kind;
import org.icm.notification.routing.Recipients;
import org.icm.notification.routing.Router;
import org.icm.notification.tracking.TrackedDossier;
import org.icm.notification.tracking.TrackedTransposition;
import org.icm.notification.tracking.Tracking;
import org.icm.notification.wording.Story;
import org.icm.service.scheduling.ScheduledJobs;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells those who follow a member state (or every state) that a directive's transposition deadline passed while the
 * state's last declared status, as the national facts consumed told it ({@link TrackedTransposition}), was NOT_NOTIFIED
 * or PARTIAL: the day after the deadline, in the platform's zone, once. The alert's id names the measure, the country
 * and the deadline, so its notifications and mails are keyed by it (fanning it out again writes nothing new), and a
 * moved deadline is a new alert; a claim per alert spares the work once it is done.
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

    public TranspositionDeadlines(MongoTemplate mongo, Tracking tracking, Recipients recipients, Router router, NotificationProperties properties,
                                  Clock clock, ScheduledJobs jobs) {
        this.mongo = mongo;
        this.tracking = tracking;
        this.recipients = recipients;
        this.router = router;
        this.properties = properties;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** One instance at a time (each alert is keyed and claimed too, so one taking over after a crash sends none twice). */
    @Scheduled(fixedDelayString = "${icm.notification.transposition-deadline-poll:10m}")
    public void run() {
        jobs.runAlone("transposition-deadlines", Duration.ofMinutes(10), this::alertPassedDeadlines);
    }

    private void alertPassedDeadlines() {
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        List<TrackedTransposition> passed = mongo.find(Query.query(where("transpositionDeadline").lt(today).gte(today.minus(NEWS_FOR))),
                TrackedTransposition.class);
        for (TrackedTransposition transposition : passed) {
            Optional<TranspositionStatus> status = transposition.status();
            // nothing declared is not a declaration of NOT_NOTIFIED: the platform does not know, so it says nothing
            if (status.isEmpty() || status.get() == TranspositionStatus.COMPLETE) {
                continue;
            }
            String alertId = "deadline:transposition:" + transposition.id() + ":" + transposition.transpositionDeadline();
            if (mongo.exists(Query.query(where("_id").is(alertId)), Claim.class)) {
                continue;
            }
            router.fanOut(alert(alertId, transposition, status.get()), recipients.current());
            try {
                mongo.insert(new Claim(alertId, clock.instant()));
            } catch (DuplicateKeyException claimedMeanwhile) {
                // another instance finished the same alert: its notifications were written once all the same
            }
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
}
