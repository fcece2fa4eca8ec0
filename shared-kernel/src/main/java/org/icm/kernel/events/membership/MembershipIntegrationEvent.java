package org.icm.kernel.events.membership;

import org.icm.kernel.events.IntegrationEvent;

/**
 * A fact membership-service publishes about one organisation or one of its accounts. Every such event names
 * the organisation and its name as they were when it happened; the organisation id is the subject, hence the
 * Kafka key, so one organisation's events (accounts included) stay in order on one partition.
 *
 * <p>No event carries a password, a password hash or an invitation secret.
 */
public interface MembershipIntegrationEvent extends IntegrationEvent {

    String organisationId();

    String organisationName();

    @Override
    default String subject() {
        return organisationId();
    }
}
