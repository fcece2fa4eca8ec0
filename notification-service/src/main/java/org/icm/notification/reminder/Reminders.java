package org.icm.notification.reminder;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.icm.notification.routing.Audience;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Kind;
import org.icm.notification.routing.Router;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.tracking.TrackedConsultation;
import org.icm.notification.tracking.TrackedMeeting;
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
 * Reminds of consultations closing within 7 days and within 1 day (accounts subscribed to consultations of that
 * dossier), and of meetings starting within a day (accounts registered). A reminder's id names the thing, its date and
 * the offset; its notification and mail are keyed by that id and the account (a unique _id), so only the first write
 * of each counts and a reminder reaches an account once whatever restarts and however many instances run. A claim
 * document per (reminder, account) records that it is done. A changed deadline or start is a new date, hence a new
 * reminder.
 */
@Component
public class Reminders {

    @Document("reminders")
    record Claim(@Id String id, Instant at) {
    }

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration DAY = Duration.ofDays(1);

    private final MongoTemplate mongo;
    private final Tracking tracking;
    private final Router router;
    private final Clock clock;
    private final ScheduledJobs jobs;

    public Reminders(MongoTemplate mongo, Tracking tracking, Router router, Clock clock, ScheduledJobs jobs) {
        this.jobs = jobs;
        this.mongo = mongo;
        this.tracking = tracking;
        this.router = router;
        this.clock = clock;
    }

    /** One instance at a time (each reminder is also claimed once per account, so one taking over after a crash sends none twice). */
    @Scheduled(fixedDelayString = "${icm.notification.reminder-poll:1m}")
    public void run() {
        jobs.runAlone("reminders", Duration.ofMinutes(10), () -> {
            Instant now = clock.instant();
            consultations(now);
            meetings(now);
        });
    }

    private void consultations(Instant now) {
        List<TrackedConsultation> closingSoon = mongo.find(Query.query(where("closed").is(false)
                .and("closesAt").gt(now).lte(now.plus(WEEK))), TrackedConsultation.class);
        for (TrackedConsultation c : closingSoon) {
            boolean lastDay = !now.isBefore(c.closesAt().minus(DAY));
            String offset = lastDay ? "1d" : "7d";
            List<String> dossierIds = c.dossierId() == null ? List.of() : List.of(c.dossierId());
            Happening reminder = new Happening("reminder:consultation:" + c.id() + ":" + c.closesAt().getEpochSecond() + ":" + offset,
                    false, Kind.REMINDER, Audience.EVERYONE, null,
                    Story.of(lastDay ? "reminder.consultation-day" : "reminder.consultation-week", "consultationTitle", c.title(),
                            "closesAt", c.closesAt()),
                    "/consultations/" + c.id(), c.dossierId(), tracking.dossier(c.dossierId()).map(d -> d.title()).orElse(null),
                    dossierIds, Set.of(), Set.of(), Set.of(), Set.of(), now);
            // those who follow consultations (of this dossier, if they narrowed) and did not switch reminders off
            Happening asConsultation = new Happening(reminder.id(), false, Kind.CONSULTATION_OPENED_OR_DEADLINE_CHANGED, Audience.EVERYONE,
                    null, null, null, c.dossierId(), null, dossierIds,
                    tracking.dossier(c.dossierId()).map(d -> d.policyArea() == null ? Set.<org.icm.kernel.vocabulary.PolicyArea>of()
                            : Set.of(d.policyArea())).orElse(Set.of()),
                    tracking.dossier(c.dossierId()).map(d -> d.rights() == null ? Set.<String>of() : Set.copyOf(d.rights())).orElse(Set.of()),
                    Set.of(), Set.of(), now);
            router.admitted(Audience.EVERYONE, null).forEach((account, subscription) -> {
                if (subscription.kinds().contains(Kind.REMINDER) && subscription.wants(asConsultation)) {
                    remindOnce(reminder, account, subscription);
                }
            });
        }
    }

    private void meetings(Instant now) {
        List<TrackedMeeting> tomorrow = mongo.find(Query.query(where("cancelled").is(false)
                .and("startsAt").gt(now).lte(now.plus(DAY))), TrackedMeeting.class);
        for (TrackedMeeting m : tomorrow) {
            if (m.registered() == null || m.registered().isEmpty()) {
                continue;
            }
            Happening reminder = new Happening("reminder:meeting:" + m.id() + ":" + m.startsAt().getEpochSecond() + ":1d",
                    false, Kind.REMINDER, Audience.MEMBERS, null,
                    Story.of("reminder.meeting", "meetingTitle", m.title(), "startsAt", m.startsAt(), "timeZone", m.timeZone()),
                    "/meetings/" + m.id(), null, null, List.of(), Set.of(), Set.of(), Set.of(), Set.of(), now);
            // registered means asked to be there: reminded whatever the subscription's kinds
            router.admitted(Audience.MEMBERS, m.registered()).forEach((account, subscription) -> remindOnce(reminder, account, subscription));
        }
    }

    private void remindOnce(Happening reminder, org.icm.notification.directory.Account account, Subscription subscription) {
        String claim = reminder.id() + ":" + account.id();
        if (mongo.exists(Query.query(where("_id").is(claim)), Claim.class)) {
            return;
        }
        // the notification and its mail are keyed by (reminder, account): two instances notifying at the same moment, or
        // a second pass after a crash before the claim below, write them once; the claim spares the work afterwards
        router.notify(reminder, account, subscription);
        try {
            mongo.insert(new Claim(claim, clock.instant()));
        } catch (DuplicateKeyException claimedMeanwhile) {
            // another instance finished the same reminder: it is sent once all the same
        }
    }
}
