package org.icm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icm.endtoend.RunningPlatform.Platform;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.Mailbox.Mail;
import org.icm.testing.Mailbox;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The front door as its users meet it, on the whole platform: everyone signs in through the gateway (authorization
 * code with PKCE), every call goes through it, the services check the relayed token again.
 */
@ExtendWith(RunningPlatform.class)
class GatewayJourneyIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);

    @Test
    void aFocalPointAdmitsAnOrganisationItsParticipantFollowsADossierAndAnAnalystReadsItsHistory(Platform platform) throws Exception {
        ApiClient gateway = new ApiClient(platform.port("gateway"), ASYNC);
        String focalPoint = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        assertThat(claim(focalPoint, "iss")).isEqualTo(platform.gateway().toString());

        // the focal point loads the sample dossiers (admin API) and admits a new organisation's application
        assertThat(gateway.post("/admin/policy/admin/sample-content", focalPoint, null).statusCode()).isEqualTo(200);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> applied = gateway.post("/api/membership/organisations", null, application("Children First " + suffix));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        String organisation = JsonPath.read(applied.body(), "$.id");
        HttpResponse<String> admitted = gateway.post("/admin/membership/organisations/" + organisation + "/admit", focalPoint, null);
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);

        // it invites a participant and an analyst of that organisation; they accept and sign in
        String participantEmail = "participant-" + suffix + "@children-first.example";
        String participant = invitedAndSignedIn(platform, gateway, focalPoint, organisation, participantEmail, false);
        String analyst = invitedAndSignedIn(platform, gateway, focalPoint, organisation, "analyst-" + suffix + "@children-first.example", true);
        assertThat(claim(analyst, "roles")).contains("ANALYST");

        // the focal point curates a dossier: drafted, a measure with a first step, then published
        String dossier = id(gateway.post("/admin/policy/dossiers", focalPoint,
                "{\"title\":\"Return Regulation " + suffix + "\",\"policyArea\":\"RETURN\",\"summary\":\"Returns of children\"}"));
        assertThat(gateway.get("/api/policy/dossiers/" + dossier, null).statusCode()).as("a draft is not public").isEqualTo(404);
        String measure = id(gateway.post("/admin/policy/dossiers/" + dossier + "/measures", focalPoint,
                "{\"title\":\"Return Regulation\",\"type\":\"REGULATION\",\"procedureReference\":\"2025/0059(COD)\"}"));
        String steps = "/admin/policy/dossiers/" + dossier + "/measures/" + measure + "/steps";
        assertThat(gateway.post(steps, focalPoint, "{\"stage\":\"PROPOSAL_ADOPTED\",\"effectiveDate\":\"2025-03-11\"}").statusCode()).isEqualTo(201);
        assertThat(gateway.post("/admin/policy/dossiers/" + dossier + "/publish", focalPoint, null).statusCode()).isEqualTo(200);
        gateway.awaitGet("/api/policy/dossiers/" + dossier, null, response -> response.statusCode() == 200);
        Instant beforeTrilogue = Instant.now();

        // the participant follows the dossier, in the app and by e-mail at once
        HttpResponse<String> subscribed = gateway.put("/api/notifications/subscriptions/me", participant, """
                {"kinds":["MEASURE_STAGE_CHANGED"],"dossiers":["%s"],"policyAreas":[],"rights":[],
                 "channels":["IN_APP","EMAIL"],"emailRhythm":"IMMEDIATE"}""".formatted(dossier));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);

        // the focal point records the next step; the participant sees it in the feed and gets the mail
        Thread.sleep(1000);
        // ... in the trace of their click (W3C Trace Context, as the web client sends it)
        String traceId = UUID.randomUUID().toString().replace("-", "");
        assertThat(gateway.send("POST", steps, focalPoint, "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2025-11-04\"}",
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")).statusCode()).isEqualTo(201);
        HttpResponse<String> feed = gateway.awaitGet("/api/notifications/feed", participant,
                response -> response.statusCode() == 200 && response.body().contains("TRILOGUE"));
        assertThat(JsonPath.<List<String>>read(feed.body(), "$.items[*].dossierId")).contains(dossier);
        // (their first mail was the invitation)
        Mail mail = await().atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).until(() -> mails(platform, participantEmail),
                mails -> mails.stream().anyMatch(m -> m.subject().contains("Return Regulation"))).stream()
                .filter(m -> m.subject().contains("Return Regulation")).findFirst().orElseThrow();
        // accepted without saying a language, for an organisation in Belgium: the mails are in French
        assertThat(mail.subject()).isEqualTo("[ICM] Return Regulation\u00a0: passage de \u00ab\u00a0Proposition adopt\u00e9e\u00a0\u00bb \u00e0 "
                + "\u00ab\u00a0Trilogue\u00a0\u00bb le 4 novembre 2025");
        // one trace from the click to the mail: the gateway, policy-service, its outbox, Kafka and notification-service went
        // on with it, and the mail's sending is logged in it
        assertThat(Files.readAllLines(platform.data().resolve("logs/notification-service.log")))
                .anySatisfy(line -> assertThat(line).contains(traceId).contains("sent to account"));
        // its links lead to this platform's front door (not a default address), and its one-click unsubscribe works there
        assertThat(mail.text()).contains(platform.url("/dossiers/" + dossier).toString());
        Matcher unsubscribeLink = Pattern.compile("<(http://[^>]+)>").matcher(mail.listUnsubscribe());
        assertThat(unsubscribeLink.find()).as(mail.listUnsubscribe()).isTrue();
        assertThat(unsubscribeLink.group(1)).startsWith(platform.url("/api/notifications/unsubscribe?token=").toString());
        // the mail client's POST, over HTTP/1.1 as test-support's ApiClient speaks (no h2c upgrade of a POST)
        HttpResponse<String> unsubscribed = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(unsubscribeLink.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(gateway.get("/api/notifications/subscriptions/me", participant).body(), "$.channels"))
                .containsExactly("IN_APP");

        // the analyst reads the dossier's history, and its state before the trilogue
        HttpResponse<String> history = gateway.get("/api/policy/dossiers/" + dossier + "/history", analyst);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(history.body(), "$.items[*].summary")).anySatisfy(summary -> assertThat(summary).contains("TRILOGUE"));
        HttpResponse<String> before = gateway.get("/api/policy/dossiers/" + dossier + "/history/state?asOf=" + beforeTrilogue, analyst);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(before.body()).contains("PROPOSAL_ADOPTED").doesNotContain("TRILOGUE");
        // ... which the participant may not
        assertProblem(gateway.get("/api/policy/dossiers/" + dossier + "/history", participant), 403);

        // a participant is refused the admin API by the gateway, and another organisation's profile by the service
        assertProblem(gateway.post("/admin/membership/organisations/" + organisation + "/admit", participant, null), 403);
        String someoneElses = JsonPath.<List<String>>read(gateway.get("/api/membership/organisations", null).body(), "$.items[*].id").stream()
                .filter(id -> !id.equals(organisation)).findFirst().orElseThrow();
        assertProblem(gateway.put("/api/membership/organisations/" + someoneElses, participant, application("Taken Over " + suffix)), 403);

        // anonymous callers see published content only
        HttpResponse<String> published = gateway.get("/api/policy/dossiers?size=100", null);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(published.body(), "$.items[*].id")).contains(dossier);
        String draft = id(gateway.post("/admin/policy/dossiers", focalPoint, "{\"title\":\"Draft " + suffix + "\",\"policyArea\":\"ASYLUM\"}"));
        gateway.awaitGet("/api/policy/dossiers/" + draft, focalPoint, response -> response.statusCode() == 200);
        assertThat(gateway.get("/api/policy/dossiers/" + draft, null).statusCode()).isEqualTo(404);
        assertThat(JsonPath.<List<String>>read(gateway.get("/api/policy/dossiers?size=100", null).body(), "$.items[*].id")).doesNotContain(draft);
        assertProblem(gateway.get("/api/notifications/feed", null), 401);
    }

    @Test
    void theVocabulariesAndTheOpenIdProviderAreReadAtTheFrontDoorWithoutAnAccount(Platform platform) {
        ApiClient gateway = new ApiClient(platform.port("gateway"));
        HttpResponse<String> rights = gateway.get("/api/policy/rights", null);
        assertThat(rights.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(rights.body(), "$[*].code")).contains("UNCRC-18", "UNCRC-36");
        HttpResponse<String> vocabulary = gateway.get("/api/policy/vocabulary", null);
        assertThat(JsonPath.<List<String>>read(vocabulary.body(), "$.stages[?(@.code=='PROPOSAL_ADOPTED')].words.fr"))
                .containsExactly("Proposition adoptée");

        // OpenID Connect discovery names the platform's front door, where every endpoint is reached
        HttpResponse<String> discovery = gateway.get("/.well-known/openid-configuration", null);
        assertThat(discovery.statusCode()).isEqualTo(200);
        String issuer = platform.gateway().toString().replaceAll("/$", "");
        assertThat(JsonPath.<String>read(discovery.body(), "$.issuer")).isEqualTo(issuer);
        assertThat(JsonPath.<String>read(discovery.body(), "$.userinfo_endpoint")).isEqualTo(issuer + "/userinfo");
        assertThat(JsonPath.<String>read(discovery.body(), "$.end_session_endpoint")).isEqualTo(issuer + "/connect/logout");
        assertThat(gateway.get("/.well-known/oauth-authorization-server", null).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredForeignUnsignedAndTamperedTokensAreRefused(Platform platform) {
        ApiClient gateway = new ApiClient(platform.port("gateway"));
        String real = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        assertThat(gateway.get("/api/notifications/feed", real).statusCode()).isEqualTo(200);
        TestTokens foreign = TestTokens.get();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        // tokens signed by a key the platform does not know (the platform's own key is not the test's to use):
        // each check on its own (expiry, issuer, audience) is proven with a known key in the gateway's GatewaySecurityTest
        Supplier<JWTClaimsSet.Builder> claims = () -> foreign.claims(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT,
                Role.FOCAL_POINT).issuer(platform.gateway().toString());

        List<String> refused = List.of(
                foreign.sign(claims.get().build()),
                foreign.sign(claims.get().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build()),
                foreign.sign(claims.get().issuer("http://elsewhere.example").build()),
                foreign.sign(claims.get().audience("another-platform").build()),
                new PlainJWT(realClaims(real)).serialize(), // alg=none
                tampered(real));
        for (String token : refused) {
            assertProblem(gateway.get("/api/notifications/feed", token), 401);
            assertProblem(gateway.get("/admin/policy/dossiers", token), 401);
        }
    }

    @Test
    void aBurstBeyondTheLimitGets429WithRetryAfter(Platform platform) throws Exception {
        String token = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // far above the account's bucket (100, refilled at 20/s): a cheap path the gateway answers itself (404), from
        // 16 callers at once
        HttpRequest request = HttpRequest.newBuilder(platform.url("/api/nonexistent/things")).header("Authorization", "Bearer " + token).build();
        List<HttpResponse<String>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int caller = 0; caller < 16; caller++) {
                callers.submit(() -> {
                    for (int i = 0; i < 1000 / 16; i++) {
                        answers.add(http.send(request, HttpResponse.BodyHandlers.ofString()));
                    }
                    return null;
                });
            }
        }

        assertThat(answers).hasSize(16 * (1000 / 16));
        List<HttpResponse<String>> limited = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(404, 429));
        HttpResponse<String> one = limited.getFirst();
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(one.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isPositive();
        // the bucket fills again: the account is served after waiting as told
        Thread.sleep(Duration.ofSeconds(retryAfter + 1));
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        // and is full again (100 at 20/s) before the other journeys of this focal point go on
        Thread.sleep(Duration.ofSeconds(5));
    }

    private static String invitedAndSignedIn(Platform platform, ApiClient gateway, String focalPoint, String organisation, String email,
                                             boolean analyst) {
        HttpResponse<String> invited = gateway.post("/admin/membership/organisations/" + organisation + "/invitations", focalPoint,
                "{\"email\":\"%s\",\"displayName\":\"%s\",\"analyst\":%s}".formatted(email, email.substring(0, email.indexOf('@')), analyst));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String password = "correct horse battery " + UUID.randomUUID();
        HttpResponse<String> accepted = gateway.post("/api/membership" + JsonPath.<String>read(invited.body(), "$.acceptPath"), null,
                "{\"password\":\"" + password + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> SignIn.accessToken(platform, email, password), token -> token != null);
    }

    static List<Mail> mails(Platform platform, String email) {
        return Mailbox.read(platform.port("imap"), email);
    }

    private static String application(String name) {
        return """
                {"name": "%s", "acronym": null, "kind": "NGO", "scope": "NATIONAL", "countries": ["BE"], "focus": "CHILD_RIGHTS",
                 "expertise": [], "advocacyTargets": [], "website": "https://children-first.example",
                 "contact": {"name": "Anna Kontakt", "email": "anna@children-first.example", "phone": "+32 2 123"}}""".formatted(name);
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String claim(String token, String name) throws Exception {
        return String.valueOf(SignedJWT.parse(token).getJWTClaimsSet().getClaim(name));
    }

    private static JWTClaimsSet realClaims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The platform's own token with its claims changed (more roles): the signature no longer matches. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        JWTClaimsSet changed = new JWTClaimsSet.Builder(realClaims(token)).claim("roles", List.of("PARTICIPANT", "FOCAL_POINT", "ANALYST")).build();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(changed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }
}
