package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** Focal points suspended a member organisation, for the reason given; its accounts keep no member rights meanwhile. */
public record OrganisationSuspended(String organisationId,
                                    @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                                    @NotPersonal(NotPersonal.NETWORK_RECORD) String reason)
        implements MembershipIntegrationEvent {
}
