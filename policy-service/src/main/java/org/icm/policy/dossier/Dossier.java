package org.icm.policy.dossier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.policy.dossier.DossierCommand.*;
import org.icm.policy.dossier.DossierEvent.*;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.dossier.DossierState.Recommendation;
import org.icm.policy.dossier.DossierState.Step;
import org.icm.policy.dossier.DossierState.UptakeRecord;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.DossierStatus;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.policy.dossier.Vocabulary.Visibility;
import org.icm.service.rules.FieldChecks;
import org.icm.service.rules.Inputs;
import org.icm.service.rules.RuleViolation;

/**
 * One EU policy file, with its measures, rights at stake and recommendations, as one aggregate: the rules
 * that cross them (a recommendation links only this dossier's measures; nothing changes in an archived
 * dossier) hold in one place, and the dossier's whole history is one ordered stream, which is what
 * analysts replay. Endorsements are the only writes many organisations make; they are rare enough that
 * the dossier's optimistic locking does not get in their way.
 *
 * <p>Command handlers only decide, from {@link DossierState}; the state changes only by folding events.
 * Each handler answers the aggregate version after the change, which HTTP returns as the ETag.
 *
 * <p>A long-lived dossier gathers thousands of events; Axon snapshots it (its two fields, as JSON, see
 * {@link DossierSnapshots}), so a command loads the latest snapshot and the events after it; a dossier used a
 * moment ago comes from memory.
 */
@Aggregate(snapshotTriggerDefinition = "dossierSnapshotTrigger", cache = "dossierCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Dossier {

    public static final int TITLE_MAX = 300;
    public static final int TEXT_MAX = 20_000;
    public static final int NOTE_MAX = 2_000;
    /** The longest reference of a procedure, COM document or CELEX number (each also has its own form). */
    public static final int REFERENCE_MAX = 30;
    /** The longest reference of a passage: a document number with its article or amendment ("A9-0152/2023, amendment 42"). */
    public static final int UPTAKE_REFERENCE_MAX = 200;

    @AggregateIdentifier
    private String dossierId;
    private DossierState state = DossierState.NONE;

    protected Dossier() {
    }

    @CommandHandler
    public Dossier(OpenDossier command) {
        Inputs.required("id", command.dossierId());
        FieldChecks checks = new FieldChecks();
        String title = checks.check(() -> Inputs.text("title", command.title(), TITLE_MAX));
        PolicyArea policyArea = checks.check(() -> Inputs.required("policyArea", command.policyArea()));
        String summary = checks.check(() -> Inputs.optionalParagraphs("summary", command.summary(), TEXT_MAX));
        checks.done();
        apply(new DossierOpened(command.dossierId(), title, policyArea, summary, command.leadOrganisation()));
    }

    @CommandHandler
    public long handle(EditDossier command) {
        requireOpen();
        FieldChecks checks = new FieldChecks();
        String title = checks.check(() -> Inputs.text("title", command.title(), TITLE_MAX));
        PolicyArea policyArea = checks.check(() -> Inputs.required("policyArea", command.policyArea()));
        String summary = checks.check(() -> Inputs.optionalParagraphs("summary", command.summary(), TEXT_MAX));
        checks.done();
        if (title.equals(state.title()) && policyArea == state.policyArea() && Objects.equals(summary, state.summary())) {
            return version(); // changes nothing: the history records only real changes
        }
        apply(new DossierEdited(dossierId, title, policyArea, summary));
        return version();
    }

    @CommandHandler
    public long handle(PublishDossier command) {
        requireOpen();
        if (state.visibility() == Visibility.PUBLISHED) {
            return version(); // published already: changes nothing
        }
        apply(new DossierPublished(dossierId));
        return version();
    }

    @CommandHandler
    public long handle(ReturnDossierToDraft command) {
        requireOpen();
        if (state.visibility() == Visibility.DRAFT) {
            return version(); // a draft already: changes nothing
        }
        apply(new DossierReturnedToDraft(dossierId));
        return version();
    }

    @CommandHandler
    public long handle(ArchiveDossier command) {
        requireOpen();
        apply(new DossierArchived(dossierId));
        return version();
    }

    @CommandHandler
    public long handle(AddMeasure command) {
        requireOpen();
        String measureId = Inputs.required("measureId", command.measureId());
        if (state.measures().containsKey(measureId)) {
            throw RuleViolation.conflict("measureId", "duplicate-measure", "the dossier already has measure " + measureId);
        }
        MeasureFields fields = measureFields(null, command.title(), command.type(), command.procedureReference(),
                command.comReference(), command.celexNumber(), command.finalAct());
        apply(new MeasureAdded(dossierId, measureId, fields.title, fields.type, fields.procedureReference, fields.comReference,
                fields.celexNumber, fields.finalAct));
        return version();
    }

    @CommandHandler
    public long handle(EditMeasure command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        MeasureFields fields = measureFields(measure.id(), command.title(), command.type(), command.procedureReference(),
                command.comReference(), command.celexNumber(), command.finalAct());
        if (fields.type != MeasureType.DIRECTIVE && measure.transpositionDeadline() != null) {
            throw RuleViolation.conflict("type", "transposition-needs-directive",
                    "the measure has a transposition deadline, which only directives have; clear it first");
        }
        if (fields.equals(MeasureFields.of(measure))) {
            return version(); // changes nothing: the history records only real changes
        }
        apply(new MeasureEdited(dossierId, measure.id(), fields.title, fields.type, fields.procedureReference, fields.comReference,
                fields.celexNumber, fields.finalAct));
        return version();
    }

    private record MeasureFields(String title, MeasureType type, String procedureReference, String comReference, String celexNumber,
                                 String finalAct) {

        static MeasureFields of(Measure measure) {
            return new MeasureFields(measure.title(), measure.type(), measure.procedureReference(), measure.comReference(),
                    measure.celexNumber(), measure.finalAct());
        }
    }

    private MeasureFields measureFields(String measureId, String title, MeasureType type, String procedureReference,
                                        String comReference, String celexNumber, String finalAct) {
        // every bad field at once; a reference another measure follows is a conflict, checked once the fields are well formed
        FieldChecks checks = new FieldChecks();
        String checkedTitle = checks.check(() -> Inputs.text("title", title, TITLE_MAX));
        MeasureType checkedType = checks.check(() -> Inputs.required("type", type));
        String reference = checks.check(() -> ProcedureReference.check("procedureReference", procedureReference));
        String com = checks.check(() -> Checks.comReference("comReference", comReference));
        String celex = checks.check(() -> Checks.celexNumber("celexNumber", celexNumber));
        String checkedFinalAct = checks.check(() -> Inputs.optionalText("finalAct", finalAct, TITLE_MAX));
        checks.done();
        if (reference != null) {
            for (Measure other : state.measures().values()) {
                if (reference.equals(other.procedureReference()) && !other.id().equals(measureId)) {
                    throw RuleViolation.conflict("procedureReference", "duplicate-procedure-reference",
                            "measure '" + other.title() + "' of this dossier already follows procedure " + reference);
                }
            }
        }
        return new MeasureFields(checkedTitle, checkedType, reference, com, celex, checkedFinalAct);
    }

    @CommandHandler
    public long handle(RecordProcedureStep command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        String stepId = Inputs.required("stepId", command.stepId());
        if (measure.step(stepId).isPresent()) {
            throw RuleViolation.conflict("stepId", "duplicate-step", "the measure already has step " + stepId);
        }
        Step step = new Step(stepId, Inputs.required("stage", command.stage()),
                Checks.notInFuture("effectiveDate", command.effectiveDate(), Inputs.required("today", command.today())),
                Inputs.optionalParagraphs("note", command.note(), NOTE_MAX), Inputs.optionalText("documentReference", command.documentReference(), NOTE_MAX),
                null);
        checkProcedureOrder(measure, DossierState.append(measure.steps(), step));
        apply(new ProcedureStepRecorded(dossierId, measure.id(), step.stepId(), step.stage(), step.effectiveDate(), step.note(),
                step.documentReference()));
        return version();
    }

    @CommandHandler
    public long handle(CorrectProcedureStep command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        Step recorded = measure.step(command.stepId()).orElseThrow(() -> RuleViolation.conflict("stepId", "unknown-step",
                "the measure has no step " + command.stepId()));
        String reason = Inputs.paragraphs("reason", command.reason(), NOTE_MAX);
        Step corrected = new Step(recorded.stepId(), Inputs.required("stage", command.stage()),
                Checks.notInFuture("effectiveDate", command.effectiveDate(), Inputs.required("today", command.today())),
                Inputs.optionalParagraphs("note", command.note(), NOTE_MAX), Inputs.optionalText("documentReference", command.documentReference(), NOTE_MAX),
                reason);
        if (recorded.stage() == corrected.stage() && recorded.effectiveDate().equals(corrected.effectiveDate())
                && java.util.Objects.equals(recorded.note(), corrected.note())
                && java.util.Objects.equals(recorded.documentReference(), corrected.documentReference())) {
            return version(); // the correction says what the step says: nothing to record
        }
        checkProcedureOrder(measure, measure.steps().stream().map(step -> step.stepId().equals(recorded.stepId()) ? corrected : step).toList());
        apply(new ProcedureStepCorrected(dossierId, measure.id(), corrected.stepId(), corrected.stage(), corrected.effectiveDate(),
                corrected.note(), corrected.documentReference(), reason));
        return version();
    }

    /**
     * An exit (WITHDRAWN, LAPSED) ends the procedure: nothing may come after it, nor on its day after it. Steps are in the order
     * they were recorded (a corrected step keeps its place), and of two steps on one day the later recorded comes later, as in
     * {@link Measure#currentStep()}: a step recorded before the exit on the exit's day does not follow it.
     */
    private static void checkProcedureOrder(Measure measure, List<Step> steps) {
        for (int e = 0; e < steps.size(); e++) {
            Step exit = steps.get(e);
            if (!exit.stage().isExit()) {
                continue;
            }
            for (int o = 0; o < steps.size(); o++) {
                Step other = steps.get(o);
                if (other.effectiveDate().isAfter(exit.effectiveDate()) || (o > e && other.effectiveDate().isEqual(exit.effectiveDate()))) {
                    throw RuleViolation.conflict("effectiveDate", "step-after-exit", "the procedure of '" + measure.title() + "' ended with "
                            + exit.stage() + " on " + exit.effectiveDate() + "; no step can follow it (" + other.stage() + " on "
                            + other.effectiveDate() + ")");
                }
            }
        }
    }

    @CommandHandler
    public long handle(SetMeasureKeyDates command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        if (command.transpositionDeadline() != null && measure.type() != MeasureType.DIRECTIVE) {
            throw RuleViolation.invalid("transpositionDeadline", "transposition-needs-directive",
                    "only directives are transposed; '" + measure.title() + "' is a " + measure.type());
        }
        LocalDate entryIntoForce = command.entryIntoForce();
        if (entryIntoForce != null && command.application() != null && command.application().isBefore(entryIntoForce)) {
            throw RuleViolation.invalid("application", "application-before-entry-into-force",
                    "an act applies from its entry into force (" + entryIntoForce + ") at the earliest");
        }
        if (entryIntoForce != null && command.transpositionDeadline() != null && command.transpositionDeadline().isBefore(entryIntoForce)) {
            throw RuleViolation.invalid("transpositionDeadline", "transposition-before-entry-into-force",
                    "a transposition deadline lies after the directive's entry into force (" + entryIntoForce + ")");
        }
        if (Objects.equals(entryIntoForce, measure.entryIntoForce()) && Objects.equals(command.application(), measure.application())
                && Objects.equals(command.transpositionDeadline(), measure.transpositionDeadline())) {
            return version(); // the same dates: nothing to record
        }
        apply(new MeasureKeyDatesSet(dossierId, measure.id(), entryIntoForce, command.application(), command.transpositionDeadline()));
        return version();
    }

    @CommandHandler
    public long handle(TagRight command) {
        requireOpen();
        String code = Checks.rightCode("rightCode", command.rightCode());
        if (state.rights().containsKey(code)) {
            throw RuleViolation.conflict("rightCode", "right-already-tagged", code + " is already tagged on this dossier");
        }
        apply(new RightTagged(dossierId, code, Inputs.paragraphs("rationale", command.rationale(), NOTE_MAX)));
        return version();
    }

    @CommandHandler
    public long handle(UntagRight command) {
        requireOpen();
        String code = Checks.rightCode("rightCode", command.rightCode());
        if (!state.rights().containsKey(code)) {
            throw RuleViolation.conflict("rightCode", "right-not-tagged", code + " is not tagged on this dossier");
        }
        apply(new RightUntagged(dossierId, code));
        return version();
    }

    @CommandHandler
    public long handle(DraftRecommendation command) {
        requireOpen();
        String recommendationId = Inputs.required("recommendationId", command.recommendationId());
        if (state.recommendations().containsKey(recommendationId)) {
            throw RuleViolation.conflict("recommendationId", "duplicate-recommendation", "the dossier already has recommendation " + recommendationId);
        }
        List<String> measureIds = Inputs.distinctEntries("measureIds", command.measureIds());
        measureIds.forEach(id -> measure("measureIds", id));
        apply(new RecommendationDrafted(dossierId, recommendationId, Inputs.paragraphs("text", command.text(), TEXT_MAX),
                addressees(command.addressees()), measureIds));
        return version();
    }

    @CommandHandler
    public long handle(ReviseRecommendation command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        String text = Inputs.paragraphs("text", command.text(), TEXT_MAX);
        if (text.equals(recommendation.text())) {
            return version(); // the same text: no new revision
        }
        apply(new RecommendationRevised(dossierId, recommendation.id(), recommendation.revision() + 1, text));
        return version();
    }

    @CommandHandler
    public long handle(ChangeRecommendationAddressees command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        List<Addressee> addressees = addressees(command.addressees());
        if (recommendation.addressees().equals(addressees)) {
            return version(); // changes nothing
        }
        apply(new RecommendationAddresseesChanged(dossierId, recommendation.id(), addressees));
        return version();
    }

    @CommandHandler
    public long handle(LinkRecommendationToMeasure command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        Measure measure = measure("measureId", command.measureId());
        if (recommendation.measureIds().contains(measure.id())) {
            return version(); // linked already: changes nothing
        }
        apply(new RecommendationMeasureLinked(dossierId, recommendation.id(), measure.id()));
        return version();
    }

    @CommandHandler
    public long handle(UnlinkRecommendationFromMeasure command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        if (!recommendation.measureIds().contains(command.measureId())) {
            throw RuleViolation.conflict("measureId", "not-linked", "the recommendation is not linked to measure " + command.measureId());
        }
        apply(new RecommendationMeasureUnlinked(dossierId, recommendation.id(), command.measureId()));
        return version();
    }

    /** DRAFT -> IN_REVIEW -> ADOPTED -> PUBLISHED, back from review to draft, and WITHDRAWN from anywhere. */
    private static final Map<RecommendationStatus, Set<RecommendationStatus>> NEXT_STATUS = Map.of(
            RecommendationStatus.DRAFT, EnumSet.of(RecommendationStatus.IN_REVIEW, RecommendationStatus.WITHDRAWN),
            RecommendationStatus.IN_REVIEW, EnumSet.of(RecommendationStatus.DRAFT, RecommendationStatus.ADOPTED, RecommendationStatus.WITHDRAWN),
            RecommendationStatus.ADOPTED, EnumSet.of(RecommendationStatus.PUBLISHED, RecommendationStatus.WITHDRAWN),
            RecommendationStatus.PUBLISHED, EnumSet.of(RecommendationStatus.WITHDRAWN),
            RecommendationStatus.WITHDRAWN, EnumSet.noneOf(RecommendationStatus.class));

    @CommandHandler
    public long handle(MoveRecommendationStatus command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        RecommendationStatus target = Inputs.required("status", command.status());
        if (!NEXT_STATUS.get(recommendation.status()).contains(target)) {
            throw RuleViolation.conflict("status", "status-not-allowed", "a " + recommendation.status() + " recommendation cannot become "
                    + target + "; it can become " + NEXT_STATUS.get(recommendation.status()));
        }
        apply(new RecommendationStatusChanged(dossierId, recommendation.id(), recommendation.status(), target));
        return version();
    }

    @CommandHandler
    public long handle(RecordRecommendationOutcome command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        if (recommendation.status() != RecommendationStatus.PUBLISHED) {
            throw RuleViolation.conflict("outcome-before-publication",
                    "an outcome is tracked once the recommendation is published; it is " + recommendation.status());
        }
        apply(new RecommendationOutcomeRecorded(dossierId, recommendation.id(), Inputs.required("outcome", command.outcome()),
                Inputs.paragraphs("evidence", command.evidence(), TEXT_MAX)));
        return version();
    }

    @CommandHandler
    public long handle(EndorseRecommendation command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        String organisation = Inputs.required("organisationId", command.organisationId());
        if (recommendation.status() != RecommendationStatus.ADOPTED && recommendation.status() != RecommendationStatus.PUBLISHED) {
            throw RuleViolation.conflict("endorsement-before-adoption",
                    "organisations endorse a recommendation once ICM has adopted it; it is " + recommendation.status());
        }
        if (recommendation.endorsements().contains(organisation)) {
            throw RuleViolation.conflict("duplicate-endorsement", "your organisation already endorses this recommendation");
        }
        apply(new RecommendationEndorsed(dossierId, recommendation.id(), organisation));
        return version();
    }

    @CommandHandler
    public long handle(WithdrawEndorsement command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        if (!recommendation.endorsements().contains(command.organisationId())) {
            throw RuleViolation.conflict("not-endorsed", "your organisation does not endorse this recommendation");
        }
        apply(new RecommendationEndorsementWithdrawn(dossierId, recommendation.id(), command.organisationId()));
        return version();
    }

    @CommandHandler
    public long handle(RecordUptake command) {
        Recommendation recommendation = changeableRecommendation(command.recommendationId());
        if (recommendation.status() != RecommendationStatus.PUBLISHED) {
            throw RuleViolation.conflict("uptake-before-publication",
                    "uptake is traced once the recommendation is published; it is " + recommendation.status());
        }
        String stepId = Inputs.required("stepId", command.stepId());
        Measure measure = recommendation.measureIds().stream().map(id -> state.measures().get(id))
                .filter(m -> m != null && m.step(stepId).isPresent()).findFirst()
                .orElseThrow(() -> RuleViolation.conflict("stepId", "step-not-of-linked-measure",
                        "step " + stepId + " is not a step of a measure the recommendation is linked to"));
        FieldChecks checks = new FieldChecks();
        Uptake uptake = checks.check(() -> Inputs.required("uptake", command.uptake()));
        String passage = checks.check(() -> command.uptake() == Uptake.NOT_REFLECTED
                ? Inputs.optionalParagraphs("passage", command.passage(), TEXT_MAX)
                : Inputs.paragraphs("passage", command.passage(), TEXT_MAX)); // what is reflected is quoted
        String reference = checks.check(() -> Inputs.optionalText("reference", command.reference(), UPTAKE_REFERENCE_MAX));
        String note = checks.check(() -> Inputs.optionalParagraphs("note", command.note(), NOTE_MAX));
        checks.done();
        UptakeRecord recorded = recommendation.uptake().get(stepId);
        UptakeRecord wanted = new UptakeRecord(measure.id(), stepId, uptake, passage, reference, note, null);
        if (recorded == null) {
            apply(new UptakeRecorded(dossierId, recommendation.id(), measure.id(), stepId, uptake, passage, reference, note));
            return version();
        }
        if (recorded.uptake() == uptake && Objects.equals(recorded.passage(), passage) && Objects.equals(recorded.reference(), reference)
                && Objects.equals(recorded.note(), note)) {
            return version(); // recorded already as it is: nothing to record
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.invalid("reason", "correction-needs-reason",
                    "the uptake at this step is recorded already (" + recorded.uptake() + "); say why it is corrected");
        }
        apply(new UptakeCorrected(dossierId, recommendation.id(), wanted.measureId(), stepId, uptake, passage, reference, note,
                Inputs.paragraphs("reason", command.reason(), NOTE_MAX)));
        return version();
    }

    /** The longest reference of a national measure: an ELI address or a national official journal's number. */
    public static final int NATIONAL_REFERENCE_MAX = 300;
    public static final int LINK_MAX = 1_000;
    private static final java.util.regex.Pattern INFRINGEMENT_REFERENCE = java.util.regex.Pattern.compile("INFR\\(\\d{4}\\)\\d{4}");

    @CommandHandler
    public long handle(RecordNationalMeasure command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        String country = Checks.country("country", command.country());
        String nationalMeasureId = Inputs.required("nationalMeasureId", command.nationalMeasureId());
        if (measure.national(country).measure(nationalMeasureId).isPresent()) {
            throw RuleViolation.conflict("nationalMeasureId", "duplicate-national-measure", "the measure already has national measure " + nationalMeasureId);
        }
        NationalFields fields = nationalFields(measure, command.kind(), command.title(), command.reference(), command.adoptedOn(), command.link(),
                command.today());
        apply(new NationalMeasureRecorded(dossierId, measure.id(), country, nationalMeasureId, fields.kind, fields.title, fields.reference,
                fields.adoptedOn, fields.link, Inputs.required("organisationId", command.organisationId())));
        return version();
    }

    @CommandHandler
    public long handle(CorrectNationalMeasure command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        String country = Checks.country("country", command.country());
        NationalImplementation.NationalMeasure recorded = measure.national(country).measure(command.nationalMeasureId())
                .orElseThrow(() -> RuleViolation.conflict("nationalMeasureId", "unknown-national-measure",
                        "the measure has no national measure " + command.nationalMeasureId() + " for " + country));
        String reason = Inputs.paragraphs("reason", command.reason(), NOTE_MAX);
        NationalFields fields = nationalFields(measure, command.kind(), command.title(), command.reference(), command.adoptedOn(), command.link(),
                command.today());
        if (fields.equals(new NationalFields(recorded.kind(), recorded.title(), recorded.reference(), recorded.adoptedOn(), recorded.link()))) {
            return version(); // the correction says what the record says: nothing to record
        }
        apply(new NationalMeasureCorrected(dossierId, measure.id(), country, recorded.id(), fields.kind, fields.title, fields.reference,
                fields.adoptedOn, fields.link, Inputs.required("organisationId", command.organisationId()), reason));
        return version();
    }

    private record NationalFields(NationalMeasureKind kind, String title, String reference, LocalDate adoptedOn, String link) {
    }

    private static NationalFields nationalFields(Measure measure, NationalMeasureKind kind, String title, String reference, LocalDate adoptedOn,
                                                 String link, LocalDate today) {
        FieldChecks checks = new FieldChecks();
        NationalMeasureKind checkedKind = checks.check(() -> Inputs.required("kind", kind));
        String checkedTitle = checks.check(() -> Inputs.text("title", title, TITLE_MAX));
        String checkedReference = checks.check(() -> Inputs.optionalText("reference", reference, NATIONAL_REFERENCE_MAX));
        LocalDate checkedDate = checks.check(() -> Checks.notInFuture("adoptedOn", adoptedOn, Inputs.required("today", today)));
        String checkedLink = checks.check(() -> Inputs.optionalWebAddress("link", link, LINK_MAX));
        checks.done();
        if (!checkedKind.appliesTo(measure.type())) {
            throw RuleViolation.invalid("kind", "kind-not-for-measure-type", "a " + checkedKind + " implements "
                    + (checkedKind == NationalMeasureKind.TRANSPOSITION_MEASURE ? "a directive" : "a regulation") + "; '" + measure.title()
                    + "' is a " + measure.type());
        }
        return new NationalFields(checkedKind, checkedTitle, checkedReference, checkedDate, checkedLink);
    }

    @CommandHandler
    public long handle(DeclareTransposition command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        String country = Checks.country("country", command.country());
        FieldChecks checks = new FieldChecks();
        TranspositionStatus status = checks.check(() -> Inputs.required("status", command.status()));
        LocalDate effectiveDate = checks.check(() -> Checks.notInFuture("effectiveDate", command.effectiveDate(),
                Inputs.required("today", command.today())));
        String source = checks.check(() -> Inputs.paragraphs("source", command.source(), NOTE_MAX));
        checks.done();
        if (measure.type() != MeasureType.DIRECTIVE) {
            throw RuleViolation.invalid("status", "transposed-directives-only",
                    "only directives are transposed; '" + measure.title() + "' is a " + measure.type());
        }
        var latest = measure.national(country).declaration();
        if (latest.isPresent() && latest.get().status() == status && latest.get().effectiveDate().equals(effectiveDate)
                && latest.get().source().equals(source)) {
            return version(); // declared already: changes nothing
        }
        apply(new TranspositionDeclared(dossierId, measure.id(), country, status, effectiveDate, source,
                Inputs.required("organisationId", command.organisationId())));
        return version();
    }

    @CommandHandler
    public long handle(RecordInfringementStep command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        String country = Checks.country("country", command.country());
        String stepId = Inputs.required("stepId", command.stepId());
        FieldChecks checks = new FieldChecks();
        InfringementStage stage = checks.check(() -> Inputs.required("stage", command.stage()));
        String reference = checks.check(() -> infringementReference(command.reference()));
        LocalDate effectiveDate = checks.check(() -> Checks.notInFuture("effectiveDate", command.effectiveDate(),
                Inputs.required("today", command.today())));
        checks.done();
        NationalImplementation national = measure.national(country);
        boolean recordedAlready = national.infringement().stream().anyMatch(step -> step.stage() == stage && step.reference().equals(reference)
                && step.effectiveDate().equals(effectiveDate));
        if (recordedAlready) {
            return version(); // the same step of the same procedure: nothing new
        }
        apply(new InfringementStepRecorded(dossierId, measure.id(), country, stepId, stage, reference, effectiveDate,
                Inputs.required("organisationId", command.organisationId())));
        return version();
    }

    private static String infringementReference(String value) {
        String reference = Inputs.text("reference", value, REFERENCE_MAX);
        if (!INFRINGEMENT_REFERENCE.matcher(reference).matches()) {
            throw RuleViolation.invalid("reference", "malformed-infringement-reference",
                    "'" + reference + "' is not the Commission's infringement number, such as INFR(2026)2145");
        }
        return reference;
    }

    @CommandHandler
    public long handle(AddNationalNote command) {
        requireOpen();
        Measure measure = measure(command.measureId());
        String country = Checks.country("country", command.country());
        FieldChecks checks = new FieldChecks();
        String text = checks.check(() -> Inputs.paragraphs("text", command.text(), NOTE_MAX));
        String rightCode = checks.check(() -> command.rightCode() == null || command.rightCode().isBlank() ? null
                : Checks.rightCode("rightCode", command.rightCode()));
        checks.done();
        apply(new NationalNoteAdded(dossierId, measure.id(), country, Inputs.required("noteId", command.noteId()), text, rightCode,
                Inputs.required("organisationId", command.organisationId())));
        return version();
    }

    @EventSourcingHandler
    void on(DossierEvent event) {
        if (event instanceof DossierOpened opened) {
            dossierId = opened.dossierId();
        }
        state = state.apply(event);
    }

    private void requireOpen() {
        if (state.status() == DossierStatus.ARCHIVED) {
            throw RuleViolation.conflict("dossier-archived", "the dossier is archived; its history is kept, and nothing changes any more");
        }
    }

    private Measure measure(String measureId) {
        return measure("measureId", measureId);
    }

    private Measure measure(String field, String measureId) {
        Measure measure = measureId == null ? null : state.measures().get(measureId);
        if (measure == null) {
            throw RuleViolation.conflict(field, "unknown-measure", "the dossier has no measure " + measureId);
        }
        return measure;
    }

    /** A recommendation that can still change: the dossier is open and the recommendation is not withdrawn. */
    private Recommendation changeableRecommendation(String recommendationId) {
        requireOpen();
        Recommendation recommendation = recommendationId == null ? null : state.recommendations().get(recommendationId);
        if (recommendation == null) {
            throw RuleViolation.conflict("recommendationId", "unknown-recommendation", "the dossier has no recommendation " + recommendationId);
        }
        if (recommendation.status() == RecommendationStatus.WITHDRAWN) {
            throw RuleViolation.conflict("recommendation-withdrawn", "the recommendation is withdrawn; its history is kept, and nothing changes any more");
        }
        return recommendation;
    }

    /** Addressees in their vocabulary order, so the stored event reads the same every time. */
    private static List<Addressee> addressees(Set<Addressee> addressees) {
        return Checks.notEmpty("addressees", addressees).stream().distinct().sorted().toList();
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
