package org.icm.kernel.events.membership;

/** An organisation left ICM (or withdrew its application). */
public record OrganisationWithdrew(String organisationId, String organisationName) implements MembershipIntegrationEvent {
}
