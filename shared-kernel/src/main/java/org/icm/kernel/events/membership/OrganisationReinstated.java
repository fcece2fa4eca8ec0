package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** A suspended organisation is a member again. */
public record OrganisationReinstated(String organisationId,
                                     @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName)
        implements MembershipIntegrationEvent {
}
