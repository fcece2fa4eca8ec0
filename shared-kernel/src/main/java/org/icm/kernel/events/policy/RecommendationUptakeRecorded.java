package org.icm.kernel.events.policy;

import java.time.LocalDate;
import java.util.List;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Uptake;

/**
 * How far the text of a procedure step reflects a published recommendation was recorded (or corrected): what the
 * organisations that endorsed the recommendation want to hear.
 *
 * @param stage         the step's stage (the text's kind: proposal, committee report, general approach, final act ...)
 * @param effectiveDate when that step happened
 * @param reference     the text's reference with its article or amendment, when given
 * @param endorsements  the ids of the organisations that endorse the recommendation now
 * @param correction    true when this corrects an earlier record for the same step
 */
public record RecommendationUptakeRecorded(String dossierId, String dossierTitle, PolicyArea policyArea, String recommendationId,
                                           @NotPersonal(NotPersonal.NETWORK_RECORD) String recommendationText, String measureId,
                                           String measureTitle, String stepId, ProcedureStage stage, LocalDate effectiveDate, Uptake uptake,
                                           String reference, List<String> endorsements, boolean correction)
        implements DossierIntegrationEvent {
}
