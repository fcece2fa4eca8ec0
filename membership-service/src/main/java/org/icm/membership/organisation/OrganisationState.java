package org.icm.membership.organisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.kernel.identity.Role;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.privacy.PersonalData;
import org.icm.kernel.privacy.PersonalData.Kind;
import org.icm.membership.organisation.OrganisationEvent.*;

/**
 * An organisation as its events made it: an immutable value, and {@link #apply} is the one function from events to
 * state. The aggregate decides with it; the directory stores it.
 */
public record OrganisationState(String id, Profile profile, OrganisationStatus status, boolean focalPoint,
                                @NotPersonal(NotPersonal.NETWORK_RECORD) String statusReason, Map<String, Account> accounts) {

    public static final OrganisationState NONE = new OrganisationState(null, null, null, false, null, Map.of());

    /** ERASED: the person's data was erased; the account is closed for good, its history kept under its id. */
    public enum AccountStatus { INVITED, ACTIVE, DEACTIVATED, ERASED }

    /** A person of the organisation. */
    public record Account(String id,
                          @PersonalData(subject = "id", kind = Kind.EMAIL) String email,
                          @PersonalData(subject = "id", kind = Kind.NAME) String displayName,
                          AccountStatus status,
                          boolean analyst) {
    }

    public String name() {
        return profile == null ? null : profile.name();
    }

    /** The roles an account of this organisation has: everyone participates; focal-point organisations' people run the network. */
    public List<Role> roles(Account account) {
        List<Role> roles = new ArrayList<>(List.of(Role.PARTICIPANT));
        if (focalPoint) {
            roles.add(Role.FOCAL_POINT);
        }
        if (account.analyst()) {
            roles.add(Role.ANALYST);
        }
        return List.copyOf(roles);
    }

    public OrganisationState apply(OrganisationEvent event) {
        return switch (event) {
            case OrganisationApplied e -> new OrganisationState(e.organisationId(), e.profile(), OrganisationStatus.APPLIED, false, null, Map.of());
            case OrganisationAdmitted e -> withStatus(OrganisationStatus.ADMITTED, null);
            case OrganisationRejected e -> withStatus(OrganisationStatus.REJECTED, e.reason());
            case OrganisationSuspended e -> withStatus(OrganisationStatus.SUSPENDED, e.reason());
            case OrganisationReinstated e -> withStatus(OrganisationStatus.ADMITTED, null);
            // a withdrawn organisation is no focal point any more
            case OrganisationWithdrew e -> new OrganisationState(id, profile, OrganisationStatus.WITHDRAWN, false, null, accounts);
            case ProfileEdited e -> new OrganisationState(id, e.profile(), status, focalPoint, statusReason, accounts);
            case FocalPointDesignated e -> new OrganisationState(id, profile, status, true, statusReason, accounts);
            case FocalPointRevoked e -> new OrganisationState(id, profile, status, false, statusReason, accounts);
            case AccountInvited e -> withAccount(new Account(e.accountId(), e.email(), e.displayName(), AccountStatus.INVITED, e.analyst()));
            case AccountActivated e -> withAccount(account(e.accountId(), AccountStatus.ACTIVE, accounts.get(e.accountId()).analyst()));
            case AccountRolesChanged e -> withAccount(account(e.accountId(), accounts.get(e.accountId()).status(), e.analyst()));
            case AccountDeactivated e -> withAccount(account(e.accountId(), AccountStatus.DEACTIVATED, accounts.get(e.accountId()).analyst()));
            case PersonErased e -> erased(e.personId());
        };
    }

    /** Folds events from the beginning. */
    public static OrganisationState fold(List<? extends OrganisationEvent> events) {
        OrganisationState state = NONE;
        for (OrganisationEvent event : events) {
            state = state.apply(event);
        }
        return state;
    }

    /**
     * The person's values as every read of the history will show them from now on (their key is gone), so the state
     * folded before the erasure and the one replayed after it are the same.
     */
    private OrganisationState erased(String personId) {
        Account account = accounts.get(personId);
        if (account != null) {
            return withAccount(new Account(account.id(), PersonalData.ERASED, PersonalData.ERASED, AccountStatus.ERASED, account.analyst()));
        }
        Profile.Contact erased = new Profile.Contact(PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED, personId);
        return new OrganisationState(id, new Profile(profile.name(), profile.acronym(), profile.kind(), profile.scope(), profile.countries(),
                profile.focus(), profile.expertise(), profile.advocacyTargets(), profile.website(), erased), status, focalPoint, statusReason, accounts);
    }

    /** Whether {@code personId} is one of this organisation's people: an account, or its current contact person. */
    public boolean hasPerson(String personId) {
        return personId != null && (accounts.containsKey(personId)
                || profile != null && profile.contact() != null && personId.equals(profile.contact().personId()));
    }

    private OrganisationState withStatus(OrganisationStatus next, String reason) {
        return new OrganisationState(id, profile, next, focalPoint, reason, accounts);
    }

    private Account account(String accountId, AccountStatus accountStatus, boolean analyst) {
        Account account = accounts.get(accountId);
        return new Account(account.id(), account.email(), account.displayName(), accountStatus, analyst);
    }

    private OrganisationState withAccount(Account account) {
        Map<String, Account> next = new LinkedHashMap<>(accounts);
        next.put(account.id(), account);
        return new OrganisationState(id, profile, status, focalPoint, statusReason, Collections.unmodifiableMap(next));
    }
}
