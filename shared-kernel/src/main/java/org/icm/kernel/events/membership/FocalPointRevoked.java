package org.icm.kernel.events.membership;

/** An organisation is no longer a focal point; its accounts lose the FOCAL_POINT role. */
public record FocalPointRevoked(String organisationId, String organisationName) implements MembershipIntegrationEvent {
}
