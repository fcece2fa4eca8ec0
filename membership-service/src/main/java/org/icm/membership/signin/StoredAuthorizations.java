package org.icm.membership.signin;

import java.time.Duration;
import org.icm.service.scheduling.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * What the issuer handed out (authorization codes, access and refresh tokens, PKCE challenges) kept in this service's
 * PostgreSQL database, so a restart or a second instance signs nobody out: a refresh token issued before still buys
 * a new access token, and a used one stays refused. The table is Spring Authorization Server's own schema with the
 * PostgreSQL types its documentation asks for ({@code text} for {@code blob}, {@code timestamptz} for {@code timestamp}).
 * Authorizations whose last token expired a day ago are deleted every hour, so the table does not grow with every sign-in.
 */
public final class StoredAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(StoredAuthorizations.class);
    /** An expired authorization stays this long, for an operator looking into a sign-in problem. */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final ScheduledJobs jobs;

    StoredAuthorizations(JdbcTemplate jdbc, ScheduledJobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    OAuth2AuthorizationService service(RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /** Ends every sign-in of the person who signs in as {@code principalName} (their erasure): their tokens stop working. */
    public void forget(String principalName) {
        jdbc.update("delete from oauth2_authorization where principal_name = ?", principalName);
    }

    /** One instance at a time. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void deleteExpiredAlone() {
        jobs.runAlone("expired-authorizations", Duration.ofMinutes(10), this::deleteExpired);
    }

    /** Deletes the authorizations whose every code and token expired more than {@link #KEPT_AFTER_EXPIRY} ago; answers how many. */
    int deleteExpired() {
        int deleted = jdbc.update("""
                delete from oauth2_authorization
                 where greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
                                oidc_id_token_expires_at, user_code_expires_at, device_code_expires_at) < now() - make_interval(secs => ?)""",
                KEPT_AFTER_EXPIRY.toSeconds());
        if (deleted > 0) {
            log.info("deleted {} expired authorizations", deleted);
        }
        return deleted;
    }
}
