package org.icm.kernel.events.policy;

import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.PolicyArea;

/**
 * A focal point opened a dossier. It starts as a draft: members see it, the public does not.
 *
 * @param summary          may be null
 * @param leadOrganisation the lead focal point's organisation id; may be null
 */
public record DossierOpened(String dossierId,
                            String dossierTitle,
                            PolicyArea policyArea,
                            @NotPersonal(NotPersonal.NETWORK_RECORD) String summary,
                            String leadOrganisation)
        implements DossierIntegrationEvent {
}
