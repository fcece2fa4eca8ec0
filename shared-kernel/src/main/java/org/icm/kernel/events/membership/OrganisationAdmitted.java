package org.icm.kernel.events.membership;

/** Focal points admitted an organisation: it is a member of ICM now. */
public record OrganisationAdmitted(String organisationId, String organisationName) implements MembershipIntegrationEvent {
}
