package org.icm.membership.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.icm.membership.organisation.OrganisationCommand.*;
import org.icm.membership.organisation.OrganisationEvent.*;
import org.icm.membership.organisation.OrganisationState.Account;
import org.icm.membership.organisation.OrganisationState.AccountStatus;
import org.icm.kernel.privacy.PersonalData;
import org.icm.service.rules.Inputs;
import org.icm.service.rules.RuleViolation;

/**
 * A member organisation of ICM, with its accounts, as one aggregate. Accounts are members of the organisation, not
 * aggregates of their own, because every account rule depends on the organisation: people are invited only to an
 * admitted organisation, their FOCAL_POINT role follows the organisation's designation, and a suspension concerns
 * them all. One stream also keeps an organisation's facts, accounts included, in order under one Kafka key. An
 * organisation has tens of people, so the stream stays short. Secrets (password hashes, invitation tokens) are not
 * here: they live in the credential store.
 *
 * <p>Command handlers only decide, from {@link OrganisationState}; the state changes only by folding events. Each
 * handler answers the aggregate version after the change, which HTTP returns as the ETag. Name uniqueness across
 * organisations is not this aggregate's to know: the name claims enforce it before a command is sent.
 */
@Aggregate
public class Organisation {

    static final int REASON_MAX = Checks.TEXT_MAX;

    @AggregateIdentifier
    private String organisationId;
    private OrganisationState state = OrganisationState.NONE;

    protected Organisation() {
    }

    @CommandHandler
    public Organisation(Apply command) {
        Inputs.required("id", command.organisationId());
        Profile profile = Checks.profile(command.profile());
        apply(new OrganisationApplied(command.organisationId(), profile.withContactPerson(contactPersonId(command.organisationId(), 0))));
    }

    @CommandHandler
    public long handle(Admit command) {
        requireFocalPoint(command.by());
        if (state.status() != OrganisationStatus.APPLIED) {
            throw RuleViolation.conflict("not-an-application", "only an application can be admitted; the organisation is " + state.status());
        }
        apply(new OrganisationAdmitted(organisationId, state.name()));
        return version();
    }

    @CommandHandler
    public long handle(Reject command) {
        requireFocalPoint(command.by());
        String reason = Inputs.paragraphs("reason", command.reason(), REASON_MAX);
        if (state.status() != OrganisationStatus.APPLIED) {
            throw RuleViolation.conflict("not-an-application", "only an application can be rejected; the organisation is " + state.status());
        }
        apply(new OrganisationRejected(organisationId, state.name(), reason));
        return version();
    }

    @CommandHandler
    public long handle(Suspend command) {
        requireFocalPoint(command.by());
        String reason = Inputs.paragraphs("reason", command.reason(), REASON_MAX);
        if (state.status() != OrganisationStatus.ADMITTED) {
            throw RuleViolation.conflict("not-admitted", "only an admitted organisation can be suspended; it is " + state.status());
        }
        if (state.focalPoint()) {
            throw RuleViolation.conflict("focal-point-suspended", "revoke the organisation's focal-point designation before suspending it");
        }
        apply(new OrganisationSuspended(organisationId, state.name(), reason));
        return version();
    }

    @CommandHandler
    public long handle(Reinstate command) {
        requireFocalPoint(command.by());
        if (state.status() != OrganisationStatus.SUSPENDED) {
            throw RuleViolation.conflict("not-suspended", "only a suspended organisation can be reinstated; it is " + state.status());
        }
        apply(new OrganisationReinstated(organisationId, state.name()));
        return version();
    }

    /** An organisation leaves (or takes back its application): its own people or focal points may say so. */
    @CommandHandler
    public long handle(Withdraw command) {
        requireOwnOrFocalPoint(command.by());
        if (state.status().closed()) {
            throw RuleViolation.conflict("closed", "the organisation is " + state.status() + " already");
        }
        if (state.focalPoint()) {
            throw RuleViolation.conflict("focal-point-withdrawing", "a focal point withdraws only after its designation is revoked");
        }
        apply(new OrganisationWithdrew(organisationId, state.name()));
        for (Account account : state.accounts().values()) {
            if (account.status() != AccountStatus.DEACTIVATED && account.status() != AccountStatus.ERASED) {
                apply(new AccountDeactivated(organisationId, state.name(), account.id()));
            }
        }
        return version();
    }

    @CommandHandler
    public long handle(EditProfile command) {
        requireOwnOrFocalPoint(command.by());
        requireNotClosed();
        Profile checked = Checks.profile(command.profile());
        Profile profile = checked.withContactPerson(contactPersonIdFor(checked.contact()));
        if (profile.equals(state.profile())) {
            return version(); // changes nothing: the history records only real changes
        }
        apply(new ProfileEdited(organisationId, profile));
        return version();
    }

    @CommandHandler
    public long handle(DesignateFocalPoint command) {
        requireFocalPoint(command.by());
        if (state.status() != OrganisationStatus.ADMITTED) {
            throw RuleViolation.conflict("not-admitted", "only an admitted organisation can be a focal point; it is " + state.status());
        }
        if (state.focalPoint()) {
            return version(); // a focal point already: changes nothing
        }
        apply(new FocalPointDesignated(organisationId, state.name()));
        rolesFollowDesignation();
        return version();
    }

    @CommandHandler
    public long handle(RevokeFocalPoint command) {
        requireFocalPoint(command.by());
        if (!state.focalPoint()) {
            throw RuleViolation.conflict("not-focal-point", "the organisation is not a focal point");
        }
        if (command.otherFocalPoints() < 1) {
            throw RuleViolation.conflict("last-focal-point", "the last focal point cannot be revoked: someone has to run the network");
        }
        apply(new FocalPointRevoked(organisationId, state.name()));
        rolesFollowDesignation();
        return version();
    }

    @CommandHandler
    public long handle(InviteAccount command) {
        requireFocalPoint(command.by());
        String accountId = Inputs.required("accountId", command.accountId());
        String email = Checks.email("email", command.email());
        String displayName = Inputs.text("displayName", command.displayName(), Checks.NAME_MAX);
        if (state.status() != OrganisationStatus.ADMITTED) {
            throw RuleViolation.conflict("not-admitted", "people are invited to admitted organisations only; this one is " + state.status());
        }
        if (state.accounts().containsKey(accountId)) {
            throw RuleViolation.conflict("accountId", "duplicate-account", "the organisation has account " + accountId + " already");
        }
        boolean taken = state.accounts().values().stream()
                .anyMatch(account -> account.email().equals(email) && account.status() != AccountStatus.DEACTIVATED
                        && account.status() != AccountStatus.ERASED);
        if (taken) {
            throw RuleViolation.conflict("email", "duplicate-email", email + " has an account of this organisation already");
        }
        apply(new AccountInvited(organisationId, accountId, email, displayName, command.analyst()));
        return version();
    }

    @CommandHandler
    public long handle(ActivateAccount command) {
        Account account = account(command.accountId());
        if (account.status() != AccountStatus.INVITED) {
            throw RuleViolation.conflict("not-invited", "the account is " + account.status() + "; only an invited account is activated");
        }
        if (state.status() != OrganisationStatus.ADMITTED) {
            throw RuleViolation.conflict("not-admitted", "the organisation is " + state.status() + "; its invitations wait until it is admitted again");
        }
        Account active = new Account(account.id(), account.email(), account.displayName(), AccountStatus.ACTIVE, account.analyst());
        apply(new AccountActivated(organisationId, state.name(), account.id(), account.email(), account.displayName(), state.roles(active),
                command.language()));
        return version();
    }

    /** Focal points grant or take away the ANALYST role. */
    @CommandHandler
    public long handle(SetAnalyst command) {
        requireFocalPoint(command.by());
        Account account = account(command.accountId());
        if (account.status() == AccountStatus.DEACTIVATED || account.status() == AccountStatus.ERASED) {
            throw RuleViolation.conflict("account-deactivated", "the account is " + account.status());
        }
        if (account.analyst() == command.analyst()) {
            return version(); // changes nothing
        }
        Account changed = new Account(account.id(), account.email(), account.displayName(), account.status(), command.analyst());
        apply(new AccountRolesChanged(organisationId, state.name(), account.id(), command.analyst(), state.roles(changed)));
        return version();
    }

    /** Focal points, or the organisation's own people, end an account. */
    @CommandHandler
    public long handle(DeactivateAccount command) {
        requireOwnOrFocalPoint(command.by());
        Account account = account(command.accountId());
        if (account.status() == AccountStatus.DEACTIVATED || account.status() == AccountStatus.ERASED) {
            throw RuleViolation.conflict("account-deactivated", "the account is " + account.status() + " already");
        }
        apply(new AccountDeactivated(organisationId, state.name(), account.id()));
        return version();
    }

    @CommandHandler
    public long handle(ErasePerson command) {
        if (!command.themselves()) {
            requireFocalPoint(command.by());
        }
        if (!state.hasPerson(command.personId())) {
            throw RuleViolation.conflict("personId", "unknown-person", "the organisation has no person " + command.personId());
        }
        Account account = state.accounts().get(command.personId());
        boolean erasedAlready = account != null ? account.status() == AccountStatus.ERASED
                : PersonalData.ERASED.equals(state.profile().contact().email());
        if (erasedAlready) {
            throw RuleViolation.conflict("erased-already", "the person's data is erased already");
        }
        apply(new PersonErased(organisationId, state.name(), command.personId()));
        return version();
    }

    @EventSourcingHandler
    void on(OrganisationEvent event) {
        if (event instanceof OrganisationApplied applied) {
            organisationId = applied.organisationId();
        }
        state = state.apply(event);
    }

    /** After a designation or revocation, every account that can sign in learns its roles now. */
    private void rolesFollowDesignation() {
        for (Account account : state.accounts().values()) {
            if (account.status() == AccountStatus.ACTIVE) {
                apply(new AccountRolesChanged(organisationId, state.name(), account.id(), account.analyst(), state.roles(account)));
            }
        }
    }

    /**
     * The same person keeps their id; a new contact person is a new data subject (named after the event that introduces
     * them), erasable apart from the former one.
     */
    private String contactPersonIdFor(Profile.Contact contact) {
        Profile.Contact current = state.profile().contact();
        boolean samePerson = contact != null && contact.samePersonAs(current) && current.personId() != null;
        return samePerson ? current.personId() : contactPersonId(organisationId, version() + 1);
    }

    /** The id of a contact person named in the organisation's event number {@code sequence}: unique, and says nothing of them. */
    private static String contactPersonId(String organisationId, long sequence) {
        return organisationId + "-contact-" + sequence;
    }

    private Account account(String accountId) {
        Account account = accountId == null ? null : state.accounts().get(accountId);
        if (account == null) {
            throw RuleViolation.conflict("accountId", "unknown-account", "the organisation has no account " + accountId);
        }
        return account;
    }

    private static void requireFocalPoint(Acting by) {
        if (by == null || !by.focalPoint()) {
            throw RuleViolation.notAllowed("focal-points-only", "only focal points may do this");
        }
    }

    private void requireOwnOrFocalPoint(Acting by) {
        if (by == null || !(by.focalPoint() || organisationId.equals(by.organisationId()))) {
            throw RuleViolation.notAllowed("not-your-organisation", "only the organisation's own people or focal points may do this");
        }
    }

    private void requireNotClosed() {
        if (state.status().closed()) {
            throw RuleViolation.conflict("closed", "the organisation is " + state.status() + "; its history is kept, and nothing changes any more");
        }
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
