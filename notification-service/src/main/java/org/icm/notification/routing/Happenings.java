package org.icm.notification.routing;

import java.time.Instant;
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
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.events.policy.RecommendationUptakeRecorded;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.notification.tracking.DossierLookup;
import org.icm.notification.tracking.TrackedDossier;
import org.icm.notification.tracking.Tracking;
import org.icm.notification.wording.Story;
import org.springframework.stereotype.Component;

/**
 * Decides what an integration event means to subscribers, from the event and the state tracked before it: which kind
 * of happening, who may see it, the story of what changed (put in words for each reader), and where to look. An event that changes nothing a
 * subscriber can see (a repeat, a stage "moved" to itself, a deadline "changed" to the same instant) is silent.
 */
@Component
public class Happenings {

    private final Tracking tracking;

    public Happenings(Tracking tracking) {
        this.tracking = tracking;
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
            case NationalImplementationRecorded n -> n.fact() != null && !redeclaredTheSameStatus(n);
            case RecommendationPublished r -> true;
            case RecommendationRevised r -> true;
            case RecommendationUptakeRecorded r -> !uptakeUntold(r);
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
            case NationalImplementationRecorded n -> national(id, occurredAt, n, dossiers);
            case RecommendationPublished r -> dossierHappening(id, occurredAt, r, dossiers, Kind.RECOMMENDATION_PUBLISHED_OR_REVISED,
                    Story.of("recommendation.published", "dossierTitle", r.dossierTitle()), recommendationLink(r.dossierId(), r.recommendationId()),
                    Set.of());
            case RecommendationRevised r -> unchangedText(r, dossiers) ? Happening.silent(id, occurredAt)
                    : dossierHappening(id, occurredAt, r, dossiers, Kind.RECOMMENDATION_PUBLISHED_OR_REVISED,
                    Story.of("recommendation.revised", "dossierTitle", r.dossierTitle(), "revision", r.revision()),
                    recommendationLink(r.dossierId(), r.recommendationId()), Set.of());
            case RecommendationUptakeRecorded r -> uptake(id, occurredAt, r, dossiers);
            case MeetingScheduled m -> calendar(id, occurredAt, dossiers, Kind.MEETING_SCHEDULED_OR_CHANGED, Audience.MEMBERS,
                    Story.of("meeting.scheduled", "meetingTitle", m.title(), "startsAt", m.startsAt(), "timeZone", m.timeZone()),
                    "/meetings/" + m.meetingId(), m.dossierIds());
            case MeetingRescheduled m -> Objects.equals(m.previousStartsAt(), m.startsAt()) ? Happening.silent(id, occurredAt)
                    : calendar(id, occurredAt, dossiers, Kind.MEETING_SCHEDULED_OR_CHANGED, Audience.MEMBERS,
                    Story.of("meeting.moved", "meetingTitle", m.title(), "previousStartsAt", m.previousStartsAt(), "startsAt", m.startsAt(),
                            "timeZone", m.timeZone()),
                    "/meetings/" + m.meetingId(), List.of());
            case MeetingCancelled m -> calendar(id, occurredAt, dossiers, Kind.MEETING_SCHEDULED_OR_CHANGED, Audience.MEMBERS,
                    Story.of("meeting.cancelled", "meetingTitle", m.title(), "startsAt", m.startsAt()), "/meetings/" + m.meetingId(), List.of());
            case ConsultationOpened c -> calendar(id, occurredAt, dossiers, Kind.CONSULTATION_OPENED_OR_DEADLINE_CHANGED, Audience.EVERYONE,
                    Story.of("consultation.opened", "consultationTitle", c.title(), "closesAt", c.closesAt()),
                    "/consultations/" + c.consultationId(), c.dossierId() == null ? List.of() : List.of(c.dossierId()));
            case ConsultationDeadlineChanged c -> Objects.equals(c.previousClosesAt(), c.closesAt()) ? Happening.silent(id, occurredAt)
                    : calendar(id, occurredAt, dossiers, Kind.CONSULTATION_OPENED_OR_DEADLINE_CHANGED, Audience.EVERYONE,
                    Story.of("consultation.deadline-moved", "consultationTitle", c.title(), "previousClosesAt", c.previousClosesAt(),
                            "closesAt", c.closesAt()),
                    "/consultations/" + c.consultationId(), c.dossierId() == null ? List.of() : List.of(c.dossierId()));
            case BulletinPosted b -> calendar(id, occurredAt, dossiers, Kind.BULLETIN_POSTED, Audience.MEMBERS,
                    Story.of("bulletin.posted", "bulletinTitle", b.title()), "/bulletins/" + b.bulletinId(),
                    b.dossierIds() == null ? List.of() : b.dossierIds());
            case OrganisationApplied o -> new Happening(id, false, Kind.ORGANISATION_APPLIED, Audience.FOCAL_POINTS, null,
                    Story.of("organisation.applied", "organisationName", o.organisationName()), "/organisations/" + o.organisationId(),
                    null, null, List.of(), Set.of(), Set.of(), Set.of(), Set.of(), occurredAt);
            // everything else only updates the directory or tracked state
            default -> Happening.silent(id, occurredAt);
        };
    }

    private Happening measureStage(String id, Instant occurredAt, MeasureStageChanged m, DossierLookup dossiers) {
        if (m.previousStage() == m.newStage()) {
            return Happening.silent(id, occurredAt);
        }
        // a measure's first step has no stage before it: it reads as a first step
        String key = m.previousStage() == null
                ? (m.correction() ? "measure.first-stage-corrected" : "measure.first-stage")
                : (m.correction() ? "measure.corrected" : "measure.moved");
        Story story = Story.of(key, "measureTitle", m.measureTitle(), "previousStage", m.previousStage(), "newStage", m.newStage(),
                "effectiveDate", m.effectiveDate());
        return dossierHappening(id, occurredAt, m, dossiers, Kind.MEASURE_STAGE_CHANGED, story, "/dossiers/" + m.dossierId(), Set.of());
    }

    /**
     * A national fact, heard of by those who follow its country (or every country), with the audience of its dossier: a
     * fact recorded on a dossier in draft is the network's own work, as a procedure step is.
     */
    private Happening national(String id, Instant occurredAt, NationalImplementationRecorded n, DossierLookup dossiers) {
        // an event that does not say which fact it records cannot be told: nobody hears of it rather than of something wrong
        if (n.fact() == null || redeclaredTheSameStatus(n)) {
            return Happening.silent(id, occurredAt);
        }
        String corrected = n.correction() ? "-corrected" : "";
        Story story = switch (n.fact()) {
            case NATIONAL_MEASURE -> Story.of("national.measure" + corrected, "country", n.country(), "measureTitle", n.measureTitle(),
                    "nationalMeasureKind", n.nationalMeasureKind(), "nationalMeasureTitle", n.title(), "reference", n.reference(),
                    "adoptedDate", n.effectiveDate());
            case TRANSPOSITION_STATUS -> Story.of("national.transposition" + corrected, "country", n.country(), "measureTitle", n.measureTitle(),
                    "previousStatus", n.previousStatus(), "status", n.status(), "effectiveDate", n.effectiveDate());
            case INFRINGEMENT_STEP -> Story.of("national.infringement" + corrected, "country", n.country(), "measureTitle", n.measureTitle(),
                    "infringementStep", n.infringementStage(), "reference", n.reference(), "effectiveDate", n.effectiveDate());
        };
        Set<String> countries = n.country() == null ? Set.of() : Set.of(n.country());
        return dossierHappening(id, occurredAt, n, dossiers, Kind.NATIONAL_IMPLEMENTATION, story, "/dossiers/" + n.dossierId(), countries);
    }

    /**
     * A recommendation's uptake in a text of the procedure, heard of by the staff of the organisations that endorse it now
     * (the event names them) and by nobody else: it is their ask, followed up. Their subscriptions then decide as for any
     * news of the dossier (the kind, what they follow, channels and rhythm).
     */
    private Happening uptake(String id, Instant occurredAt, RecommendationUptakeRecorded r, DossierLookup dossiers) {
        if (uptakeUntold(r)) {
            return Happening.silent(id, occurredAt);
        }
        Story story = Story.of(r.correction() ? "recommendation.uptake-corrected" : "recommendation.uptake", "dossierTitle", r.dossierTitle(),
                "measureTitle", r.measureTitle(), "procedureStage", r.stage(), "effectiveDate", r.effectiveDate(), "uptake", r.uptake(),
                "reference", r.reference() == null || r.reference().isBlank() ? null : r.reference().strip());
        return dossierHappening(id, occurredAt, r, dossiers, Kind.RECOMMENDATION_UPTAKE, story,
                recommendationLink(r.dossierId(), r.recommendationId()) + "/uptake", Set.of()).forOrganisations(endorsing(r));
    }

    /** An uptake that does not say how far, or that no organisation endorses: nobody hears of it. */
    private static boolean uptakeUntold(RecommendationUptakeRecorded r) {
        return r.uptake() == null || r.recommendationId() == null || endorsing(r).isEmpty();
    }

    private static Set<String> endorsing(RecommendationUptakeRecorded r) {
        return r.endorsements() == null ? Set.of()
                : r.endorsements().stream().filter(Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A declaration of the status the state had declared already (from another date, or with another source): nothing new. */
    private static boolean redeclaredTheSameStatus(NationalImplementationRecorded n) {
        return n.fact() == NationalImplementationRecorded.Fact.TRANSPOSITION_STATUS && n.previousStatus() == n.status() && !n.correction();
    }

    private static boolean unchangedText(RecommendationRevised r, DossierLookup dossiers) {
        return dossiers.dossier(r.dossierId())
                .map(TrackedDossier::recommendationTexts)
                .map(texts -> Objects.equals(texts.get(r.recommendationId()), r.text()))
                .orElse(false);
    }

    private static Happening dossierHappening(String id, Instant occurredAt, DossierIntegrationEvent event, DossierLookup dossiers, Kind kind,
                                              Story story, String link, Set<String> countries) {
        return aboutDossier(id, occurredAt, dossiers.dossier(event.dossierId()), event.dossierId(), event.dossierTitle(), event.policyArea(),
                kind, story, link, countries);
    }

    /**
     * A happening about one dossier, as it is tracked ({@code dossier}, empty when unknown). A dossier in draft is the
     * network's own work: members only; once published, anyone subscribed.
     */
    public static Happening aboutDossier(String id, Instant occurredAt, Optional<TrackedDossier> dossier, String dossierId, String dossierTitle,
                                         PolicyArea policyArea, Kind kind, Story story, String link, Set<String> countries) {
        boolean published = dossier.map(TrackedDossier::published).orElse(false);
        Set<String> rights = dossier.map(TrackedDossier::rights).map(Set::copyOf).orElse(Set.of());
        return new Happening(id, false, kind, published ? Audience.EVERYONE : Audience.MEMBERS, null, story, link,
                dossierId, dossierTitle, List.of(dossierId), areas(policyArea), rights, countries, Set.of(), occurredAt);
    }

    private static Happening calendar(String id, Instant occurredAt, DossierLookup lookup, Kind kind, Audience audience, Story story, String link,
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
        return new Happening(id, false, kind, audience, null, story, link, dossierId, dossierTitle, List.copyOf(dossierIds), areas, rights,
                Set.of(), Set.of(), occurredAt);
    }

    private static Set<PolicyArea> areas(PolicyArea area) {
        return area == null ? Set.of() : EnumSet.of(area);
    }

    private static String recommendationLink(String dossierId, String recommendationId) {
        return "/dossiers/" + dossierId + "/recommendations/" + recommendationId;
    }
}
