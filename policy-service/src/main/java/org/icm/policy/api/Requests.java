package org.icm.policy.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;

/** Request bodies. Their values are checked by the dossier itself, which names the field at fault. */
final class Requests {

    private Requests() {
    }

    record DossierFields(String title, PolicyArea policyArea, String summary) {
    }

    record MeasureFields(String title, MeasureType type, String procedureReference, String comReference, String celexNumber,
                         String finalAct) {
    }

    record StepFields(ProcedureStage stage, LocalDate effectiveDate, String note, String documentReference) {
    }

    record Correction(ProcedureStage stage, LocalDate effectiveDate, String note, String documentReference, String reason) {
    }

    record KeyDates(LocalDate entryIntoForce, LocalDate application, LocalDate transpositionDeadline) {
    }

    record Rationale(String rationale) {
    }

    record NewRecommendation(String text, Set<Addressee> addressees, List<String> measureIds) {
    }

    record Text(String text) {
    }

    record Addressees(Set<Addressee> addressees) {
    }

    record Status(RecommendationStatus status) {
    }

    record OutcomeFields(Outcome outcome, String evidence) {
    }
}
