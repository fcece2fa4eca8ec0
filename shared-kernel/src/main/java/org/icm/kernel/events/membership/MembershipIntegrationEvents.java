package org.icm.kernel.events.membership;

import java.util.List;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;

/**
 * The published language of membership-service: every integration event type it sends on {@link Topic#MEMBERSHIP},
 * keyed by organisation id. Consumers give {@link #ALL} to their {@code IntegrationEventCodec}.
 */
public final class MembershipIntegrationEvents {

    public static final IntegrationEventType<OrganisationApplied> ORGANISATION_APPLIED =
            type("OrganisationApplied", OrganisationApplied.class);
    public static final IntegrationEventType<OrganisationAdmitted> ORGANISATION_ADMITTED =
            type("OrganisationAdmitted", OrganisationAdmitted.class);
    public static final IntegrationEventType<OrganisationRejected> ORGANISATION_REJECTED =
            type("OrganisationRejected", OrganisationRejected.class);
    public static final IntegrationEventType<OrganisationSuspended> ORGANISATION_SUSPENDED =
            type("OrganisationSuspended", OrganisationSuspended.class);
    public static final IntegrationEventType<OrganisationReinstated> ORGANISATION_REINSTATED =
            type("OrganisationReinstated", OrganisationReinstated.class);
    public static final IntegrationEventType<OrganisationWithdrew> ORGANISATION_WITHDREW =
            type("OrganisationWithdrew", OrganisationWithdrew.class);
    public static final IntegrationEventType<OrganisationProfileUpdated> ORGANISATION_PROFILE_UPDATED =
            type("OrganisationProfileUpdated", OrganisationProfileUpdated.class);
    public static final IntegrationEventType<FocalPointDesignated> FOCAL_POINT_DESIGNATED =
            type("FocalPointDesignated", FocalPointDesignated.class);
    public static final IntegrationEventType<FocalPointRevoked> FOCAL_POINT_REVOKED =
            type("FocalPointRevoked", FocalPointRevoked.class);
    public static final IntegrationEventType<AccountActivated> ACCOUNT_ACTIVATED = type("AccountActivated", AccountActivated.class);
    public static final IntegrationEventType<AccountRolesChanged> ACCOUNT_ROLES_CHANGED =
            type("AccountRolesChanged", AccountRolesChanged.class);
    public static final IntegrationEventType<AccountDeactivated> ACCOUNT_DEACTIVATED =
            type("AccountDeactivated", AccountDeactivated.class);

    public static final IntegrationEventType<PersonErased> PERSON_ERASED = type("PersonErased", PersonErased.class);

    public static final List<IntegrationEventType<?>> ALL = List.of(
            ORGANISATION_APPLIED, ORGANISATION_ADMITTED, ORGANISATION_REJECTED, ORGANISATION_SUSPENDED,
            ORGANISATION_REINSTATED, ORGANISATION_WITHDREW, ORGANISATION_PROFILE_UPDATED,
            FOCAL_POINT_DESIGNATED, FOCAL_POINT_REVOKED,
            ACCOUNT_ACTIVATED, ACCOUNT_ROLES_CHANGED, ACCOUNT_DEACTIVATED, PERSON_ERASED);

    private MembershipIntegrationEvents() {
    }

    private static <E extends MembershipIntegrationEvent> IntegrationEventType<E> type(String name, Class<E> payloadType) {
        return new IntegrationEventType<>("org.icm.membership." + name + ".v1", Topic.MEMBERSHIP, payloadType);
    }
}
