package org.icm.kernel.events.policy;

import org.icm.kernel.vocabulary.PolicyArea;

/** A dossier was archived: its history is kept, and nothing in it changes any more. */
public record DossierArchived(String dossierId, String dossierTitle, PolicyArea policyArea) implements DossierIntegrationEvent {
}
