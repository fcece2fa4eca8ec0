package org.icm.notification.briefing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.icm.notification.NotificationProperties;
import org.icm.notification.directory.Account;
import org.icm.notification.mail.MailComposer;
import org.icm.notification.mail.Outbox;
import org.icm.notification.routing.Audience;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Kind;
import org.icm.notification.routing.Router;
import org.icm.notification.subscription.Channel;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.tracking.TrackedMeeting;
import org.icm.notification.tracking.Tracking;
import org.icm.service.scheduling.ScheduledJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A meeting's briefing by e-mail, {@code icm.notification.briefing-days-before} (2) days before it starts, to each
 * account registered for it whose subscription wants meeting news ({@link Kind#MEETING_SCHEDULED_OR_CHANGED}) by e-mail:
 * for each dossier on its agenda, what the platform told of it (the happenings kept) since the previous meeting held
 * (the latest one not cancelled that ended before this one starts; with none, the last 30 days), and a link to the full
 * briefing page. Sent at once whatever the e-mail rhythm (a digest could come too late), and once per meeting and
 * account: the mail and its claim are keyed by the meeting's id alone, so a meeting that moves is not briefed again.
 * What was told in the period but took effect in the world before it began (a procedure step, a national fact: the
 * day their story names) is marked as late news, as on the briefing page.
 */
@Component
public class Briefings {

    @Document("briefings")
    record Claim(@Id String id, Instant at) {
    }

    /** How far back a briefing looks when no meeting was held before: as long as happenings are kept. */
    static final Duration WITHOUT_PREVIOUS_MEETING = Duration.ofDays(30);

    /** What a briefing does not tell: meetings themselves, reminders, admissions. */
    private static final Set<Kind> NOT_BRIEFED = EnumSet.of(Kind.MEETING_SCHEDULED_OR_CHANGED, Kind.REMINDER, Kind.ORGANISATION_APPLIED);

    private static final int MAX_HAPPENINGS = 500;

    /**
     * The kinds whose story names the day they took effect in the world ({@code effectiveDate}, a national measure's
     * {@code adoptedDate}): as on the briefing page, where those are the changes with an effective date. An uptake's date
     * is its text's, not the day of the news, so it is never late.
     */
    private static final Set<Kind> EFFECTIVE_ON_A_DAY = EnumSet.of(Kind.MEASURE_STAGE_CHANGED, Kind.NATIONAL_IMPLEMENTATION);

    private final MongoTemplate mongo;
    private final Tracking tracking;
    private final Router router;
    private final Outbox outbox;
    private final MailComposer composer;
    private final Clock clock;
    private final ScheduledJobs jobs;
    private final NotificationProperties properties;
    private final Duration before;

    public Briefings(MongoTemplate mongo, Tracking tracking, Router router, Outbox outbox, MailComposer composer, Clock clock,
                     ScheduledJobs jobs, NotificationProperties properties, @Value("${icm.notification.briefing-days-before:2}") int daysBefore) {
        this.mongo = mongo;
        this.tracking = tracking;
        this.router = router;
        this.outbox = outbox;
        this.composer = composer;
        this.clock = clock;
        this.jobs = jobs;
        this.properties = properties;
        this.before = Duration.ofDays(daysBefore);
    }

    /** One instance at a time (each briefing is also claimed once per account, so one taking over after a crash sends none twice). */
    @Scheduled(fixedDelayString = "${icm.notification.briefing-poll:15s}")
    public void run() {
        jobs.runAlone("briefings", Duration.ofMinutes(10), () -> run(clock.instant()));
    }

    private void run(Instant now) {
        List<TrackedMeeting> coming = mongo.find(Query.query(where("cancelled").is(false)
                .and("startsAt").gt(now).lte(now.plus(before))), TrackedMeeting.class);
        for (TrackedMeeting meeting : coming) {
            if (meeting.registered().isEmpty()) {
                continue;
            }
            Map<Account, Subscription> wanting = new LinkedHashMap<>();
            router.admitted(Audience.MEMBERS, meeting.registered()).forEach((account, subscription) -> {
                if (subscription.kinds().contains(Kind.MEETING_SCHEDULED_OR_CHANGED) && subscription.by(Channel.EMAIL)
                        && account.email() != null && !claimed(meeting, account)) {
                    wanting.put(account, subscription);
                }
            });
            if (wanting.isEmpty()) {
                continue;
            }
            Optional<TrackedMeeting> previous = previous(meeting);
            Instant since = previous.map(TrackedMeeting::endsAt).orElse(now.minus(WITHOUT_PREVIOUS_MEETING));
            List<Happening> told = told(meeting.dossierIds(), since, now);
            Map<String, String> titles = dossierTitles(meeting.dossierIds(), told);
            LocalDate firstDay = LocalDate.ofInstant(since, properties.zone());
            wanting.forEach((account, subscription) -> brief(meeting, previous.isPresent(), titles, told, firstDay, account, subscription));
        }
    }

    /** The latest meeting held (not cancelled) that ended before this one starts. */
    Optional<TrackedMeeting> previous(TrackedMeeting meeting) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("cancelled").is(false).and("_id").ne(meeting.id())
                .and("endsAt").lte(meeting.startsAt())).with(Sort.by(Sort.Direction.DESC, "endsAt")).limit(1), TrackedMeeting.class));
    }

    /** What the platform told of these dossiers after {@code since}, oldest first. */
    private List<Happening> told(List<String> dossierIds, Instant since, Instant now) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(where("silent").is(false).and("dossierIds").in(dossierIds).and("kind").nin(NOT_BRIEFED)
                        .and("occurredAt").gt(since).lte(now)).with(Sort.by("occurredAt", "_id")).limit(MAX_HAPPENINGS), Happening.class);
    }

    /** Each agenda dossier's title, as tracked, else as a happening named it, else its id. */
    private Map<String, String> dossierTitles(List<String> dossierIds, List<Happening> told) {
        Map<String, String> titles = new LinkedHashMap<>();
        dossierIds.forEach(id -> titles.put(id, id));
        told.stream().filter(h -> h.dossierId() != null && h.dossierTitle() != null && titles.containsKey(h.dossierId()))
                .forEach(h -> titles.put(h.dossierId(), h.dossierTitle()));
        tracking.dossiers(dossierIds).stream().filter(d -> d.title() != null).forEach(d -> titles.put(d.id(), d.title()));
        return titles;
    }

    /** Told in the period, but effective before its first day. */
    static boolean lateNews(Happening happening, LocalDate firstDay) {
        if (!EFFECTIVE_ON_A_DAY.contains(happening.kind()) || happening.story() == null) {
            return false;
        }
        String day = happening.story().facts().getOrDefault("effectiveDate", happening.story().facts().get("adoptedDate"));
        try {
            return day != null && LocalDate.parse(day).isBefore(firstDay);
        } catch (DateTimeParseException notADay) {
            return false;
        }
    }

    private void brief(TrackedMeeting meeting, boolean sincePrevious, Map<String, String> titles, List<Happening> told, LocalDate firstDay,
                       Account account, Subscription subscription) {
        // the staff of the organisations it names only, as in their feeds
        List<Happening> forThem = told.stream().filter(h -> h.audience() != Audience.ORGANISATIONS
                || h.organisations().contains(account.organisationId())).toList();
        Map<String, List<MailComposer.Told>> byDossier = new LinkedHashMap<>();
        titles.forEach((id, title) -> {
            List<MailComposer.Told> about = forThem.stream().filter(h -> h.dossierIds().contains(id))
                    .map(h -> new MailComposer.Told(h, lateNews(h, firstDay))).toList();
            if (!about.isEmpty()) {
                byDossier.put(title, about);
            }
        });
        String id = claimId(meeting, account);
        MailComposer.Mail mail = composer.briefing(account, subscription.languageFor(account), meeting, sincePrevious, byDossier,
                "/calendar/meetings/" + meeting.id() + "/briefing", outbox.unsubscribeUrl(account.id()));
        // the mail's id is the claim's: two instances, or a second pass after a crash before the claim, put it once
        outbox.enqueue("mail:" + id, account, mail);
        try {
            mongo.insert(new Claim(id, clock.instant()));
        } catch (DuplicateKeyException claimedMeanwhile) {
            // another instance briefed the same account: it is sent once all the same
        }
    }

    private boolean claimed(TrackedMeeting meeting, Account account) {
        return mongo.exists(Query.query(where("_id").is(claimId(meeting, account))), Claim.class);
    }

    /** The meeting and the account, not its date: a meeting that moves is briefed once. */
    private static String claimId(TrackedMeeting meeting, Account account) {
        return "briefing:meeting:" + meeting.id() + ":" + account.id();
    }
}
