package org.icm.kernel.events.policy;

import org.icm.kernel.vocabulary.PolicyArea;

/**
 * How far the addressees took a published recommendation up.
 *
 * @param outcome  NOT_ADDRESSED, PARTIALLY_ADDRESSED or ADDRESSED (policy-service's vocabulary, as a string)
 * @param evidence what shows it
 */
public record RecommendationOutcomeRecorded(String dossierId, String dossierTitle, PolicyArea policyArea, String recommendationId,
                                            String outcome, String evidence) implements DossierIntegrationEvent {
}
