package org.icm.policy.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.policy.dossier.DossierEvent.DossierArchived;
import org.icm.policy.dossier.DossierEvent.DossierEdited;
import org.icm.policy.dossier.DossierEvent.DossierOpened;
import org.icm.policy.dossier.DossierEvent.DossierPublished;
import org.icm.policy.dossier.DossierEvent.DossierReturnedToDraft;
import org.icm.policy.dossier.DossierEvent.MeasureAdded;
import org.icm.policy.dossier.DossierEvent.MeasureEdited;
import org.icm.policy.dossier.DossierEvent.MeasureKeyDatesSet;
import org.icm.policy.dossier.DossierEvent.NationalEvent;
import org.icm.policy.dossier.DossierEvent.ProcedureStepCorrected;
import org.icm.policy.dossier.DossierEvent.ProcedureStepRecorded;
import org.icm.policy.dossier.DossierEvent.RecommendationAddresseesChanged;
import org.icm.policy.dossier.DossierEvent.RecommendationDrafted;
import org.icm.policy.dossier.DossierEvent.RecommendationEndorsed;
import org.icm.policy.dossier.DossierEvent.RecommendationEndorsementWithdrawn;
import org.icm.policy.dossier.DossierEvent.RecommendationMeasureLinked;
import org.icm.policy.dossier.DossierEvent.RecommendationMeasureUnlinked;
import org.icm.policy.dossier.DossierEvent.RecommendationOutcomeRecorded;
import org.icm.policy.dossier.DossierEvent.RecommendationRevised;
import org.icm.policy.dossier.DossierEvent.RecommendationStatusChanged;
import org.icm.policy.dossier.DossierEvent.RightTagged;
import org.icm.policy.dossier.DossierEvent.RightUntagged;
import org.icm.policy.dossier.DossierEvent.UptakeCorrected;
import org.icm.policy.dossier.DossierEvent.UptakeRecorded;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.DossierStatus;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.policy.dossier.Vocabulary.Visibility;

/**
 * A dossier as its events made it: an immutable value, and {@link #apply} is the one function from events
 * to state. The aggregate decides with it; the history rebuilds any past state with it ({@link #fold}).
 * Collections keep the order in which things were added, so two folds of the same events are equal.
 */
public record DossierState(
        String id,
        String title,
        PolicyArea policyArea,
        @NotPersonal(NotPersonal.NETWORK_RECORD) String summary,
        String leadOrganisation,
        Visibility visibility,
        DossierStatus status,
        Map<String, Measure> measures,
        Map<String, RightAtStake> rights,
        Map<String, Recommendation> recommendations) {

    /** Before the first event. */
    public static final DossierState NONE = new DossierState(null, null, null, null, null, null, null, Map.of(), Map.of(), Map.of());

    /** @param national each member state's implementation, by country code, in the order first recorded */
    public record Measure(String id, String title, MeasureType type, String procedureReference, String comReference,
                          String celexNumber, String finalAct, List<Step> steps, LocalDate entryIntoForce, LocalDate application,
                          LocalDate transpositionDeadline, Map<String, NationalImplementation> national) {

        public Measure {
            national = national == null ? Map.of() : national; // states kept before national implementation was recorded
        }

        /** The country's implementation; an empty one when nothing is recorded for it. */
        public NationalImplementation national(String country) {
            return national.getOrDefault(country, NationalImplementation.none(country));
        }

        /** The current stage: the step with the latest effective date (of two on one day, the later recorded). */
        public Optional<Step> currentStep() {
            return steps.stream().reduce((a, b) -> b.effectiveDate().isBefore(a.effectiveDate()) ? a : b);
        }

        public Optional<ProcedureStage> currentStage() {
            return currentStep().map(Step::stage);
        }

        public Optional<Step> step(String stepId) {
            return steps.stream().filter(step -> step.stepId().equals(stepId)).findFirst();
        }

        /** Steps in the order of their effective dates: the procedure as it happened. */
        public List<Step> chronology() {
            List<Step> ordered = new ArrayList<>(steps);
            ordered.sort(Comparator.comparing(Step::effectiveDate));
            return List.copyOf(ordered);
        }
    }

    /** One step of the EU procedure; {@code correctionReason} is set once the step has been corrected. */
    public record Step(String stepId, ProcedureStage stage, LocalDate effectiveDate, @NotPersonal(NotPersonal.NETWORK_RECORD) String note,
                       String documentReference, @NotPersonal(NotPersonal.NETWORK_RECORD) String correctionReason) {
    }

    public record RightAtStake(String code, @NotPersonal(NotPersonal.NETWORK_RECORD) String rationale) {
    }

    /** @param uptake how the texts of the linked measures' steps reflect it, by step id, in the order recorded */
    public record Recommendation(String id,
                                 @NotPersonal(NotPersonal.NETWORK_RECORD) String text,
                                 int revision,
                                 List<Addressee> addressees,
                                 List<String> measureIds,
                                 RecommendationStatus status, Outcome outcome, String outcomeEvidence, List<String> endorsements,
                                 Map<String, UptakeRecord> uptake) {

        public Recommendation {
            uptake = uptake == null ? Map.of() : uptake; // states kept before uptake was recorded
        }
    }

    /** One link of a recommendation's uptake trail; {@code correctionReason} is set once it has been corrected. */
    public record UptakeRecord(String measureId, String stepId, Uptake uptake, @NotPersonal(NotPersonal.NETWORK_RECORD) String passage,
                               String reference, @NotPersonal(NotPersonal.NETWORK_RECORD) String note,
                               @NotPersonal(NotPersonal.NETWORK_RECORD) String correctionReason) {
    }

    public boolean exists() {
        return id != null;
    }

    /**
     * The procedures as they stood on a date: each measure keeps only the steps whose effective date is on
     * or before it (as this state knows them), so its current stage is the stage of that day, and each member state's
     * implementation only its facts of that day or before. Fold up to
     * an instant first to ask what was known then about that day.
     */
    public DossierState validAt(LocalDate date) {
        Map<String, Measure> onThatDay = new LinkedHashMap<>();
        measures.forEach((measureId, measure) -> {
            Map<String, NationalImplementation> national = new LinkedHashMap<>();
            measure.national().forEach((country, implementation) -> national.put(country, implementation.validAt(date)));
            Measure steps = withSteps(measure, measure.steps().stream().filter(step -> !step.effectiveDate().isAfter(date)).toList());
            onThatDay.put(measureId, withNational(steps, Collections.unmodifiableMap(national)));
        });
        return withMeasures(Collections.unmodifiableMap(onThatDay));
    }

    public static DossierState fold(Collection<? extends DossierEvent> events) {
        DossierState state = NONE;
        for (DossierEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    public DossierState apply(DossierEvent event) {
        return switch (event) {
            case DossierOpened e -> new DossierState(e.dossierId(), e.title(), e.policyArea(), e.summary(), e.leadOrganisation(),
                    Visibility.DRAFT, DossierStatus.OPEN, Map.of(), Map.of(), Map.of());
            case DossierEdited e -> new DossierState(id, e.title(), e.policyArea(), e.summary(), leadOrganisation, visibility, status,
                    measures, rights, recommendations);
            case DossierPublished e -> withVisibility(Visibility.PUBLISHED);
            case DossierReturnedToDraft e -> withVisibility(Visibility.DRAFT);
            case DossierArchived e -> new DossierState(id, title, policyArea, summary, leadOrganisation, visibility, DossierStatus.ARCHIVED,
                    measures, rights, recommendations);
            case MeasureAdded e -> withMeasures(put(measures, e.measureId(), new Measure(e.measureId(), e.title(), e.type(),
                    e.procedureReference(), e.comReference(), e.celexNumber(), e.finalAct(), List.of(), null, null, null, Map.of())));
            case MeasureEdited e -> measure(e.measureId(), m -> new Measure(m.id(), e.title(), e.type(), e.procedureReference(),
                    e.comReference(), e.celexNumber(), e.finalAct(), m.steps(), m.entryIntoForce(), m.application(), m.transpositionDeadline(),
                    m.national()));
            case ProcedureStepRecorded e -> measure(e.measureId(), m -> withSteps(m, append(m.steps(),
                    new Step(e.stepId(), e.stage(), e.effectiveDate(), e.note(), e.documentReference(), null))));
            case ProcedureStepCorrected e -> measure(e.measureId(), m -> withSteps(m, m.steps().stream()
                    .map(step -> step.stepId().equals(e.stepId())
                            ? new Step(e.stepId(), e.stage(), e.effectiveDate(), e.note(), e.documentReference(), e.reason())
                            : step)
                    .toList()));
            case MeasureKeyDatesSet e -> measure(e.measureId(), m -> new Measure(m.id(), m.title(), m.type(), m.procedureReference(),
                    m.comReference(), m.celexNumber(), m.finalAct(), m.steps(), e.entryIntoForce(), e.application(), e.transpositionDeadline(),
                    m.national()));
            case NationalEvent e -> measure(e.measureId(), m -> withNational(m, put(m.national(), e.country(),
                    m.national(e.country()).apply(e))));
            case UptakeRecorded e -> recommendation(e.recommendationId(), r -> withUptake(r, new UptakeRecord(e.measureId(), e.stepId(),
                    e.uptake(), e.passage(), e.reference(), e.note(), null)));
            case UptakeCorrected e -> recommendation(e.recommendationId(), r -> withUptake(r, new UptakeRecord(e.measureId(), e.stepId(),
                    e.uptake(), e.passage(), e.reference(), e.note(), e.reason())));
            case RightTagged e -> withRights(put(rights, e.rightCode(), new RightAtStake(e.rightCode(), e.rationale())));
            case RightUntagged e -> withRights(remove(rights, e.rightCode()));
            case RecommendationDrafted e -> withRecommendations(put(recommendations, e.recommendationId(), new Recommendation(
                    e.recommendationId(), e.text(), 1, ordered(e.addressees()), List.copyOf(e.measureIds()), RecommendationStatus.DRAFT,
                    null, null, List.of(), Map.of())));
            case RecommendationRevised e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), e.text(), e.revision(),
                    r.addressees(), r.measureIds(), r.status(), r.outcome(), r.outcomeEvidence(), r.endorsements(), r.uptake()));
            case RecommendationAddresseesChanged e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), r.text(),
                    r.revision(), ordered(e.addressees()), r.measureIds(), r.status(), r.outcome(), r.outcomeEvidence(), r.endorsements(), r.uptake()));
            case RecommendationMeasureLinked e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), r.text(),
                    r.revision(), r.addressees(), append(r.measureIds(), e.measureId()), r.status(), r.outcome(), r.outcomeEvidence(),
                    r.endorsements(), r.uptake()));
            case RecommendationMeasureUnlinked e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), r.text(),
                    r.revision(), r.addressees(), without(r.measureIds(), e.measureId()), r.status(), r.outcome(), r.outcomeEvidence(),
                    r.endorsements(), r.uptake()));
            case RecommendationStatusChanged e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), r.text(),
                    r.revision(), r.addressees(), r.measureIds(), e.to(), r.outcome(), r.outcomeEvidence(), r.endorsements(), r.uptake()));
            case RecommendationOutcomeRecorded e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), r.text(),
                    r.revision(), r.addressees(), r.measureIds(), r.status(), e.outcome(), e.evidence(), r.endorsements(), r.uptake()));
            case RecommendationEndorsed e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), r.text(),
                    r.revision(), r.addressees(), r.measureIds(), r.status(), r.outcome(), r.outcomeEvidence(),
                    append(r.endorsements(), e.organisationId()), r.uptake()));
            case RecommendationEndorsementWithdrawn e -> recommendation(e.recommendationId(), r -> new Recommendation(r.id(), r.text(),
                    r.revision(), r.addressees(), r.measureIds(), r.status(), r.outcome(), r.outcomeEvidence(),
                    without(r.endorsements(), e.organisationId()), r.uptake()));
        };
    }

    private DossierState withVisibility(Visibility newVisibility) {
        return new DossierState(id, title, policyArea, summary, leadOrganisation, newVisibility, status, measures, rights, recommendations);
    }

    private DossierState withMeasures(Map<String, Measure> newMeasures) {
        return new DossierState(id, title, policyArea, summary, leadOrganisation, visibility, status, newMeasures, rights, recommendations);
    }

    private DossierState withRights(Map<String, RightAtStake> newRights) {
        return new DossierState(id, title, policyArea, summary, leadOrganisation, visibility, status, measures, newRights, recommendations);
    }

    private DossierState withRecommendations(Map<String, Recommendation> newRecommendations) {
        return new DossierState(id, title, policyArea, summary, leadOrganisation, visibility, status, measures, rights, newRecommendations);
    }

    private DossierState measure(String measureId, UnaryOperator<Measure> change) {
        return withMeasures(put(measures, measureId, change.apply(measures.get(measureId))));
    }

    private DossierState recommendation(String recommendationId, UnaryOperator<Recommendation> change) {
        return withRecommendations(put(recommendations, recommendationId, change.apply(recommendations.get(recommendationId))));
    }

    private static Measure withSteps(Measure m, List<Step> steps) {
        return new Measure(m.id(), m.title(), m.type(), m.procedureReference(), m.comReference(), m.celexNumber(), m.finalAct(), steps,
                m.entryIntoForce(), m.application(), m.transpositionDeadline(), m.national());
    }

    private static Recommendation withUptake(Recommendation r, UptakeRecord record) {
        return new Recommendation(r.id(), r.text(), r.revision(), r.addressees(), r.measureIds(), r.status(), r.outcome(), r.outcomeEvidence(),
                r.endorsements(), put(r.uptake(), record.stepId(), record));
    }

    private static Measure withNational(Measure m, Map<String, NationalImplementation> national) {
        return new Measure(m.id(), m.title(), m.type(), m.procedureReference(), m.comReference(), m.celexNumber(), m.finalAct(), m.steps(),
                m.entryIntoForce(), m.application(), m.transpositionDeadline(), national);
    }

    private static List<Addressee> ordered(Collection<Addressee> addressees) {
        return addressees.stream().distinct().sorted().toList();
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    private static <K, V> Map<K, V> remove(Map<K, V> map, K key) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return Collections.unmodifiableMap(copy);
    }

    /** A new list: the given one with the value at its end. */
    static <T> List<T> append(List<T> list, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.add(value);
        return List.copyOf(copy);
    }

    private static <T> List<T> without(List<T> list, T value) {
        return list.stream().filter(item -> !item.equals(value)).toList();
    }
}
