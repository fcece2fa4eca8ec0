package org.icm.membership.firststart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.icm.membership.MembershipTest;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.directory.OrganisationDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first start of an empty platform: the three focal points of the sample data, the configured focal-point account,
 * the sample organisations (loaded twice, changed once); and partner suggestions on those sample organisations.
 */
class FirstStartTest extends MembershipTest {

    static final String PICUM = "PICUM - Platform for International Cooperation on Undocumented Migrants";
    static final String KINDERRECHTE = "Kinderrechte Beispielverein (fictional)";
    static final String ASOCIACION = "Asociación Ejemplo de Migrantes (fictional)";

    @Autowired
    FirstStart firstStart;
    @Autowired
    CredentialStore credentials;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEmptyPlatformGetsTheThreeFocalPointsTheirAccountAndTheSampleOrganisations() {
        await().atMost(Duration.ofSeconds(30)).until(() -> idOf(KINDERRECHTE) != null && idOf(ASOCIACION) != null);
        List<Map<String, Object>> focalPoints = MembershipTest.<List<Map<String, Object>>>json(get("/organisations?size=100", null), "$.items[?(@.focalPoint == true)]");
        assertThat(focalPoints).extracting(o -> o.get("name")).contains(PICUM, "Missing Children Europe", "Child Circle");

        CredentialStore.Credential credential = credentials.byEmail(FIRST_FOCAL_POINT_EMAIL).orElseThrow();
        assertThat(passwords.matches(FIRST_FOCAL_POINT_PASSWORD, credential.passwordHash())).isTrue();
        assertThat(credential.organisationId()).isEqualTo(idOf(PICUM));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            OrganisationDirectory.AccountEntry account = directory.account(credential.accountId()).orElseThrow();
            assertThat(account.canSignIn()).isTrue();
            assertThat(account.roles()).containsExactly("PARTICIPANT", "FOCAL_POINT");
        });

        long before = directory.count(new OrganisationDirectory.DirectoryFilter(null, null, null, null, null, null));
        firstStart.onStart();
        assertThat(directory.count(new OrganisationDirectory.DirectoryFilter(null, null, null, null, null, null))).isEqualTo(before);
        assertThat(credentials.byEmail(FIRST_FOCAL_POINT_EMAIL).orElseThrow().accountId()).isEqualTo(credential.accountId());
    }

    @Test
    void aNationalChildRightsOrganisationIsOfferedEuropeanMigrationNetworksFirstAndNoNationalOrganisationOfAnotherCountry() {
        await().atMost(Duration.ofSeconds(30)).until(() -> idOf(KINDERRECHTE) != null && idOf(ASOCIACION) != null);

        HttpResponse<String> forKinderrechte = get("/organisations/" + idOf(KINDERRECHTE) + "/partners", null);
        assertThat(forKinderrechte.statusCode()).isEqualTo(200);
        List<String> names = json(forKinderrechte, "$[*].name");
        assertThat(names.getFirst()).isEqualTo(PICUM);
        assertThat(names).doesNotContain(ASOCIACION, KINDERRECHTE);
        assertThat(MembershipTest.<List<String>>json(forKinderrechte, "$[0].reasons"))
                .containsExactly("works on migration, you on child rights", "a European network that links national work to EU advocacy");
        assertThat(MembershipTest.<Integer>json(forKinderrechte, "$[0].score")).isEqualTo(4);

        HttpResponse<String> forAsociacion = get("/organisations/" + idOf(ASOCIACION) + "/partners", null);
        assertThat(MembershipTest.<List<String>>json(forAsociacion, "$[0:2].name")).containsExactlyInAnyOrder("Missing Children Europe", "Child Circle");
        assertThat(MembershipTest.<List<String>>json(forAsociacion, "$[*].name")).doesNotContain(KINDERRECHTE);
    }

    @Test
    void theDevelopmentPasswordOpensOnlyALocalPlatform() {
        MockEnvironment production = new MockEnvironment().withProperty("icm.bootstrap.focal-point.password", DevelopmentPasswordGuard.DEVELOPMENT_PASSWORD);
        assertThatThrownBy(() -> DevelopmentPasswordGuard.check(production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development default");

        MockEnvironment launcher = new MockEnvironment().withProperty("icm.bootstrap.focal-point.password", DevelopmentPasswordGuard.DEVELOPMENT_PASSWORD)
                .withProperty("icm.bootstrap.allow-development-password", "true");
        assertThatCode(() -> DevelopmentPasswordGuard.check(launcher)).doesNotThrowAnyException();
        MockEnvironment localProfile = new MockEnvironment().withProperty("icm.bootstrap.focal-point.password", DevelopmentPasswordGuard.DEVELOPMENT_PASSWORD);
        localProfile.setActiveProfiles("local");
        assertThatCode(() -> DevelopmentPasswordGuard.check(localProfile)).doesNotThrowAnyException();
        MockEnvironment ownPassword = new MockEnvironment().withProperty("icm.bootstrap.focal-point.password", "a password of our own");
        assertThatCode(() -> DevelopmentPasswordGuard.check(ownPassword)).doesNotThrowAnyException();

        // the web client's development secret too: the issuer would sign people in for any web client that knows it
        MockEnvironment webSecret = new MockEnvironment().withProperty("icm.signin.web.client-secret",
                DevelopmentPasswordGuard.DEVELOPMENT_WEB_CLIENT_SECRET);
        assertThatThrownBy(() -> DevelopmentPasswordGuard.check(webSecret)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("icm.signin.web.client-secret is the development default");
        assertThatCode(() -> DevelopmentPasswordGuard.check(webSecret.withProperty("icm.local-platform", "true"))).doesNotThrowAnyException();
    }

    private String idOf(String name) {
        List<String> ids = json(get("/organisations?size=100&q=" + java.net.URLEncoder.encode(name.substring(0, 12), java.nio.charset.StandardCharsets.UTF_8),
                null), "$.items[?(@.name == '" + name + "')].id");
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
