package org.icm.kernel.events.membership;

/** Focal points suspended a member organisation, for the reason given; its accounts keep no member rights meanwhile. */
public record OrganisationSuspended(String organisationId, String organisationName, String reason)
        implements MembershipIntegrationEvent {
}
