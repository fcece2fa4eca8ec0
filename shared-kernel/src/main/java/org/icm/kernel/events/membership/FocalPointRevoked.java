package org.icm.kernel.events.membership;

import org.icm.kernel.privacy.NotPersonal;

/** An organisation is no longer a focal point; its accounts lose the FOCAL_POINT role. */
public record FocalPointRevoked(String organisationId,
                                @NotPersonal(NotPersonal.ORGANISATION_NAME) String organisationName) implements MembershipIntegrationEvent {
}
