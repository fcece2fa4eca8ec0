package org.icm.kernel.events.policy;

import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.PolicyArea;

/**
 * A right of the catalogue was tagged as at stake in a dossier.
 *
 * @param rightCode a code of {@link org.icm.kernel.vocabulary.RightsCatalogue}, e.g. {@code UNCRC-3}
 * @param rationale why the dossier puts this right at stake
 */
public record RightTagged(String dossierId,
                          String dossierTitle,
                          PolicyArea policyArea,
                          String rightCode,
                          @NotPersonal(NotPersonal.NETWORK_RECORD) String rationale)
        implements DossierIntegrationEvent {
}
