package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** An admitted organisation became a focal point of ICM: its people may take the FOCAL_POINT role. */
public record FocalPointDesignated(String organisationId,
                                   @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName)
        implements MembershipIntegrationEvent {
}
