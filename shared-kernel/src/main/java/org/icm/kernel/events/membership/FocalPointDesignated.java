package org.icm.kernel.events.membership;

/** An admitted organisation became a focal point of ICM: its people may take the FOCAL_POINT role. */
public record FocalPointDesignated(String organisationId, String organisationName) implements MembershipIntegrationEvent {
}
