package org.icm.membership.passwordreset;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.icm.membership.accountmail.AccountMails;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.credentials.Invitations;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.membership.organisation.Checks;
import org.icm.membership.signin.StoredAuthorizations;
import org.icm.service.rules.RuleViolation;
import org.icm.service.scheduling.ScheduledJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * A way back into an account whose password is forgotten: a link by mail, used once, within 30 minutes
 * ({@code icm.password-reset.lifetime}), stored only as its hash. Asking answers the same whether or not the address
 * has an account, so no one learns who is a member. At most 3 links per address per hour (more are not mailed,
 * silently) and 10 requests per client per hour (then 429), counted in the database, so they hold across instances
 * and restarts; the address and client are kept only as hashes, for a day. Choosing the new password ends every
 * sign-in of the account (its refresh tokens and authorizations; access tokens end within minutes) and uses up every
 * other link; the sign-in lockout is not touched, so a reset is no way around it.
 */
@Component
public class PasswordResets {

    static final int LINKS_PER_ADDRESS_PER_HOUR = 3;
    static final int REQUESTS_PER_CLIENT_PER_HOUR = 10;

    private final JdbcTemplate jdbc;
    private final CredentialStore credentials;
    private final OrganisationDirectory directory;
    private final StoredAuthorizations authorizations;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final AccountMails mails;
    private final Clock clock;
    private final Duration lifetime;

    private final ScheduledJobs jobs;

    PasswordResets(JdbcTemplate jdbc, CredentialStore credentials, OrganisationDirectory directory, StoredAuthorizations authorizations,
                   PasswordEncoder passwords, TransactionTemplate transaction, AccountMails mails, Clock clock,
                   @Value("${icm.password-reset.lifetime:PT30M}") Duration lifetime, ScheduledJobs jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.directory = directory;
        this.authorizations = authorizations;
        this.passwords = passwords;
        this.transaction = transaction;
        this.mails = mails;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Mails a reset link when the address belongs to an account that can sign in, unless it had its share this hour.
     * {@code client}: who asks (the client address the gateway saw), for the per-client limit.
     */
    public void request(String asked, String client, String language) {
        // what is not an address is refused as such: that says nothing about which addresses have accounts
        String email = Checks.email("email", asked);
        Instant now = clock.instant();
        String address = CredentialStore.hash(email);
        String clientHash = CredentialStore.hash(client == null ? "" : client);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        if (count("client_hash", clientHash, hourAgo) >= REQUESTS_PER_CLIENT_PER_HOUR) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "Too many password resets asked from here; try again in an hour.");
        }
        boolean addressHadItsShare = count("address_hash", address, hourAgo) >= LINKS_PER_ADDRESS_PER_HOUR;
        jdbc.update("insert into password_reset_requests (address_hash, client_hash, requested_at) values (?, ?, ?)", address, clientHash,
                Timestamp.from(now));
        if (addressHadItsShare) {
            return;
        }
        Optional<OrganisationDirectory.AccountEntry> account = credentials.byEmail(email)
                .flatMap(credential -> directory.account(credential.accountId())).filter(OrganisationDirectory.AccountEntry::canSignIn);
        if (account.isEmpty()) {
            return; // the same answer: no one learns whether the address has an account
        }
        String token = CredentialStore.newToken();
        Instant expiresAt = now.plus(lifetime);
        jdbc.update("insert into password_resets (token_hash, account_id, expires_at) values (?, ?, ?)", CredentialStore.hash(token),
                account.get().accountId(), Timestamp.from(expiresAt));
        // mailed on its own thread, so the answer takes as long whether or not the address has an account
        OrganisationDirectory.AccountEntry to = account.get();
        Thread.ofVirtual().name("password-reset-mail").start(() ->
                mails.passwordReset(to.email(), to.displayName(), token, expiresAt, AccountMails.language(language, List.of())));
    }

    /** Sets the new password with a link's token: once, before it expires; every sign-in of the account ends. */
    public void reset(String token, String password) {
        Invitations.requireAcceptablePassword(password);
        Instant now = clock.instant();
        String principal = transaction.execute(status -> {
            String accountId = jdbc.query("""
                            update password_resets set used_at = ? where token_hash = ? and used_at is null and expires_at > ?
                            returning account_id""", (rs, n) -> rs.getString(1),
                    Timestamp.from(now), CredentialStore.hash(token == null ? "" : token), Timestamp.from(now)).stream().findFirst()
                    .orElseThrow(() -> RuleViolation.conflict("token", "reset-link-invalid",
                            "this link is unknown, used or expired; ask for a new one"));
            // every other link of the account is used up with this one
            jdbc.update("update password_resets set used_at = ? where account_id = ? and used_at is null", Timestamp.from(now), accountId);
            return credentials.replacePassword(accountId, passwords.encode(password)).orElseThrow(() -> RuleViolation.conflict("token",
                    "reset-link-invalid", "this account has no password to reset any more"));
        });
        authorizations.forget(principal);
    }

    /** An erased person's reset links go with them. */
    public void forget(String accountId) {
        jdbc.update("delete from password_resets where account_id = ?", accountId);
    }

    private int count(String column, String hash, Instant since) {
        Integer count = jdbc.queryForObject("select count(*) from password_reset_requests where " + column + " = ? and requested_at > ?",
                Integer.class, hash, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    /** The hashes of who asked are needed for an hour's limits; kept a day, then deleted. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void forgetOldRequests() {
        jobs.runAlone("password-reset-clean-up", Duration.ofMinutes(10), () -> {
            Timestamp dayAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
            jdbc.update("delete from password_reset_requests where requested_at < ?", dayAgo);
            jdbc.update("delete from password_resets where expires_at < ?", dayAgo);
        });
    }
}
