package org.icm.kernel.events.policy;

import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;

/**
 * A legislative or non-legislative act was added to a dossier.
 *
 * @param procedureReference the EU procedure, e.g. {@code 2016/0224(COD)}; null when the act has none
 */
public record MeasureAdded(String dossierId, String dossierTitle, PolicyArea policyArea, String measureId, String measureTitle,
                           MeasureType measureType, String procedureReference) implements DossierIntegrationEvent {
}
