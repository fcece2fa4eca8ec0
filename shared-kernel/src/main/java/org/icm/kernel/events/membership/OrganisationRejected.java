package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** Focal points rejected an organisation's application, for the reason given. */
public record OrganisationRejected(String organisationId,
                                   @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName,
                                   @NotPersonal(NotPersonal.NETWORK_RECORD) String reason)
        implements MembershipIntegrationEvent {
}
