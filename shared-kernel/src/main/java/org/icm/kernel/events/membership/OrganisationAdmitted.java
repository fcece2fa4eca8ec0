package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** Focal points admitted an organisation: it is a member of ICM now. */
public record OrganisationAdmitted(String organisationId,
                                   @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName)
        implements MembershipIntegrationEvent {
}
