package org.icm.kernel.events.policy;

import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.vocabulary.PolicyArea;

/**
 * A fact policy-service publishes about one dossier. Every such event names the dossier, its title and its
 * policy area as they were when it happened, so a consumer filters by dossier or policy area and writes a
 * readable notice without keeping its own copy of the dossier. The dossier id is the subject, hence the
 * Kafka key: one dossier's events stay in order on one partition.
 */
public interface DossierIntegrationEvent extends IntegrationEvent {

    String dossierId();

    String dossierTitle();

    PolicyArea policyArea();

    @Override
    default String subject() {
        return dossierId();
    }
}
