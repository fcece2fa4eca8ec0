package org.icm.kernel.events.policy;

import org.icm.kernel.vocabulary.PolicyArea;

/** A published dossier went back to draft: members still see it, the public no longer does. */
public record DossierReturnedToDraft(String dossierId, String dossierTitle, PolicyArea policyArea) implements DossierIntegrationEvent {
}
