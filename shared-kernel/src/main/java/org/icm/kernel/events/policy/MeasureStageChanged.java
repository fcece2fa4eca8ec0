package org.icm.kernel.events.policy;

import java.time.LocalDate;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;

/**
 * A measure's current stage in its EU procedure changed: the stage of its step with the latest effective
 * date, or the date that step happened. Published when a recorded step becomes the latest one, and when
 * a correction changes which stage is current or since when; a step recorded for an earlier date, which
 * leaves the current stage as it was, publishes nothing. {@code previousStage} equals {@code newStage}
 * when the same stage happened again later (an amended proposal) or a correction moved its date.
 *
 * @param procedureReference the EU procedure, e.g. {@code 2016/0224(COD)}; null when the act has none
 * @param previousStage      the current stage before; null for the measure's first step
 * @param newStage           the current stage now
 * @param effectiveDate      the day the EU procedure reached {@code newStage}
 * @param correction         true when a correction of a wrongly recorded step caused the change
 */
public record MeasureStageChanged(String dossierId, String dossierTitle, PolicyArea policyArea, String measureId, String measureTitle,
                                  String procedureReference, ProcedureStage previousStage, ProcedureStage newStage,
                                  LocalDate effectiveDate, boolean correction) implements DossierIntegrationEvent {
}
