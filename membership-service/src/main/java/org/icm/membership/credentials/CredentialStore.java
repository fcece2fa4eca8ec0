package org.icm.membership.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Secrets, outside the event stream: password hashes (Spring Security's bcrypt, via the delegating encoder) and
 * invitation tokens, in this service's own PostgreSQL database. An invitation token is stored only as its SHA-256
 * hash (it is random and long, so a fast hash suffices), is single use (one conditional UPDATE claims it) and
 * expires. The events only say that a person was invited or activated.
 */
@Component
public class CredentialStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public CredentialStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A password sign-in: the account and its hash, by e-mail address. */
    public record Credential(String accountId, String email, String organisationId, String passwordHash) {
    }

    /** What an accepted invitation was for. */
    public record Invited(String accountId, String organisationId, String email) {
    }

    public Optional<Credential> byEmail(String email) {
        List<Credential> found = jdbc.query("select account_id, email, organisation_id, password_hash from credentials where email = ?",
                (rs, n) -> new Credential(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), normalise(email));
        return found.stream().findFirst();
    }

    public Optional<String> passwordHash(String accountId) {
        return jdbc.query("select password_hash from credentials where account_id = ?", (rs, n) -> rs.getString(1), accountId)
                .stream().findFirst();
    }

    public boolean emailTaken(String email) {
        Integer count = jdbc.queryForObject("select count(*) from credentials where email = ?", Integer.class, normalise(email));
        return count != null && count > 0;
    }

    /** Replaces the account's password hash; answers the address it signs in with, when it has a password. */
    public Optional<String> replacePassword(String accountId, String passwordHash) {
        return jdbc.query("update credentials set password_hash = ? where account_id = ? returning email", (rs, n) -> rs.getString(1),
                passwordHash, accountId).stream().findFirst();
    }

    public void storePassword(String accountId, String email, String organisationId, String passwordHash) {
        jdbc.update("insert into credentials (account_id, email, organisation_id, password_hash) values (?, ?, ?, ?)",
                accountId, normalise(email), organisationId, passwordHash);
    }

    /**
     * Deletes the person's password and invitations (their erasure); answers the address they signed in with, if they
     * had a password, so their sign-in sessions can end too.
     */
    public Optional<String> forget(String accountId) {
        jdbc.update("delete from invitations where account_id = ?", accountId);
        return jdbc.query("delete from credentials where account_id = ? returning email", (rs, n) -> rs.getString(1), accountId)
                .stream().findFirst();
    }

    /** An invitation that was never used: whom it was for. */
    public record UnusedInvitation(String accountId, String organisationId) {
    }

    /** The invitations that expired unused before {@code before}: their person's data is kept no longer (retention). */
    public List<UnusedInvitation> unusedInvitationsExpiredBefore(Instant before) {
        return jdbc.query("select distinct account_id, organisation_id from invitations where used_at is null and expires_at < ?",
                (rs, n) -> new UnusedInvitation(rs.getString(1), rs.getString(2)), Timestamp.from(before));
    }

    /** Makes a new invitation and answers its token, which exists nowhere else in clear: give it to the person. */
    public String invite(String accountId, String organisationId, String email, Instant expiresAt) {
        String token = newToken();
        jdbc.update("insert into invitations (token_hash, account_id, organisation_id, email, expires_at) values (?, ?, ?, ?, ?)",
                hash(token), accountId, organisationId, normalise(email), Timestamp.from(expiresAt));
        return token;
    }

    /** Replaces the person's unused invitations by a new one (the earlier links stop working); answers its token. */
    public String reinvite(String accountId, String organisationId, String email, Instant expiresAt) {
        jdbc.update("delete from invitations where account_id = ? and used_at is null", accountId);
        return invite(accountId, organisationId, email, expiresAt);
    }

    /** When the person's unused invitation expires (the latest, when several), if they have one. */
    /** When the latest unused link of each invited account expires, in one query (accounts with none are not in it). */
    public java.util.Map<String, Instant> invitationExpiries() {
        java.util.Map<String, Instant> expiries = new java.util.HashMap<>();
        jdbc.query("select account_id, max(expires_at) as expires_at from invitations where used_at is null group by account_id",
                row -> {
                    expiries.put(row.getString("account_id"), row.getTimestamp("expires_at").toInstant());
                });
        return expiries;
    }

    /** Uses the invitation once: answers what it was for, or nothing when it is unknown, used or expired. */
    public Optional<Invited> use(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        List<Invited> used = jdbc.query("""
                        update invitations set used_at = ? where token_hash = ? and used_at is null and expires_at > ?
                        returning account_id, organisation_id, email""",
                (rs, n) -> new Invited(rs.getString(1), rs.getString(2), rs.getString(3)),
                Timestamp.from(now), hash(token), Timestamp.from(now));
        return used.stream().findFirst();
    }

    public static Duration defaultInvitationLifetime() {
        return Duration.ofDays(7);
    }

    static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** A secret for a link (256 random bits, URL-safe): given to the person once, stored only as its {@link #hash}. */
    public static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** SHA-256 of a token, as stored: a leaked table opens no account. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
