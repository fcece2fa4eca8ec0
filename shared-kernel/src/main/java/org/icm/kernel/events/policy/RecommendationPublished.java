package org.icm.kernel.events.policy;

import java.util.List;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.PolicyArea;

/**
 * ICM published a recommendation: what it asks, of whom, about which measures of the dossier.
 *
 * @param addressees who it asks, words of policy-service's vocabulary (EUROPEAN_COMMISSION,
 *                   EUROPEAN_PARLIAMENT, COUNCIL, MEMBER_STATES, EU_AGENCIES)
 * @param measureIds the dossier's measures it is about; may be empty
 */
public record RecommendationPublished(String dossierId, String dossierTitle, PolicyArea policyArea, String recommendationId,
                                      int revision,
                                      @NotPersonal(NotPersonal.NETWORK_RECORD) String text, List<String> addressees, List<String> measureIds)
        implements DossierIntegrationEvent {
}
