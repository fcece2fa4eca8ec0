package org.icm.membership.organisation;

import java.util.List;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalData.Kind;

/**
 * What happened to an organisation and its accounts: the domain events of membership-service, private to it (the
 * published language is in shared-kernel). Each carries the organisation's name as it was, so translating one
 * into the published language needs no other event. No event carries a password, a hash or an invitation secret:
 * those live in the credential store. People's names and addresses are {@link PersonalData}: sealed with their own key
 * in the event store, and read as "erased person" once they are erased ({@link PersonErased}). An organisation's name
 * is public, and every event's {@code name} is that name.
 */
public sealed interface OrganisationEvent {

    String organisationId();

    record OrganisationApplied(String organisationId, Profile profile) implements OrganisationEvent {
    }

    record OrganisationAdmitted(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name) implements OrganisationEvent {
    }

    record OrganisationRejected(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name, @NotPersonal("a focal point's reason about the organisation, which holds no personal data") String reason) implements OrganisationEvent {
    }

    record OrganisationSuspended(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name, @NotPersonal("a focal point's reason about the organisation, which holds no personal data") String reason) implements OrganisationEvent {
    }

    record OrganisationReinstated(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name) implements OrganisationEvent {
    }

    record OrganisationWithdrew(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name) implements OrganisationEvent {
    }

    record ProfileEdited(String organisationId, Profile profile) implements OrganisationEvent {
    }

    record FocalPointDesignated(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name) implements OrganisationEvent {
    }

    record FocalPointRevoked(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name) implements OrganisationEvent {
    }

    record AccountInvited(String organisationId, String accountId,
                          @PersonalData(subject = "accountId", kind = Kind.EMAIL) String email,
                          @PersonalData(subject = "accountId", kind = Kind.NAME) String displayName,
                          boolean analyst) implements OrganisationEvent {
    }

    /** {@code language}: the one the person signed up in (en, fr); null in events stored before it was kept. */
    record AccountActivated(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name, String accountId,
                            @PersonalData(subject = "accountId", kind = Kind.EMAIL) String email,
                            @PersonalData(subject = "accountId", kind = Kind.NAME) String displayName,
                            List<Role> roles, String language) implements OrganisationEvent {
    }

    /** An account's roles now, after a grant or revocation of ANALYST or the organisation's focal-point designation. */
    record AccountRolesChanged(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name, String accountId, boolean analyst, List<Role> roles)
            implements OrganisationEvent {
    }

    record AccountDeactivated(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name, String accountId) implements OrganisationEvent {
    }

    /**
     * A person's data was erased (an account, or the organisation's contact person): their key is deleted after this is
     * stored, so every earlier event reads "erased person" where they were named. An account is closed with it.
     */
    record PersonErased(String organisationId, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name, String personId)
            implements OrganisationEvent {
    }
}
