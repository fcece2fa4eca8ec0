package org.icm.kernel.events.policy;

import org.icm.kernel.vocabulary.PolicyArea;

/**
 * A right is no longer tagged as at stake in a dossier.
 *
 * @param rightCode a code of {@link org.icm.kernel.vocabulary.RightsCatalogue}, e.g. {@code UNCRC-3}
 */
public record RightUntagged(String dossierId, String dossierTitle, PolicyArea policyArea, String rightCode)
        implements DossierIntegrationEvent {
}
