package org.icm.membership.credentials;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.membership.organisation.Acting;
import org.icm.membership.organisation.Commands;
import org.icm.membership.organisation.OrganisationCommand.ActivateAccount;
import org.icm.membership.organisation.OrganisationCommand.InviteAccount;
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
 */
@Component
public class Invitations {

    public static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 128;
    /** How long accepting waits for sign-in to know the new account; beyond it, the answer comes anyway. */
    static final Duration SIGN_IN_READY_WAIT = Duration.ofSeconds(10);

    private final Commands commands;
    private final CredentialStore store;
    private final OrganisationDirectory directory;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lifetime;

    Invitations(Commands commands, CredentialStore store, OrganisationDirectory directory, PasswordEncoder passwords, TransactionTemplate transaction, Clock clock,
                @Value("${icm.invitations.lifetime:P7D}") Duration lifetime) {
        this.commands = commands;
        this.store = store;
        this.directory = directory;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** An invitation: the new account's id, and the token to hand to the person (shown once, stored hashed). */
    public record Invitation(String accountId, String token) {
    }

    public Invitation invite(Actor actor, Acting by, String organisationId, String email, String displayName, boolean analyst) {
        if (email != null && store.emailTaken(email)) {
            throw RuleViolation.conflict("email", "duplicate-email", "there is an account for " + email.strip() + " already");
        }
        String accountId = UUID.randomUUID().toString();
        commands.send(new InviteAccount(organisationId, by, accountId, email, displayName, analyst), actor, null);
        return new Invitation(accountId, store.invite(accountId, organisationId, email, clock.instant().plus(lifetime)));
    }

    /** Sets the password and activates the account; answers the account id. */
    public String accept(String token, String password) {
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            throw RuleViolation.invalid("password", "weak-password", "a password has " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters");
        }
        String accountId = transaction.execute(status -> {
            CredentialStore.Invited invited = store.use(token, clock.instant()).orElseThrow(() -> RuleViolation.conflict("token",
                    "invitation-invalid", "the invitation is unknown, used or expired; ask a focal point for a new one"));
            store.storePassword(invited.accountId(), invited.email(), invited.organisationId(), passwords.encode(password));
            commands.send(new ActivateAccount(invited.organisationId(), invited.accountId()),
                    Commands.person(invited.accountId(), invited.organisationId()), null);
            return invited.accountId();
        });
        awaitSignInReady(accountId);
        return accountId;
    }

    /**
     * Sign-in reads the directory, a read model that follows the account's activation a moment later. The person
     * usually signs in right after accepting: answering only once the directory lets them keeps that first sign-in
     * from failing (and from counting toward the lockout).
     */
    private void awaitSignInReady(String accountId) {
        long deadline = System.nanoTime() + SIGN_IN_READY_WAIT.toNanos();
        while (!directory.account(accountId).map(OrganisationDirectory.AccountEntry::canSignIn).orElse(false) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
