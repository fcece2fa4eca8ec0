package org.icm.policy.history;

import java.util.Objects;
import java.util.stream.Collectors;
import org.icm.kernel.vocabulary.RightsCatalogue;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierEvent.*;
import org.icm.policy.dossier.DossierState;
import org.icm.policy.dossier.DossierState.Measure;

/** One line a person can read for each kind of change, e.g. "Asylum Procedure Regulation: TRILOGUE -> PROVISIONAL_AGREEMENT, effective 2023-12-20". */
final class Summaries {

    private Summaries() {
    }

    static String of(DossierEvent event, DossierState before, DossierState after) {
        return switch (event) {
            case DossierOpened e -> "Dossier opened: " + e.title() + " (" + e.policyArea() + ")";
            case DossierEdited e -> "Dossier edited: " + e.title() + " (" + e.policyArea() + ")";
            case DossierPublished e -> "Dossier published";
            case DossierReturnedToDraft e -> "Dossier returned to draft";
            case DossierArchived e -> "Dossier archived";
            case MeasureAdded e -> "Measure added: " + e.title() + " (" + e.type() + (e.procedureReference() == null ? "" : ", " + e.procedureReference()) + ")";
            case MeasureEdited e -> "Measure edited: " + e.title();
            case ProcedureStepRecorded e -> stageLine(before.measures().get(e.measureId()), after.measures().get(e.measureId()), e.stage(),
                    e.effectiveDate().toString());
            case ProcedureStepCorrected e -> {
                Measure measure = before.measures().get(e.measureId());
                DossierState.Step old = measure.step(e.stepId()).orElseThrow();
                yield measure.title() + ": step corrected from " + old.stage() + " effective " + old.effectiveDate() + " to " + e.stage()
                        + " effective " + e.effectiveDate() + " (" + e.reason() + ")";
            }
            case MeasureKeyDatesSet e -> after.measures().get(e.measureId()).title() + ": key dates set (entry into force "
                    + orDash(e.entryIntoForce()) + ", application " + orDash(e.application()) + ", transposition deadline "
                    + orDash(e.transpositionDeadline()) + ")";
            case RightTagged e -> "Right at stake: " + e.rightCode() + " " + rightTitle(e.rightCode());
            case RightUntagged e -> "Right no longer at stake: " + e.rightCode() + " " + rightTitle(e.rightCode());
            case RecommendationDrafted e -> "Recommendation drafted, to " + e.addressees().stream().map(Enum::name).collect(Collectors.joining(", "));
            case RecommendationRevised e -> "Recommendation revised (revision " + e.revision() + ")";
            case RecommendationAddresseesChanged e -> "Recommendation addressed to " + e.addressees().stream().map(Enum::name).collect(Collectors.joining(", "));
            case RecommendationMeasureLinked e -> "Recommendation linked to " + after.measures().get(e.measureId()).title();
            case RecommendationMeasureUnlinked e -> "Recommendation no longer linked to " + measureTitle(after, e.measureId());
            case RecommendationStatusChanged e -> "Recommendation: " + e.from() + " -> " + e.to();
            case RecommendationOutcomeRecorded e -> "Recommendation outcome: " + e.outcome();
            case RecommendationEndorsed e -> "Recommendation endorsed by organisation " + e.organisationId();
            case RecommendationEndorsementWithdrawn e -> "Endorsement withdrawn by organisation " + e.organisationId();
            case NationalMeasureRecorded e -> national(after, e) + "national measure " + e.kind() + ": " + e.title()
                    + (e.reference() == null ? "" : " (" + e.reference() + ")") + ", adopted " + e.adoptedOn();
            case NationalMeasureCorrected e -> national(after, e) + "national measure corrected: " + e.title() + ", adopted " + e.adoptedOn()
                    + " (" + e.reason() + ")";
            case TranspositionDeclared e -> national(after, e) + "transposition declared " + e.status() + " from " + e.effectiveDate()
                    + " (source: " + e.source() + ")";
            case InfringementStepRecorded e -> national(after, e) + "infringement " + e.reference() + ": " + e.stage() + ", " + e.effectiveDate();
            case UptakeRecorded e -> "Recommendation uptake at " + stepLine(after, e.measureId(), e.stepId()) + ": " + e.uptake()
                    + (e.reference() == null ? "" : " (" + e.reference() + ")");
            case UptakeCorrected e -> "Recommendation uptake corrected at " + stepLine(after, e.measureId(), e.stepId()) + ": " + e.uptake()
                    + (e.reference() == null ? "" : " (" + e.reference() + ")") + " (" + e.reason() + ")";
            case NationalNoteAdded e -> national(after, e) + "note" + (e.rightCode() == null ? "" : " on " + e.rightCode()) + " added";
        };
    }

    private static String stageLine(Measure before, Measure after, Object stage, String effective) {
        var previous = before.currentStage();
        var current = after.currentStage();
        if (!Objects.equals(previous, current) || !Objects.equals(before.currentStep().map(DossierState.Step::effectiveDate),
                after.currentStep().map(DossierState.Step::effectiveDate))) {
            return after.title() + ": " + previous.map(s -> s + " -> ").orElse("") + current.orElseThrow() + ", effective "
                    + after.currentStep().orElseThrow().effectiveDate();
        }
        return after.title() + ": earlier step " + stage + " recorded, effective " + effective;
    }

    /** "Asylum Procedure Regulation, PROVISIONAL_AGREEMENT of 2023-12-20" */
    private static String stepLine(DossierState after, String measureId, String stepId) {
        Measure measure = after.measures().get(measureId);
        DossierState.Step step = measure.step(stepId).orElseThrow();
        return measure.title() + ", " + step.stage() + " of " + step.effectiveDate();
    }

    /** "Reception Conditions Directive, GR: " */
    private static String national(DossierState after, NationalEvent event) {
        return after.measures().get(event.measureId()).title() + ", " + event.country() + ": ";
    }

    private static String measureTitle(DossierState state, String measureId) {
        Measure measure = state.measures().get(measureId);
        return measure == null ? measureId : measure.title();
    }

    private static String rightTitle(String code) {
        return RightsCatalogue.standard().find(code).map(right -> "(" + right.title() + ")").orElse("");
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
