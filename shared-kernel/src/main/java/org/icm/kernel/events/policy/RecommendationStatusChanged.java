package org.icm.kernel.events.policy;

import org.icm.kernel.vocabulary.PolicyArea;

/**
 * A recommendation moved in its life: DRAFT, IN_REVIEW, ADOPTED, PUBLISHED, WITHDRAWN. The statuses are
 * words of policy-service's vocabulary, carried as strings so that a consumer never fails on a word added
 * later. A move to PUBLISHED is also published as {@link RecommendationPublished}.
 */
public record RecommendationStatusChanged(String dossierId, String dossierTitle, PolicyArea policyArea, String recommendationId,
                                          String from, String to) implements DossierIntegrationEvent {
}
