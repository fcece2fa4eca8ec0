package org.icm.membership.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import org.icm.kernel.privacy.PersonalData;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.testing.Mailbox;
import java.util.stream.Collectors;
import org.icm.kernel.identity.IcmClaims;
import org.icm.kernel.identity.Role;
import org.icm.membership.MembershipTest;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.testing.TestTokens;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Sign-in as a browser and a machine do it, over HTTP: the authorization-code flow with PKCE through the login form
 * (a cookie-keeping client following the redirects by hand) for the confidential web client, its rotated refresh
 * tokens, client credentials, and tokens that must fail. Tokens
 * are then used against this service's API, a resource server configured like every other service, and decoded by
 * a decoder built as the other services build theirs (issuer, JWKS, audience).
 */
class SignInTest extends MembershipTest {

    static final String PASSWORD = "a long and careful password";
    static final String REDIRECT = "http://localhost:8080/signed-in";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @org.springframework.beans.factory.annotation.Autowired
    OrganisationDirectory directory;

    @org.springframework.beans.factory.annotation.Autowired
    StoredAuthorizations storedAuthorizations;

    @org.springframework.beans.factory.annotation.Autowired
    RegisteredClientRepository registeredClients;

    String organisationId;
    String accountId;
    String email;

    @BeforeEach
    void anActiveAccount() {
        organisationId = json(post("/organisations", null, application("Sign-in Test " + UUID.randomUUID(), "NATIONAL", List.of("BE"), "MIGRATION",
                List.of(), List.of())), "$.id");
        assertThat(post("/organisations/" + organisationId + "/admit", focalPoint(), null).statusCode()).isEqualTo(200);
        email = "sam-" + organisationId + "@example.org";
        HttpResponse<String> invited = post("/organisations/" + organisationId + "/invitations", focalPoint(),
                "{\"email\": \"" + email + "\", \"displayName\": \"Sam Signin\", \"analyst\": true}");
        accountId = json(invited, "$.accountId");
        assertThat(post(json(invited, "$.acceptPath"), null, "{\"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonWhoAcceptedAnInvitationSignsInAtOnce() {
        // sign-in reads the directory, a read model: accepting answers only once it knows the account
        assertThat(directory.account(accountId).map(OrganisationDirectory.AccountEntry::canSignIn)).contains(true);
        assertThat(location(new Browser().signIn(email, PASSWORD))).doesNotContain("error");
    }

    @Test
    void theSignInPageCannotBeFramedAndASignInWithoutTheFormsTokenIsRefused() {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.headers().firstValue("X-Frame-Options")).as("clickjacking").hasValue("DENY");

        // a page elsewhere that posts the person's credentials (or an attacker's) to the form: no CSRF token, no sign-in
        HttpResponse<String> forged = browser.post("/login", form(Map.of("username", email, "password", PASSWORD)), "text/html");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).as("no session was made: nowhere to go on to").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.icm.kernel.privacy.PersonalDataKeys personalDataKeys;

    @Test
    void aPersonErasesThemselvesWithTheirPasswordAndIsThenGoneFromSignInAndTheDirectory() {
        String own = token(accountId, organisationId, Role.PARTICIPANT);

        HttpResponse<String> unconfirmed = post("/me/erasure", own, "{\"password\": \"not my password\"}");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(MembershipTest.<String>json(unconfirmed, "$.errors[0].field")).isEqualTo("password");
        assertThat(directory.account(accountId).map(OrganisationDirectory.AccountEntry::email)).contains(email);
        assertThat(personalDataKeys.erased(accountId)).isFalse();

        assertThat(post("/me/erasure", own, "{\"password\": \"" + PASSWORD + "\"}").statusCode()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> personalDataKeys.erased(accountId)
                && directory.account(accountId).map(OrganisationDirectory.AccountEntry::email).orElse("").equals(PersonalData.ERASED));
        HttpResponse<String> people = get("/organisations/" + organisationId + "/accounts", focalPoint());
        assertThat(people.body()).contains("\"id\":\"" + accountId + "\"", "\"status\":\"ERASED\"", PersonalData.ERASED)
                .doesNotContain(email).doesNotContain("Sam Signin");
        assertThat(location(new Browser().signIn(email, PASSWORD))).endsWith("/login?error");
        assertThat(post("/me/erasure", own, "{\"password\": \"" + PASSWORD + "\"}").statusCode()).as("nothing to confirm with any more")
                .isEqualTo(400);
    }

    @Test
    void aFocalPointErasesAnOrganisationsContactPersonAndTheProfileKeepsTheRest() {
        String contact = MembershipTest.<String>json(get("/organisations/" + organisationId, focalPoint()), "$.contact.personId");
        assertThat(post("/organisations/" + organisationId + "/people/" + contact + "/erasure", token(organisationId, Role.PARTICIPANT), null)
                .statusCode()).as("members do not erase others").isEqualTo(403);

        assertThat(post("/organisations/" + organisationId + "/people/" + contact + "/erasure", focalPoint(), null).statusCode()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> PersonalData.ERASED.equals(
                MembershipTest.json(get("/organisations/" + organisationId, focalPoint()), "$.contact.email")));
        HttpResponse<String> profile = get("/organisations/" + organisationId, focalPoint());
        assertThat(MembershipTest.<String>json(profile, "$.contact.name")).isEqualTo(PersonalData.ERASED);
        assertThat(MembershipTest.<String>json(profile, "$.status")).isEqualTo("ADMITTED");
        assertThat(personalDataKeys.erased(accountId)).as("the account is another person").isFalse();
    }

    /** The decoder every other service builds from icm.security.issuer and its JWKS (service-defaults' configuration). */
    static JwtDecoder platformDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(IcmClaims.AUDIENCE))));
        return decoder;
    }

    @Test
    void aPersonSignsInWithTheAuthorizationCodeAndPkceTheWebClientRefreshesAndOtherServicesAcceptTheTokens() throws Exception {
        Browser browser = new Browser();
        String verifier = randomText();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "icm-web", "redirect_uri", REDIRECT,
                "scope", "icm", "state", "s-42", "code_challenge", challenge, "code_challenge_method", "S256"));

        HttpResponse<String> toLogin = browser.get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).isEqualTo(ISSUER + "/login");

        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"username\">E-mail address</label>", "<label for=\"password\">Password</label>",
                "<html lang=\"en\">");
        // no inline style, so the gateway's strict Content-Security-Policy holds; the style sheet needs no token
        assertThat(page.body()).doesNotContain("<style").contains("<link rel=\"stylesheet\" href=\"/login.css\">");
        HttpResponse<String> styles = browser.get("/login.css");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        // every app is on one host: the sign-in session has a cookie name of its own
        assertThat(toLogin.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("ICM_SIGNIN_SESSION=")
                .contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> signedIn = browser.signIn(email, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).startsWith(ISSUER + "/oauth2/authorize?");

        HttpResponse<String> toClient = browser.get(location(signedIn));
        assertThat(toClient.statusCode()).isEqualTo(302);
        URI back = URI.create(location(toClient));
        assertThat(back.toString()).startsWith(REDIRECT + "?");
        Map<String, String> query = query(back);
        assertThat(query).containsEntry("state", "s-42");

        // the code without its verifier is worthless, even to the authenticated client
        HttpResponse<String> noVerifier = tokenEndpoint(WEB_SECRET, Map.of("grant_type", "authorization_code", "code", query.get("code"),
                "redirect_uri", REDIRECT, "code_verifier", randomText()));
        assertThat(noVerifier.statusCode()).isEqualTo(400);

        // a fresh sign-in for a fresh code (the failed exchange above consumed nothing the next one needs)
        HttpResponse<String> again = browser.get(authorize);
        Map<String, String> second = query(URI.create(location(again)));
        // the web client is confidential: without its secret, or with a wrong one, the code buys nothing
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", second.get("code"), "redirect_uri", REDIRECT,
                "code_verifier", verifier);
        assertThat(browser.post("/oauth2/token", form(Map.of("grant_type", "authorization_code", "code", second.get("code"),
                "redirect_uri", REDIRECT, "client_id", "icm-web", "code_verifier", verifier)), null).statusCode()).isEqualTo(401);
        assertThat(tokenEndpoint("guess", exchange).statusCode()).isEqualTo(401);
        HttpResponse<String> tokens = tokenEndpoint(WEB_SECRET, exchange);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = json(tokens, "$.access_token");
        String refreshToken = json(tokens, "$.refresh_token");
        assertThat(refreshToken).isNotBlank();

        // decoded exactly as the other services decode it
        Jwt jwt = platformDecoder().decode(accessToken);
        assertThat(jwt.getSubject()).isEqualTo(accountId);
        assertThat(jwt.getClaimAsString(IcmClaims.ORGANISATION)).isEqualTo(organisationId);
        assertThat(jwt.getClaimAsStringList(IcmClaims.ROLES)).containsExactly("PARTICIPANT", "ANALYST");
        assertThat(jwt.getClaimAsStringList(IcmClaims.COUNTRIES)).as("where its members record national implementation").containsExactly("BE");
        assertThat(jwt.getAudience()).contains(IcmClaims.AUDIENCE);
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);

        // accepted by the API's resource-server chain: the organisation's own people see its accounts
        HttpResponse<String> accounts = get("/organisations/" + organisationId + "/accounts", accessToken);
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(MembershipTest.<List<String>>json(accounts, "$[*].email")).containsExactly(email);

        // the refresh token buys a new access token, accepted like the first, and a new refresh token (rotation)
        HttpResponse<String> refreshed = tokenEndpoint(WEB_SECRET, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String refreshedAccessToken = json(refreshed, "$.access_token");
        String nextRefreshToken = json(refreshed, "$.refresh_token");
        assertThat(refreshedAccessToken).isNotEqualTo(accessToken);
        assertThat(nextRefreshToken).isNotBlank().isNotEqualTo(refreshToken);
        Jwt refreshedJwt = platformDecoder().decode(refreshedAccessToken);
        assertThat(refreshedJwt.getSubject()).isEqualTo(accountId);
        assertThat(refreshedJwt.getClaimAsString(IcmClaims.ORGANISATION)).isEqualTo(organisationId);
        assertThat(refreshedJwt.getClaimAsStringList(IcmClaims.ROLES)).containsExactly("PARTICIPANT", "ANALYST");
        assertThat(refreshedJwt.getAudience()).contains(IcmClaims.AUDIENCE);
        assertThat(get("/organisations/" + organisationId + "/accounts", refreshedAccessToken).statusCode()).isEqualTo(200);

        // a refresh token is good for one use: the old one is refused now, the new one works (secret in the body this time)
        HttpResponse<String> reused = tokenEndpoint(WEB_SECRET, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("invalid_grant");
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "refresh_token", "refresh_token", nextRefreshToken,
                        "client_id", "icm-web", "client_secret", WEB_SECRET)))).build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(get("/organisations/" + organisationId + "/accounts", json(posted, "$.access_token")).statusCode()).isEqualTo(200);

        // what a restarted (or a second) instance reads from PostgreSQL: the live refresh token, and not the used ones
        OAuth2AuthorizationService restarted = storedAuthorizations.service(registeredClients);
        OAuth2Authorization kept = restarted.findByToken(json(posted, "$.refresh_token"), OAuth2TokenType.REFRESH_TOKEN);
        assertThat(kept).isNotNull();
        assertThat(kept.getPrincipalName()).isEqualTo(email);
        assertThat(restarted.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN)).isNull();
    }

    @Test
    void authorizationsExpiredForADayAreDeletedAndLiveOnesKept(@org.springframework.beans.factory.annotation.Autowired
                                                               org.springframework.jdbc.core.JdbcTemplate jdbc) {
        String expired = "expired-" + UUID.randomUUID();
        String live = "live-" + UUID.randomUUID();
        String insert = "insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,"
                + " access_token_value, access_token_expires_at, refresh_token_value, refresh_token_expires_at)"
                + " values (?, 'c', 'p', 'authorization_code', 'a', now() - interval '3 days', 'r', ?)";
        jdbc.update(insert, expired, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(2))));
        jdbc.update(insert, live, java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1))));

        assertThat(storedAuthorizations.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("select id from oauth2_authorization where id in (?, ?)", String.class, expired, live))
                .containsExactly(live);
    }

    /** The token endpoint as the web client calls it: its id and secret in HTTP Basic ({@code client_secret_basic}). */
    HttpResponse<String> tokenEndpoint(String secret, Map<String, String> parameters) {
        return send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("icm-web:" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build());
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountLookTheSameAndRepeatedFailuresLockSignIn() {
        double failedBefore = signIns("failed");
        double lockedBefore = signIns("locked");
        Browser browser = new Browser();
        HttpResponse<String> wrong = browser.signIn(email, "not the password at all");
        HttpResponse<String> unknown = browser.signIn("nobody-" + UUID.randomUUID() + "@example.org", PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(location(wrong)).isEqualTo(location(unknown)).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("role=\"alert\"", "E-mail address or password not recognised.");

        for (int attempt = 2; attempt <= 5; attempt++) {
            assertThat(location(browser.signIn(email, "wrong " + attempt))).endsWith("/login?error");
        }
        // locked now: even the right password is refused for a while
        assertThat(location(browser.signIn(email, PASSWORD))).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("Sign-in is locked for a while");
        // an unknown address is locked the same way, so a lock tells nothing about who has an account
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.signIn(nobody, "wrong " + attempt);
        }
        assertThat(location(browser.signIn(nobody, PASSWORD))).endsWith("/login?locked");
        // what an operator's alert on sign-in failures and lockouts reads
        assertThat(signIns("failed") - failedBefore).isEqualTo(11);
        assertThat(signIns("locked") - lockedBefore).isEqualTo(2);
    }

    /** The count of password sign-ins with this outcome, as Prometheus reads it. */
    private double signIns(String outcome) {
        String line = "icm_signins_total{outcome=\"" + outcome + "\"} ";
        return get("/actuator/prometheus", null).body().lines().filter(l -> l.startsWith(line))
                .mapToDouble(l -> Double.parseDouble(l.substring(line.length()).strip())).findFirst().orElse(0);
    }

    @Test
    void aDeactivatedAccountNoLongerSignsIn() {
        Browser browser = new Browser();
        assertThat(location(browser.signIn(email, PASSWORD))).doesNotContain("error");
        assertThat(post("/organisations/" + organisationId + "/accounts/" + accountId + "/deactivate", token(organisationId, Role.PARTICIPANT), null)
                .statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> location(new Browser().signIn(email, PASSWORD)).endsWith("/login?error"));
    }

    @Test
    void theSigningKeyIsStoredSoARestartKeepsTokensValid(@org.springframework.beans.factory.annotation.Autowired
                                                         org.springframework.jdbc.core.JdbcTemplate jdbc) throws Exception {
        var selector = new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build());
        var running = signingKeys.get(selector, null).getFirst();
        // what a restarted service loads: the same key, so tokens issued before still verify
        var restarted = SigningKeys.load(jdbc).get(selector, null).getFirst();
        assertThat(restarted.getKeyID()).isEqualTo(running.getKeyID());
        assertThat(restarted.toRSAKey().toRSAPublicKey()).isEqualTo(running.toRSAKey().toRSAPublicKey());
    }

    @Test
    void aMachineClientGetsATokenWithClientCredentials() {
        HttpRequest request = HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("icm-machine:" + MACHINE_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=icm")).build();
        HttpResponse<String> tokens = send(request);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        Jwt jwt = platformDecoder().decode(json(tokens, "$.access_token"));
        assertThat(jwt.getSubject()).isEqualTo("icm-machine");
        assertThat(jwt.getClaimAsStringList(IcmClaims.ROLES)).containsExactly("ANALYST");
        // a signed-in reader: the directory shows contact persons to it
        assertThat(get("/organisations/" + organisationId, json(tokens, "$.access_token")).body()).contains("anna@example.org");

        HttpResponse<String> wrongSecret = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("icm-machine:guess".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void expiredWrongIssuerTamperedAndForeignTokensAreRefusedWithAProblem() {
        String path = "/organisations/" + organisationId + "/accounts";
        assertThat(get(path, token(accountId, organisationId, Role.PARTICIPANT)).statusCode()).isEqualTo(200);

        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = sign(claims().issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(10))).build());
        String wrongIssuer = sign(claims().issuer("http://evil.example").build());
        String valid = token(accountId, organisationId, Role.PARTICIPANT);
        String[] parts = valid.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("PARTICIPANT", "FOCAL_POINT").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];
        String foreign = TestTokens.get().sign(TestTokens.get().claims(AccountId.of(accountId), OrganisationId.of(organisationId), Role.PARTICIPANT)
                .issuer(ISSUER).build());

        for (String bad : List.of(expired, wrongIssuer, tampered, foreign)) {
            HttpResponse<String> refused = get(path, bad);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).get().asString().contains("invalid_token");
        }
    }

    private JwtClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer(ISSUER).audience(List.of(IcmClaims.AUDIENCE)).subject(accountId)
                .claim(IcmClaims.ORGANISATION, organisationId).claim(IcmClaims.ROLES, List.of("PARTICIPANT"))
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10)));
    }

    /** A browser: keeps cookies, follows no redirect by itself. */
    @Test
    void theSignInPageSpeaksThePersonsLanguageAndRemembersTheSwitch() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

        HttpResponse<String> french = http.send(HttpRequest.newBuilder(uri("/login?error")).header("Accept-Language", "fr-BE,fr;q=0.9,en;q=0.5")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(french.body()).contains("<html lang=\"fr\">", "<label for=\"username\">Adresse e-mail</label>",
                "<label for=\"password\">Mot de passe</label>", "Adresse e-mail ou mot de passe non reconnus.", "hreflang=\"en\"");

        // the switch chooses English and remembers it in the cookie the web client's pages read too (same host)
        HttpResponse<String> switched = http.send(HttpRequest.newBuilder(uri("/login?lang=en")).header("Accept-Language", "fr").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(switched.body()).contains("<html lang=\"en\">", "<label for=\"username\">E-mail address</label>");
        assertThat(switched.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("ICM_LANG=en"));
        HttpResponse<String> remembered = http.send(HttpRequest.newBuilder(uri("/login")).header("Accept-Language", "fr").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(remembered.body()).contains("<html lang=\"en\">");
    }

    // --- OpenID Connect, as a member organisation's own tool would use it (Nimbus OAuth 2.0 SDK with OpenID Connect extensions) ---

    @Test
    void aStandardOpenIdConnectClientDiscoversTheIssuerSignsInReadsTheIdTokenAndUserInfoAndLogsOut() throws Exception {
        com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata provider =
                com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata.resolve(new com.nimbusds.oauth2.sdk.id.Issuer(ISSUER));
        assertThat(provider.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(provider.getScopes().toStringList()).contains("openid", "profile", "email");
        assertThat(provider.getUserInfoEndpointURI()).isNotNull();
        assertThat(provider.getEndSessionEndpointURI()).isNotNull();
        // RFC 8414's metadata stays
        assertThat(get("/.well-known/oauth-authorization-server", null).statusCode()).isEqualTo(200);

        var clientId = new com.nimbusds.oauth2.sdk.id.ClientID("icm-web");
        var verifier = new com.nimbusds.oauth2.sdk.pkce.CodeVerifier();
        var nonce = new com.nimbusds.openid.connect.sdk.Nonce();
        URI authorize = new com.nimbusds.openid.connect.sdk.AuthenticationRequest.Builder(new com.nimbusds.oauth2.sdk.ResponseType("code"),
                new com.nimbusds.oauth2.sdk.Scope("openid", "profile", "email", "icm"), clientId, URI.create(REDIRECT))
                .endpointURI(provider.getAuthorizationEndpointURI()).state(new com.nimbusds.oauth2.sdk.id.State()).nonce(nonce)
                .codeChallenge(verifier, com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256).build().toURI();
        Browser browser = new Browser();
        browser.get(authorize.toString());
        URI back = URI.create(location(browser.get(location(browser.signIn(email, PASSWORD)))));
        String code = query(back).get("code");

        var tokenRequest = new com.nimbusds.oauth2.sdk.TokenRequest(provider.getTokenEndpointURI(),
                new com.nimbusds.oauth2.sdk.auth.ClientSecretBasic(clientId, new com.nimbusds.oauth2.sdk.auth.Secret(WEB_SECRET)),
                new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(new com.nimbusds.oauth2.sdk.AuthorizationCode(code), URI.create(REDIRECT), verifier));
        var tokenResponse = com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
        assertThat(tokenResponse.indicatesSuccess()).as(String.valueOf(tokenResponse)).isTrue();
        var tokens = tokenResponse.toSuccessResponse().getTokens().toOIDCTokens();

        // the ID token, checked as the library checks it: signature (the issuer's keys), issuer, audience, expiry, nonce
        var idToken = new com.nimbusds.openid.connect.sdk.validators.IDTokenValidator(provider.getIssuer(), clientId,
                com.nimbusds.jose.JWSAlgorithm.RS256, provider.getJWKSetURI().toURL()).validate(tokens.getIDToken(), nonce);
        assertThat(idToken.getSubject().getValue()).isEqualTo(accountId);
        assertThat(idToken.getStringClaim("name")).isEqualTo("Sam Signin");
        assertThat(idToken.getStringClaim("email")).isEqualTo(email);
        assertThat(idToken.getStringClaim("organisation")).isEqualTo(organisationId);

        var userInfoResponse = com.nimbusds.openid.connect.sdk.UserInfoResponse.parse(new com.nimbusds.openid.connect.sdk.UserInfoRequest(
                provider.getUserInfoEndpointURI(), tokens.getBearerAccessToken()).toHTTPRequest().send());
        assertThat(userInfoResponse.indicatesSuccess()).as(String.valueOf(userInfoResponse)).isTrue();
        var userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
        assertThat(userInfo.getSubject().getValue()).isEqualTo(accountId);
        assertThat(userInfo.getName()).isEqualTo("Sam Signin");
        assertThat(userInfo.getEmailAddress()).isEqualTo(email);
        assertThat(userInfo.getEmailVerified()).isTrue();
        assertThat(userInfo.getStringClaim("organisation")).isEqualTo(organisationId);
        assertThat(userInfo.getStringListClaim("roles")).contains("PARTICIPANT", "ANALYST");

        // RP-initiated logout ends the session at the issuer and comes back to the client
        URI logout = new com.nimbusds.openid.connect.sdk.LogoutRequest(provider.getEndSessionEndpointURI(), tokens.getIDToken(),
                URI.create("http://localhost:8080/?signed-out"), new com.nimbusds.oauth2.sdk.id.State("bye")).toURI();
        HttpResponse<String> loggedOut = browser.get(logout.toString());
        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(302);
        assertThat(location(loggedOut)).startsWith("http://localhost:8080/?signed-out");
        HttpResponse<String> signInAgain = browser.get(authorize.toString());
        assertThat(location(signInAgain)).as("no session at the issuer any more").isEqualTo(ISSUER + "/login");
    }

    // --- a forgotten password ---

    static int imapPort() {
        return org.icm.infrastructure.SharedInfrastructure.get().smtp().imapPort();
    }

    static List<Mailbox.Mail> mailsTitled(String address, String subject) {
        return Mailbox.read(imapPort(), address).stream().filter(mail -> mail.subject().equals(subject)).toList();
    }

    private int authorizationsOf(String principal) {
        Integer count = jdbc.queryForObject("select count(*) from oauth2_authorization where principal_name = ?", Integer.class, principal);
        return count == null ? 0 : count;
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aForgottenPasswordIsResetWithALinkByMailUsedOnceAndEverySignInEnds() {
        // a sign-in under way: the issuer keeps its authorization
        Browser browser = new Browser();
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "icm-web", "redirect_uri", REDIRECT,
                "scope", "icm", "state", "s-1", "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"));
        browser.get(authorize);
        assertThat(location(browser.get(location(browser.signIn(email, PASSWORD))))).startsWith(REDIRECT);
        assertThat(authorizationsOf(email)).isPositive();

        HttpResponse<String> asked = post("/password-resets", null, "{\"email\": \"" + email.toUpperCase() + "\", \"language\": \"en\"}");
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> unknown = post("/password-resets", null, "{\"email\": \"" + nobody + "\"}");
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).as("the same answer, whether or not the address has an account").isEqualTo(asked.body())
                .contains("If an account has this address");

        Mailbox.Mail mail = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> mailsTitled(email, "[ICM] Choose a new password"), mails -> !mails.isEmpty()).getFirst();
        assertThat(mail.text()).contains("Hello Sam Signin,", "Someone, probably you, asked for a new password", "This link works once, until",
                "(Brussels time)");
        Matcher link = Pattern.compile(Pattern.quote(ISSUER) + "/password-reset/([A-Za-z0-9_-]{43})").matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        String resetToken = link.group(1);
        assertThat(Mailbox.read(imapPort(), nobody)).as("no mail to an address without an account").isEmpty();
        assertThat(jdbc.queryForList("select token_hash from password_resets", String.class)).contains(org.icm.membership.credentials.CredentialStore.hash(resetToken))
                .doesNotContain(resetToken);

        HttpResponse<String> weak = post("/password-resets/" + resetToken, null, "{\"password\": \"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(MembershipTest.<String>json(weak, "$.errors[0].field")).isEqualTo("password");
        String newPassword = "a new and long enough password " + UUID.randomUUID();
        assertThat(post("/password-resets/" + resetToken, null, "{\"password\": \"" + newPassword + "\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> twice = post("/password-resets/" + resetToken, null, "{\"password\": \"" + newPassword + "x\"}");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(MembershipTest.<String>json(twice, "$.type")).isEqualTo("urn:icm:problem:reset-link-invalid");

        assertThat(authorizationsOf(email)).as("every sign-in of the account ended").isZero();
        assertThat(location(new Browser().signIn(email, PASSWORD))).endsWith("/login?error");
        assertThat(location(new Browser().signIn(email, newPassword))).doesNotContain("error");
    }

    @Test
    void resetLinksAreLimitedPerAddressAndPerClient() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(post("/password-resets", null, "{\"email\": \"" + email + "\", \"language\": \"fr\"}").statusCode()).isEqualTo(202);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> mailsTitled(email, "[ICM] Choisir un nouveau mot de passe").size() >= 3);
        Thread.sleep(1000);
        assertThat(mailsTitled(email, "[ICM] Choisir un nouveau mot de passe")).as("three links an hour, not four").hasSize(3);

        String client = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 10; i++) {
            assertThat(send(request("/password-resets", null).header("Content-Type", "application/json").header("X-Forwarded-For", client)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"someone-" + i + "@example.org\"}")).build()).statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> tooMany = send(request("/password-resets", null).header("Content-Type", "application/json")
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"someone@example.org\"}")).build());
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    final class Browser {

        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String pathOrUrl) {
            return exchange(HttpRequest.newBuilder(target(pathOrUrl)).header("Accept", "text/html").GET().build());
        }

        HttpResponse<String> post(String path, String form, String accept) {
            return exchange(HttpRequest.newBuilder(target(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", accept == null ? "application/json" : accept).POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        /** Reads the form's CSRF token, then posts the credentials as the form does. */
        HttpResponse<String> signIn(String username, String password) {
            Matcher csrf = CSRF.matcher(get("/login").body());
            assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
            return post("/login", form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))), "text/html");
        }

        private URI target(String pathOrUrl) {
            return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : uri(pathOrUrl);
        }

        private HttpResponse<String> exchange(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + response.statusCode()));
        return location.startsWith("/") ? ISSUER + location : location;
    }

    static String form(Map<String, String> values) {
        return new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    static String randomText() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
