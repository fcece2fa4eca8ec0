package org.icm.kernel.events.policy;

import org.icm.kernel.vocabulary.PolicyArea;

/** A dossier became public. */
public record DossierPublished(String dossierId, String dossierTitle, PolicyArea policyArea) implements DossierIntegrationEvent {
}
