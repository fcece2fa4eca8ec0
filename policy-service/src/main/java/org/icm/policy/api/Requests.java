package org.icm.policy.api;

import static org.icm.policy.dossier.Dossier.NOTE_MAX;
import static org.icm.policy.dossier.Dossier.REFERENCE_MAX;
import static org.icm.policy.dossier.Dossier.TEXT_MAX;
import static org.icm.policy.dossier.Dossier.TITLE_MAX;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;

/**
 * Request bodies. Their values are checked by the dossier itself, which names the field at fault; the maximum lengths
 * here are the dossier's own, shown in the OpenAPI document.
 */
final class Requests {

    private Requests() {
    }

    record DossierFields(@Schema(maxLength = TITLE_MAX) String title, PolicyArea policyArea, @Schema(maxLength = TEXT_MAX) String summary) {
    }

    record MeasureFields(@Schema(maxLength = TITLE_MAX) String title, MeasureType type,
                         @Schema(maxLength = REFERENCE_MAX, example = "2016/0224(COD)") String procedureReference,
                         @Schema(maxLength = REFERENCE_MAX, example = "COM(2020)611") String comReference,
                         @Schema(maxLength = REFERENCE_MAX, example = "32024R1348") String celexNumber,
                         @Schema(maxLength = TITLE_MAX) String finalAct) {
    }

    record StepFields(ProcedureStage stage, LocalDate effectiveDate, @Schema(maxLength = NOTE_MAX) String note,
                      @Schema(maxLength = NOTE_MAX) String documentReference) {
    }

    record Correction(ProcedureStage stage, LocalDate effectiveDate, @Schema(maxLength = NOTE_MAX) String note,
                      @Schema(maxLength = NOTE_MAX) String documentReference, @Schema(maxLength = NOTE_MAX) String reason) {
    }

    record KeyDates(LocalDate entryIntoForce, LocalDate application, LocalDate transpositionDeadline) {
    }

    record Rationale(@Schema(maxLength = NOTE_MAX) String rationale) {
    }

    record NewRecommendation(@Schema(maxLength = TEXT_MAX) String text, Set<Addressee> addressees,
                             @ArraySchema(schema = @Schema(maxLength = 80)) List<String> measureIds) {
    }

    record Text(@Schema(maxLength = TEXT_MAX) String text) {
    }

    record Addressees(Set<Addressee> addressees) {
    }

    record Status(RecommendationStatus status) {
    }

    record OutcomeFields(Outcome outcome, @Schema(maxLength = TEXT_MAX) String evidence) {
    }
}
