package org.icm.kernel.events.membership;

/** An account can no longer sign in, and should receive nothing more. */
public record AccountDeactivated(String organisationId, String organisationName, String accountId)
        implements MembershipIntegrationEvent {
}
