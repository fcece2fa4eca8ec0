package org.icm.kernel.events.policy;

import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.PolicyArea;

/**
 * The text of a recommendation was revised.
 *
 * @param revision the revision number, 2 for the first revision of the drafted text
 * @param status   the recommendation's status when revised (DRAFT, IN_REVIEW, ADOPTED, PUBLISHED), so a
 *                 consumer can tell a change to a public recommendation from work on a draft
 */
public record RecommendationRevised(String dossierId, String dossierTitle, PolicyArea policyArea, String recommendationId,
                                    int revision,
                                    @NotPersonal(NotPersonal.NETWORK_RECORD) String text, String status) implements DossierIntegrationEvent {
}
