package org.icm.kernel.events.policy;

import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.PolicyArea;

/**
 * A dossier's title, policy area or summary changed; the fields are the values after the change, so a
 * consumer that filters by policy area learns when a dossier moves to another one.
 *
 * @param summary may be null
 */
public record DossierEdited(String dossierId,
                            String dossierTitle,
                            PolicyArea policyArea,
                            @NotPersonal(NotPersonal.NETWORK_RECORD) String summary)
        implements DossierIntegrationEvent {
}
