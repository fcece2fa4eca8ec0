package org.icm.notification.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.calendar.BulletinPosted;
import org.icm.kernel.events.calendar.ConsultationDeadlineChanged;
import org.icm.kernel.events.calendar.ConsultationOpened;
import org.icm.kernel.events.calendar.MeetingCancelled;
import org.icm.kernel.events.calendar.MeetingRescheduled;
import org.icm.kernel.events.calendar.MeetingScheduled;
import org.icm.kernel.events.membership.OrganisationApplied;
import org.icm.kernel.events.policy.DossierIntegrationEvent;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.notification.NotificationProperties;
import org.icm.notification.tracking.DossierLookup;
import org.icm.notification.tracking.TrackedDossier;
import org.icm.notification.tracking.Tracking;
import org.springframework.stereotype.Component;

/**
 * Decides what an integration event means to subscribers, from the event and the state tracked before it: which kind
 * of happening, who may see it, one line that says what changed, and where to look. An event that changes nothing a
 * subscriber can see (a repeat, a stage "moved" to itself, a deadline "changed" to the same instant) is silent.
 */
@Component
public class Happenings {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Tracking tracking;
    private final ZoneId zone;

    public Happenings(Tracking tracking, NotificationProperties properties) {
        this.tracking = tracking;
        this.zone = properties.zone();
    }

    public Happening decide(String id, Instant occurredAt, IntegrationEvent event) {
        return decide(id, occurredAt, event, tracking);
    }

    /**
     * True when the decision reads tracked state, which the event itself or later ones change: such a decision must be
     * kept, so that handling the event again decides the same. Any other decision follows from the event alone.
     */
    public static boolean readsState(IntegrationEvent event) {
        return switch (event) {
            case MeasureStageChanged m -> m.previousStage() != m.newStage();
            case RecommendationPublished r -> true;
            case RecommendationRevised r -> true;
            case MeetingScheduled m -> m.dossierIds() != null && !m.dossierIds().isEmpty();
            case ConsultationOpened c -> c.dossierId() != null;
            case ConsultationDeadlineChanged c -> c.dossierId() != null && !Objects.equals(c.previousClosesAt(), c.closesAt());
            case BulletinPosted b -> b.dossierIds() != null && !b.dossierIds().isEmpty();
            default -> false;
        };
    }

    /** The dossiers whose tracked state deciding the event reads. */
    public static Set<String> dossiersRead(IntegrationEvent event) {
        List<String> ids = switch (event) {
            case DossierIntegrationEvent d -> d.dossierId() == null ? List.of() : List.of(d.dossierId());
            case MeetingScheduled m -> m.dossierIds() == null ? List.of() : m.dossierIds();
            case ConsultationOpened c -> c.dossierId() == null ? List.of() : List.of(c.dossierId());
            case ConsultationDeadlineChanged c -> c.dossierId() == null ? List.of() : List.of(c.dossierId());
            case BulletinPosted b -> b.dossierIds() == null ? List.of() : b.dossierIds();
            default -> List.of();
        };
        return ids.stream().filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet());
    }

    /** Decides from the tracked state that {@code dossiers} holds (the state before this event). */
    public Happening decide(String id, Instant occurredAt, IntegrationEvent event, DossierLookup dossiers) {
        return switch (event) {
            case MeasureStageChanged m -> measureStage(id, occurredAt, m, dossiers);
            case RecommendationPublished r -> dossierHappening(id, occurredAt, r, dossiers, Kind.RECOMMENDATION_PUBLISHED_OR_REVISED,
                    "A recommendation on " + r.dossierTitle() + " was published", recommendationLink(r.dossierId(), r.recommendationId()));
            case RecommendationRevised r -> unchangedText(r, dossiers) ? Happening.silent(id, occurredAt)
                    : dossierHappening(id, occurredAt, r, dossiers, Kind.RECOMMENDATION_PUBLISHED_OR_REVISED,
                    "The recommendation on " + r.dossierTitle() + " was revised (revision " + r.revision() + ")",
                    recommendationLink(r.dossierId(), r.recommendationId()));
            case MeetingScheduled m -> calendar(id, occurredAt, dossiers, Kind.MEETING_SCHEDULED_OR_CHANGED, Audience.MEMBERS,
                    m.title() + " is scheduled for " + at(m.startsAt(), m.timeZone()), "/meetings/" + m.meetingId(), m.dossierIds());
            case MeetingRescheduled m -> Objects.equals(m.previousStartsAt(), m.startsAt()) ? Happening.silent(id, occurredAt)
                    : calendar(id, occurredAt, dossiers, Kind.MEETING_SCHEDULED_OR_CHANGED, Audience.MEMBERS,
                    m.title() + " moved from " + at(m.previousStartsAt(), m.timeZone()) + " to " + at(m.startsAt(), m.timeZone()),
                    "/meetings/" + m.meetingId(), List.of());
            case MeetingCancelled m -> calendar(id, occurredAt, dossiers, Kind.MEETING_SCHEDULED_OR_CHANGED, Audience.MEMBERS,
                    m.title() + " on " + at(m.startsAt(), null) + " is cancelled", "/meetings/" + m.meetingId(), List.of());
            case ConsultationOpened c -> calendar(id, occurredAt, dossiers, Kind.CONSULTATION_OPENED_OR_DEADLINE_CHANGED, Audience.EVERYONE,
                    "Consultation \"" + c.title() + "\" opened; it closes on " + at(c.closesAt(), null),
                    "/consultations/" + c.consultationId(), c.dossierId() == null ? List.of() : List.of(c.dossierId()));
            case ConsultationDeadlineChanged c -> Objects.equals(c.previousClosesAt(), c.closesAt()) ? Happening.silent(id, occurredAt)
                    : calendar(id, occurredAt, dossiers, Kind.CONSULTATION_OPENED_OR_DEADLINE_CHANGED, Audience.EVERYONE,
                    "The deadline of consultation \"" + c.title() + "\" moved from " + at(c.previousClosesAt(), null)
                            + " to " + at(c.closesAt(), null),
                    "/consultations/" + c.consultationId(), c.dossierId() == null ? List.of() : List.of(c.dossierId()));
            case BulletinPosted b -> calendar(id, occurredAt, dossiers, Kind.BULLETIN_POSTED, Audience.MEMBERS,
                    "New bulletin: " + b.title(), "/bulletins/" + b.bulletinId(), b.dossierIds() == null ? List.of() : b.dossierIds());
            case OrganisationApplied o -> new Happening(id, false, Kind.ORGANISATION_APPLIED, Audience.FOCAL_POINTS,
                    o.organisationName() + " applied to join the network", "/organisations/" + o.organisationId(),
                    null, null, List.of(), Set.of(), Set.of(), occurredAt);
            // everything else only updates the directory or tracked state
            default -> Happening.silent(id, occurredAt);
        };
    }

    private Happening measureStage(String id, Instant occurredAt, MeasureStageChanged m, DossierLookup dossiers) {
        if (m.previousStage() == m.newStage()) {
            return Happening.silent(id, occurredAt);
        }
        String line = m.correction()
                ? m.measureTitle() + ": the stage was corrected from " + m.previousStage() + " to " + m.newStage() + " on " + m.effectiveDate()
                : m.measureTitle() + " moved from " + m.previousStage() + " to " + m.newStage() + " on " + m.effectiveDate();
        return dossierHappening(id, occurredAt, m, dossiers, Kind.MEASURE_STAGE_CHANGED, line, "/dossiers/" + m.dossierId());
    }

    private static boolean unchangedText(RecommendationRevised r, DossierLookup dossiers) {
        return dossiers.dossier(r.dossierId())
                .map(TrackedDossier::recommendationTexts)
                .map(texts -> Objects.equals(texts.get(r.recommendationId()), r.text()))
                .orElse(false);
    }

    /** A dossier in draft is the network's own work: members only; once published, anyone subscribed. */
    private static Happening dossierHappening(String id, Instant occurredAt, DossierIntegrationEvent event, DossierLookup dossiers, Kind kind,
                                              String line, String link) {
        Optional<TrackedDossier> dossier = dossiers.dossier(event.dossierId());
        boolean published = dossier.map(TrackedDossier::published).orElse(false);
        Set<String> rights = dossier.map(TrackedDossier::rights).map(Set::copyOf).orElse(Set.of());
        return new Happening(id, false, kind, published ? Audience.EVERYONE : Audience.MEMBERS, line, link,
                event.dossierId(), event.dossierTitle(), List.of(event.dossierId()), areas(event.policyArea()), rights, occurredAt);
    }

    private static Happening calendar(String id, Instant occurredAt, DossierLookup lookup, Kind kind, Audience audience, String line, String link,
                                      List<String> dossierIds) {
        List<TrackedDossier> dossiers = lookup.dossiers(dossierIds);
        Set<PolicyArea> areas = EnumSet.noneOf(PolicyArea.class);
        Set<String> rights = new HashSet<>();
        for (TrackedDossier dossier : dossiers) {
            if (dossier.policyArea() != null) {
                areas.add(dossier.policyArea());
            }
            if (dossier.rights() != null) {
                rights.addAll(dossier.rights());
            }
        }
        String dossierId = dossierIds.isEmpty() ? null : dossierIds.getFirst();
        String dossierTitle = dossiers.stream().filter(d -> d.id().equals(dossierId)).map(TrackedDossier::title).findFirst().orElse(null);
        return new Happening(id, false, kind, audience, line, link, dossierId, dossierTitle, List.copyOf(dossierIds), areas, rights, occurredAt);
    }

    private static Set<PolicyArea> areas(PolicyArea area) {
        return area == null ? Set.of() : EnumSet.of(area);
    }

    private static String recommendationLink(String dossierId, String recommendationId) {
        return "/dossiers/" + dossierId + "/recommendations/" + recommendationId;
    }

    private String at(Instant instant, String timeZone) {
        if (instant == null) {
            return "an unknown time";
        }
        ZoneId in = zone;
        if (timeZone != null) {
            try {
                in = ZoneId.of(timeZone);
            } catch (RuntimeException e) {
                // an unknown zone name: the service's own zone is still a correct time
            }
        }
        return WHEN.format(instant.atZone(in));
    }
}
