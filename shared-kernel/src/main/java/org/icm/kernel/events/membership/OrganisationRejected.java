package org.icm.kernel.events.membership;

/** Focal points rejected an organisation's application, for the reason given. */
public record OrganisationRejected(String organisationId, String organisationName, String reason)
        implements MembershipIntegrationEvent {
}
