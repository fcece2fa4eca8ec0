package org.icm.kernel.events.membership;

/** A suspended organisation is a member again. */
public record OrganisationReinstated(String organisationId, String organisationName) implements MembershipIntegrationEvent {
}
