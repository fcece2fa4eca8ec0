package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** An account can no longer sign in, and should receive nothing more. */
public record AccountDeactivated(String organisationId,
                                 @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                                 String accountId)
        implements MembershipIntegrationEvent {
}
