package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** An organisation left ICM (or withdrew its application). */
public record OrganisationWithdrew(String organisationId,
                                   @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName)
        implements MembershipIntegrationEvent {
}
