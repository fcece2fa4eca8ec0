package org.icm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.gateway.security.RememberedTokens;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.icm.testing.WithoutSharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front door's rules, with tokens signed by the test issuer (its keys served from a real JWKS endpoint) and a
 * real HTTP server standing in for the services. Tests are named after the OWASP API Security Top 10 (2023) item
 * they refuse. (API1, a participant changing another organisation, needs a real service: GatewayJourneyIT.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "icm.gateway.cors.allowed-origins=https://partner.example",
        "icm.gateway.max-request-body=1KB",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
@WithoutSharedInfrastructure
class GatewaySecurityTest {

    static final StandInService services = StandInService.start();
    static final TestTokens tokens = TestTokens.get();

    @LocalServerPort
    int port;

    ApiClient gateway;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String name : List.of("membership", "policy", "events", "notifications")) {
            registry.add("icm.services." + name, services::uri);
        }
    }

    @AfterAll
    static void stop() {
        services.stop();
    }

    @Autowired
    ReactiveJwtDecoder decoder;

    @BeforeEach
    void client() {
        gateway = new ApiClient(port);
    }

    @Test
    void theGatewayChecksEachTokenOnceAndRemembersIt() {
        // RememberedTokens wraps the decoder Spring Boot builds from the issuer's settings
        assertThat(decoder).isInstanceOf(RememberedTokens.Remembering.class);
    }

    static String participant() {
        return tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
    }

    static String focalPoint() {
        return tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT, Role.FOCAL_POINT);
    }

    static String analyst() {
        return tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT, Role.ANALYST);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("urn:icm:problem:" + type);
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
    }

    @Nested
    class WhatPassesTheDoor {

        @Test
        void publishedContentIsReadWithoutAToken() {
            assertThat(gateway.get("/api/policy/dossiers?status=PUBLISHED", null).statusCode()).isEqualTo(200);
            assertThat(gateway.get("/api/membership/organisations/" + OrganisationId.random(), null).statusCode()).isEqualTo(200);
            assertThat(gateway.get("/api/events/calendar/meetings.ics", null).statusCode()).isEqualTo(200);
            assertThat(services.last("/dossiers").authorization()).isNull();
        }

        @Test
        void theTokenIsRelayedToTheServiceUnchanged() {
            String token = participant();

            assertThat(gateway.put("/api/membership/organisations/" + OrganisationId.random(), token, "{}").statusCode()).isEqualTo(200);

            assertThat(services.received.getLast().authorization()).isEqualTo("Bearer " + token);
        }

        @Test
        void anonymousCallersMayApplyAndAcceptInvitationsOnly() {
            assertThat(gateway.post("/api/membership/organisations", null, "{}").statusCode()).isEqualTo(200);
            assertThat(gateway.post("/api/membership/invitations/abc/accept", null, "{}").statusCode()).isEqualTo(200);
            assertProblem(gateway.post("/api/membership/organisations/" + OrganisationId.random() + "/withdraw", null, "{}"),
                    401, "unauthenticated");
            assertProblem(gateway.get("/api/notifications/feed", null), 401, "unauthenticated");
        }

        @Test
        void focalPointsReachTheAdminApiWithItsPrefixStripped() {
            HttpResponse<String> response = gateway.post("/admin/policy/admin/sample-content", focalPoint(), null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(services.received.getLast().pathAndQuery()).isEqualTo("/admin/sample-content");
        }

        @Test
        void analystsAndFocalPointsReadHistory() {
            assertThat(gateway.get("/api/policy/dossiers/d1/history", analyst()).statusCode()).isEqualTo(200);
            assertThat(gateway.get("/api/policy/dossiers/d1/history/state?asOf=2026-01-01T00:00:00Z", focalPoint()).statusCode()).isEqualTo(200);
            assertThat(services.last("/dossiers/d1/history/state").pathAndQuery()).isEqualTo("/dossiers/d1/history/state?asOf=2026-01-01T00:00:00Z");
        }

        @Test
        void signInEndpointsGoToMembershipUnchangedWithTheCallersHost() {
            HttpResponse<String> response = gateway.get("/oauth2/authorize?response_type=code&client_id=icm-web", null);

            assertThat(response.statusCode()).isEqualTo(200);
            StandInService.Received received = services.last("/oauth2/authorize");
            assertThat(received.pathAndQuery()).isEqualTo("/oauth2/authorize?response_type=code&client_id=icm-web");
            // membership-service builds its redirects (to /login, back to the client) from the Host: the gateway's
            assertThat(received.host()).isEqualTo("localhost:" + port);
            assertThat(gateway.get("/.well-known/openid-configuration", null).statusCode()).isEqualTo(200);
            assertThat(gateway.get("/login", null).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Api2BrokenAuthentication {

        @Test
        void api2_anExpiredTokenIsRefused() {
            Instant past = Instant.now().minus(Duration.ofHours(1));
            String expired = tokens.sign(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600))).build());

            assertUnauthenticated(expired);
        }

        @Test
        void api2_aTokenTheGatewayRemembersIsStillRefusedOnceItHasExpired() {
            // accepted at first (within the checker's 60 s clock skew), and refused when that has passed: the gateway's
            // memory of checked tokens never outlives what the check itself accepts
            Instant expiry = Instant.now().minus(Duration.ofSeconds(56));
            String almostExpired = tokens.sign(claims().issueTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry)).build());

            assertThat(gateway.get("/api/notifications/feed", almostExpired).statusCode()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(gateway.get("/api/notifications/feed", almostExpired).statusCode()).isEqualTo(401));
        }

        @Test
        void api2_aTokenFromAnotherIssuerIsRefused() {
            assertUnauthenticated(tokens.sign(claims().issuer("http://elsewhere.example").build()));
        }

        @Test
        void api2_aTokenForAnotherAudienceIsRefused() {
            assertUnauthenticated(tokens.sign(claims().audience("another-platform").build()));
        }

        @Test
        void api2_anUnsignedTokenIsRefused() {
            assertUnauthenticated(new PlainJWT(claims().build()).serialize());
        }

        @Test
        void api2_aTamperedTokenIsRefused() {
            String[] parts = participant().split("\\.");
            String otherClaims = focalPoint().split("\\.")[1];

            assertUnauthenticated(parts[0] + "." + otherClaims + "." + parts[2]);
        }

        @Test
        void api2_garbageIsRefusedAlsoOnPublicPaths() {
            assertUnauthenticated("not-a-token");
            assertProblem(gateway.get("/api/policy/dossiers", "not-a-token"), 401, "unauthenticated");
        }

        private JWTClaimsSet.Builder claims() {
            return tokens.claims(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT, Role.FOCAL_POINT);
        }

        private void assertUnauthenticated(String token) {
            int before = services.received.size();
            HttpResponse<String> response = gateway.get("/api/notifications/feed", token);

            assertProblem(response, 401, "unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(services.received).hasSize(before);
        }
    }

    @Nested
    class Api4UnrestrictedResourceConsumption {

        @Test
        void api4_aBodyLargerThanTheLimitIsRefused() {
            int before = services.received.size();

            assertProblem(gateway.post("/api/membership/organisations", null, "x".repeat(2048)), 413, "payload-too-large");
            assertThat(services.received).hasSize(before);
        }

        @Test
        void api4_aBodyWithinTheLimitPasses() {
            assertThat(gateway.post("/api/membership/organisations", null, "x".repeat(1000)).statusCode()).isEqualTo(200);
            assertThat(services.received.getLast().bodyBytes()).isEqualTo(1000);
        }

        @Test
        void api4_aServiceTooSlowToAnswerGets504NotAHang() {
            assertProblem(gateway.get("/api/policy/slow", participant()), 504, "gateway-timeout");
        }
    }

    @Nested
    class Api5BrokenFunctionLevelAuthorization {

        @Test
        void api5_aParticipantCannotUseTheAdminApi() {
            int before = services.received.size();

            assertProblem(gateway.post("/admin/membership/organisations/o1/admit", participant(), "{}"), 403, "forbidden");
            assertProblem(gateway.get("/admin/notifications/deliveries", analyst()), 403, "forbidden");
            assertThat(services.received).hasSize(before);
        }

        @Test
        void api5_anonymousCallersCannotUseTheAdminApi() {
            assertProblem(gateway.get("/admin/policy/dossiers", null), 401, "unauthenticated");
        }

        @Test
        void api5_aParticipantCannotReadHistory() {
            assertProblem(gateway.get("/api/policy/dossiers/d1/history", participant()), 403, "forbidden");
            assertProblem(gateway.get("/api/policy/dossiers/d1/history/export?format=csv", null), 401, "unauthenticated");
        }
    }

    @Nested
    class Api8SecurityMisconfiguration {

        @Test
        void api8_everyAnswerCarriesTheSecurityHeaders() {
            for (HttpResponse<String> response : List.of(gateway.get("/api/policy/dossiers", null),
                    gateway.get("/api/notifications/feed", null), gateway.get("/nothing/here", null))) {
                assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
                assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
                // plain HTTP: HSTS would mean nothing (and is sent on HTTPS only)
                assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
            }
        }

        @Test
        void api8_anUnknownOriginIsRefusedCors() {
            int before = services.received.size();
            HttpResponse<String> response = gateway.send("GET", "/api/policy/dossiers", null, null, Map.of("Origin", "https://evil.example"));

            assertProblem(response, 403, "cors-refused");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(services.received).hasSize(before);
        }

        @Test
        void api8_aConfiguredOriginGetsItsPreflightAnswered() {
            HttpResponse<String> preflight = gateway.send("OPTIONS", "/api/notifications/feed", null, null, Map.of(
                    "Origin", "https://partner.example", "Access-Control-Request-Method", "GET",
                    "Access-Control-Request-Headers", "authorization"));

            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://partner.example");
            HttpResponse<String> read = gateway.send("GET", "/api/policy/dossiers", null, null, Map.of("Origin", "https://partner.example"));
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://partner.example");
        }

        @Test
        void api8_aHeaderWithAControlCharacterIsRefusedAtTheDoorWhetherOrNotTheGatewayReadsIt() throws Exception {
            int before = services.received.size();
            // NEL (U+0085), a C1 control, arrives as the obs-text byte 0x85 (the JDK's client would send '?', so raw bytes)
            String unread = rawGet("/api/policy/dossiers", "X-Note: one\u0085two");
            String read = rawGet("/api/policy/dossiers", "Authorization: Bearer a\u0085b");
            HttpResponse<String> path = gateway.get("/api/policy/dossiers//d1", null);

            assertThat(unread).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("urn:icm:problem:request-rejected")
                    .contains("The header X-Note has a control character");
            assertThat(read).startsWith("HTTP/1.1 400").contains("The header Authorization has a control character");
            assertProblem(path, 400, "request-rejected");
            assertThat(services.received).as("nothing reached the service").hasSize(before);
            assertThat(rawGet("/api/policy/dossiers", "X-Note: caf\u00E9, a tab:\tok")).as("Latin-1 letters and a tab are fine")
                    .startsWith("HTTP/1.1 200");
        }

        /** A GET with one more header line, written as bytes (ISO-8859-1) on a socket; the whole answer as text. */
        private String rawGet(String path, String headerLine) throws Exception {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headerLine + "\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }

        @Test
        void api8_operatorEndpointsAreNotExposed() {
            assertThat(gateway.get("/actuator/env", null).statusCode()).isIn(401, 404);
            assertThat(gateway.get("/actuator/env", focalPoint()).statusCode()).isEqualTo(404);
            assertThat(gateway.get("/actuator/gateway/routes", focalPoint()).statusCode()).isEqualTo(404);
        }

        @Test
        void api8_theMetricsAreTheFocalPointsOnly() {
            assertThat(gateway.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(gateway.get("/actuator/prometheus", participant()).statusCode()).isEqualTo(403);
            HttpResponse<String> metrics = gateway.get("/actuator/prometheus", focalPoint());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("http_server_requests_seconds_count{");
            // a service's, through the gateway: the same rule, before the service is asked
            int asked = services.received.size();
            assertThat(gateway.get("/api/policy/actuator/prometheus", participant()).statusCode()).isEqualTo(403);
            assertThat(services.received).hasSize(asked);
            assertThat(gateway.get("/api/policy/actuator/prometheus", focalPoint()).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Api9ImproperInventoryManagement {

        @Test
        void api9_anUnknownPathIs404ProblemJson() {
            assertProblem(gateway.get("/api/nonexistent/things", participant()), 404, "not-found");
            assertProblem(gateway.get("/admin/nonexistent/things", focalPoint()), 404, "not-found");
        }
    }

    @Nested
    class OneApiDocument {

        @Test
        void swaggerUiListsTheDocumentOfEachService() {
            HttpResponse<String> config = gateway.get("/v3/api-docs/swagger-config", null);

            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<List<String>>read(config.body(), "$.urls[*].url")).containsExactlyInAnyOrder(
                    "/api/membership/v3/api-docs", "/api/policy/v3/api-docs", "/api/events/v3/api-docs", "/api/notifications/v3/api-docs");
            HttpResponse<String> page = gateway.get("/swagger-ui/index.html", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui");
        }

        @Test
        void swaggerUiRendersInARealBrowserWithoutBreakingTheContentSecurityPolicy() throws Exception {
            Path chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").map(Path::of)
                    .filter(Files::isExecutable).findFirst().orElse(null);
            Assumptions.assumeTrue(chromium != null, "no Chromium on this machine");
            Path console = Files.createTempFile("chromium-console", ".log");
            Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                    "--v=0", "--virtual-time-budget=8000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                    "--dump-dom", "http://localhost:" + port + "/swagger-ui/index.html")
                    .redirectError(console.toFile()).start();
            String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();

            // the UI ran (its script built the page) and lists the four documents
            assertThat(dom).contains("class=\"topbar\"");
            assertThat(Pattern.compile("<option value=\"/api/[a-z]+/v3/api-docs\">").matcher(dom).results().count()).isEqualTo(4);
            assertThat(Files.readString(console)).doesNotContain("Content Security Policy");
            // the looser style rule is Swagger UI's alone
            assertThat(gateway.get("/api/policy/dossiers", null).headers().firstValue("Content-Security-Policy").orElseThrow())
                    .doesNotContain("unsafe-inline");
        }

        @Test
        void eachServicesDocumentIsServedThroughTheGatewayWithoutAToken() {
            for (String service : List.of("membership", "policy", "events", "notifications")) {
                HttpResponse<String> document = gateway.get("/api/" + service + "/v3/api-docs", null);

                assertThat(document.statusCode()).as(service).isEqualTo(200);
                assertThat(services.received.getLast().pathAndQuery()).isEqualTo("/v3/api-docs");
            }
        }
    }
}
