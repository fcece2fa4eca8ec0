package org.icm.membership.organisation;

import java.util.List;
import org.icm.kernel.identity.Role;

/**
 * What happened to an organisation and its accounts: the domain events of membership-service, private to it (the
 * published language is in shared-kernel). Each carries the organisation's name as it was, so translating one
 * into the published language needs no other event. No event carries a password, a hash or an invitation secret:
 * those live in the credential store.
 */
public sealed interface OrganisationEvent {

    String organisationId();

    record OrganisationApplied(String organisationId, Profile profile) implements OrganisationEvent {
    }

    record OrganisationAdmitted(String organisationId, String name) implements OrganisationEvent {
    }

    record OrganisationRejected(String organisationId, String name, String reason) implements OrganisationEvent {
    }

    record OrganisationSuspended(String organisationId, String name, String reason) implements OrganisationEvent {
    }

    record OrganisationReinstated(String organisationId, String name) implements OrganisationEvent {
    }

    record OrganisationWithdrew(String organisationId, String name) implements OrganisationEvent {
    }

    record ProfileEdited(String organisationId, Profile profile) implements OrganisationEvent {
    }

    record FocalPointDesignated(String organisationId, String name) implements OrganisationEvent {
    }

    record FocalPointRevoked(String organisationId, String name) implements OrganisationEvent {
    }

    record AccountInvited(String organisationId, String accountId, String email, String displayName, boolean analyst)
            implements OrganisationEvent {
    }

    record AccountActivated(String organisationId, String name, String accountId, String email, String displayName,
                            List<Role> roles) implements OrganisationEvent {
    }

    /** An account's roles now, after a grant or revocation of ANALYST or the organisation's focal-point designation. */
    record AccountRolesChanged(String organisationId, String name, String accountId, boolean analyst, List<Role> roles)
            implements OrganisationEvent {
    }

    record AccountDeactivated(String organisationId, String name, String accountId) implements OrganisationEvent {
    }
}
