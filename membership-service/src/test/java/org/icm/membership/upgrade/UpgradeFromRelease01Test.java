package org.icm.membership.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.icm.membership.MembershipApplication;
import org.icm.membership.credentials.CredentialStore;
import org.icm.testing.ApiClient;
import org.icm.testing.ReleaseFixture;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The service started on the database release 0.1 left (its tables made at start-up, no migration history; a local
 * platform's sample organisations, first focal point and signing key): both migration histories take it over, the
 * later migration runs, and the organisations, the password and the signing key are read as before.
 */
class UpgradeFromRelease01Test {

    static final String PICUM = "4ec51c5e-2f17-4682-837a-3350bdba1ecb";
    static final String SIGNING_KEY = "135941e1-58c1-49c9-8a4e-ff163baf1a93";

    @Test
    void readsTheOrganisationsPasswordsAndSigningKeyOfRelease01() {
        try (ConfigurableApplicationContext service = ReleaseFixture.start(MembershipApplication.class, "releases/0.1.sql")) {
            ApiClient api = new ApiClient(ReleaseFixture.port(service));
            JdbcTemplate database = service.getBean(JdbcTemplate.class);

            assertThat(database.queryForList("select version from flyway_schema_history order by installed_rank", String.class))
                    .containsExactly("0", "1", "2");
            assertThat(database.queryForList("select version from event_store_schema_history order by installed_rank", String.class))
                    .containsExactly("0", "1");
            assertThat(database.queryForList("select indexname from pg_indexes where tablename in ('invitations', 'oauth2_authorization')",
                    String.class)).contains("invitations_unused_by_account", "oauth2_authorization_by_principal");

            HttpResponse<String> picum = api.awaitGet("/organisations/" + PICUM, null, response -> response.statusCode() == 200);
            assertThat(ApiClient.<String>read(picum, "$.name")).isEqualTo("PICUM - Platform for International Cooperation on Undocumented Migrants");

            CredentialStore.Credential firstFocalPoint = service.getBean(CredentialStore.class).byEmail("focal-point@icm.local").orElseThrow();
            assertThat(firstFocalPoint.organisationId()).isEqualTo(PICUM);
            assertThat(service.getBean(PasswordEncoder.class).matches("icm-local-development", firstFocalPoint.passwordHash())).isTrue();

            // tokens signed before the upgrade stay valid: the same key is published
            HttpResponse<String> keys = api.get("/oauth2/jwks", null);
            assertThat(ApiClient.<String>read(keys, "$.keys[0].kid")).isEqualTo(SIGNING_KEY);
        }
    }
}
