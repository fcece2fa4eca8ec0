package org.icm.membership.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.icm.membership.accountmail.AccountMails;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.membership.organisation.Acting;
import org.icm.membership.organisation.Checks;
import org.icm.membership.organisation.Commands;
import org.icm.membership.organisation.OrganisationCommand.ActivateAccount;
import org.icm.membership.organisation.OrganisationCommand.ErasePerson;
import org.icm.membership.organisation.OrganisationCommand.InviteAccount;
import org.icm.membership.organisation.OrganisationState;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations: a focal point invites a person to an admitted organisation (an event without secret, plus a hashed
 * token in the credential store); the person uses the token once, before it expires, to set a password (hashed in
 * the credential store) and so activates the account. Using the token, storing the hash and activating happen in one
 * database transaction: if the organisation refuses the activation, the token stays unused and no hash is kept.
 * The invitation is mailed to the person (AccountMails) with its link and expiry; a focal point sees who has not
 * accepted yet, sends a new link (the earlier one stops working) or revokes it, which erases what was kept about the
 * person: they never joined.
 */
@Component
public class Invitations {

    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;
    /** How long accepting waits for sign-in to know the new account; beyond it, the answer comes anyway. */
    static final Duration SIGN_IN_READY_WAIT = Duration.ofSeconds(10);

    private final Commands commands;
    private final CredentialStore store;
    private final OrganisationDirectory directory;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lifetime;
    private final AccountMails mails;

    Invitations(Commands commands, CredentialStore store, OrganisationDirectory directory, PasswordEncoder passwords, TransactionTemplate transaction, Clock clock,
                @Value("${icm.invitations.lifetime:P7D}") Duration lifetime, AccountMails mails) {
        this.mails = mails;
        this.commands = commands;
        this.store = store;
        this.directory = directory;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * An invitation: the new account's id, and the token (shown once, stored hashed; the mail carries it too), when it
     * expires and whether the mail went out.
     */
    public record Invitation(String accountId, String token, Instant expiresAt, boolean mailed) {
    }

    /** An invitation not accepted yet, as a focal point sees it. */
    public record Pending(String organisationId, String organisationName, String accountId, String email, String displayName,
                          boolean analyst, Instant expiresAt, boolean expired) {
    }

    /** {@code language}: en or fr, or null for the organisation's countries to decide. */
    public Invitation invite(Actor actor, Acting by, String organisationId, String email, String displayName, boolean analyst, String language) {
        // an address is checked before it is looked up (a NUL is not a question for the credential store)
        if (email != null && store.emailTaken(Checks.email("email", email))) {
            throw RuleViolation.conflict("email", "duplicate-email", "there is an account for " + email.strip() + " already");
        }
        String accountId = UUID.randomUUID().toString();
        commands.send(new InviteAccount(organisationId, by, accountId, email, displayName, analyst), actor, null);
        Instant expiresAt = clock.instant().plus(lifetime);
        String token = store.invite(accountId, organisationId, email, expiresAt);
        return new Invitation(accountId, token, expiresAt, mail(organisationId, email, displayName, analyst, token, expiresAt, language));
    }

    /** A new link for a person invited who has not accepted yet; the earlier one stops working. */
    public Invitation resend(String organisationId, String accountId, String language) {
        OrganisationState.Account invited = invitedAccount(organisationId, accountId);
        Instant expiresAt = clock.instant().plus(lifetime);
        String token = store.reinvite(accountId, organisationId, invited.email(), expiresAt);
        return new Invitation(accountId, token, expiresAt, mail(organisationId, invited.email(), invited.displayName(), invited.analyst(), token,
                expiresAt, language));
    }

    /** Revokes an invitation not accepted yet: the link stops working and what was kept about the person is erased. */
    public void revoke(Actor actor, Acting by, String organisationId, String accountId) {
        invitedAccount(organisationId, accountId);
        commands.send(new ErasePerson(organisationId, by, accountId, false), actor, "invitation revoked");
    }

    /** Every invitation not accepted yet, in every organisation, those that expire first first. */
    public List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        Instant now = clock.instant();
        Map<String, Instant> expiries = store.invitationExpiries();
        for (OrganisationState organisation : directory.admitted()) {
            organisation.accounts().values().stream().filter(account -> account.status() == OrganisationState.AccountStatus.INVITED)
                    .forEach(account -> Optional.ofNullable(expiries.get(account.id())).ifPresent(expiry -> pending.add(new Pending(organisation.id(),
                            organisation.profile().name(), account.id(), account.email(), account.displayName(), account.analyst(), expiry,
                            !expiry.isAfter(now)))));
        }
        pending.sort(Comparator.comparing(Pending::expiresAt));
        return pending;
    }

    private OrganisationState.Account invitedAccount(String organisationId, String accountId) {
        OrganisationState.Account account = directory.find(organisationId).map(entry -> entry.state().accounts().get(accountId))
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                        "There is no invitation for " + accountId + " in organisation " + organisationId + "."));
        if (account.status() != OrganisationState.AccountStatus.INVITED) {
            throw RuleViolation.conflict("invitation-not-pending", "the person accepted the invitation already, or it was revoked");
        }
        return account;
    }

    private boolean mail(String organisationId, String email, String displayName, boolean analyst, String token, Instant expiresAt,
                         String language) {
        OrganisationState organisation = awaitDirectory(() -> directory.find(organisationId).map(OrganisationDirectory.Entry::state).orElse(null));
        if (organisation == null) {
            return false; // the directory has not caught up: the focal point can send the link again
        }
        Locale locale = AccountMails.language(language, organisation.profile().countries());
        return mails.invitation(email.strip(), displayName.strip(), organisation.profile().name(), analyst, token, expiresAt, locale);
    }

    /**
     * Sets the password and activates the account, in the language the person accepted in (en, fr; without it, as for
     * invitation mails); answers the account id.
     */
    public String accept(String token, String password, String language) {
        requireAcceptablePassword(password);
        String accountId = transaction.execute(status -> {
            CredentialStore.Invited invited = store.use(token, clock.instant()).orElseThrow(() -> RuleViolation.conflict("token",
                    "invitation-invalid", "the invitation is unknown, used or expired; ask a focal point for a new one"));
            store.storePassword(invited.accountId(), invited.email(), invited.organisationId(), passwords.encode(password));
            List<String> countries = directory.find(invited.organisationId()).map(entry -> entry.state().profile().countries())
                    .orElse(List.of());
            commands.send(new ActivateAccount(invited.organisationId(), invited.accountId(),
                            AccountMails.language(language, countries).getLanguage()),
                    Commands.person(invited.accountId(), invited.organisationId()), null);
            return invited.accountId();
        });
        awaitSignInReady(accountId);
        return accountId;
    }

    /** The one rule for a new password, wherever it is chosen. */
    public static void requireAcceptablePassword(String password) {
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            throw RuleViolation.invalid("password", "weak-password", "a password has " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters");
        }
    }

    /**
     * Sign-in reads the directory, a read model that follows the account's activation a moment later. The person
     * usually signs in right after accepting: answering only once the directory lets them keeps that first sign-in
     * from failing (and from counting toward the lockout).
     */
    private void awaitSignInReady(String accountId) {
        awaitDirectory(() -> directory.account(accountId).filter(OrganisationDirectory.AccountEntry::canSignIn).orElse(null));
    }

    /** What the directory answers, once it answers something (it follows the event store a moment later), or null after a while. */
    private <T> T awaitDirectory(java.util.function.Supplier<T> read) {
        long deadline = System.nanoTime() + SIGN_IN_READY_WAIT.toNanos();
        T found = read.get();
        while (found == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            found = read.get();
        }
        return found;
    }
}
