package org.icm.membership;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.icm.kernel.identity.IcmClaims;
import org.icm.kernel.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring test context of this module, on the shared embedded infrastructure. membership-service is its own
 * token issuer, so its issuer URL must be known before it starts: the context listens on a port chosen once per test
 * JVM, and the issuer is {@code http://localhost:<port>}; the API validates tokens against that issuer's JWKS exactly
 * as every service does. {@link #token} signs test tokens with the service's own (stored) key, for tests that are not
 * about sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class MembershipTest {

    public static final int PORT = freePort();
    public static final String ISSUER = "http://localhost:" + PORT;
    public static final String MACHINE_SECRET = "machine-secret-for-tests";
    public static final String WEB_SECRET = "web-secret-for-tests";
    public static final String FIRST_FOCAL_POINT_EMAIL = "first-focal-point@icm.test";
    public static final String FIRST_FOCAL_POINT_PASSWORD = "first focal point password for tests";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("icm.security.issuer", () -> ISSUER);
        registry.add("icm.security.jwk-set-uri", () -> ISSUER + "/oauth2/jwks");
        registry.add("icm.signin.machine.client-secret", () -> MACHINE_SECRET);
        registry.add("icm.signin.machine.roles", () -> "ANALYST");
        registry.add("icm.signin.web.client-secret", () -> WEB_SECRET);
        registry.add("icm.signin.web.redirect-uris", () -> "http://localhost:8080/signed-in");
        registry.add("icm.signin.lockout.delay", () -> "50ms");
        // the first start of the test JVM's empty database: focal points, their account, and the sample organisations
        registry.add("icm.bootstrap.focal-point.email", () -> FIRST_FOCAL_POINT_EMAIL);
        registry.add("icm.bootstrap.focal-point.password", () -> FIRST_FOCAL_POINT_PASSWORD);
        registry.add("icm.sample-content.load-on-start", () -> "true");
        // every test request comes from 127.0.0.1: the per-address lock is tested on FailedSignIns itself
        registry.add("icm.signin.lockout.address-lock-after", () -> "10000");
    }

    @Autowired
    protected JWKSource<SecurityContext> signingKeys;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token of this issuer for an account of the organisation with the roles. */
    protected String token(String organisationId, Role... roles) {
        return token(UUID.randomUUID().toString(), organisationId, roles);
    }

    protected String token(String accountId, String organisationId, Role... roles) {
        Instant now = Instant.now();
        return sign(JwtClaimsSet.builder().issuer(ISSUER).audience(List.of(IcmClaims.AUDIENCE)).subject(accountId)
                .claim(IcmClaims.ORGANISATION, organisationId).claim(IcmClaims.ROLES, Arrays.stream(roles).map(Role::name).toList())
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10))).build());
    }

    protected String sign(JwtClaimsSet claims) {
        return new NimbusJwtEncoder(signingKeys).encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    /** A focal point of some (other) organisation. */
    protected String focalPoint() {
        return token(UUID.randomUUID().toString(), Role.PARTICIPANT, Role.FOCAL_POINT);
    }

    protected URI uri(String path) {
        return URI.create(ISSUER + path);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    protected HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    protected HttpResponse<String> put(String path, String token, String json, String ifMatch) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.build());
    }

    protected HttpResponse<String> postIfMatch(String path, String token, String json, String ifMatch) {
        return send(request(path, token).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static <T> T json(HttpResponse<String> response, String path) {
        return JsonPath.read(response.body(), path);
    }

    /** An application body: a national or European organisation with one contact person. */
    protected static String application(String name, String scope, List<String> countries, String focus, List<String> expertise,
                                        List<String> advocacyTargets) {
        return """
                {"name": %s, "acronym": null, "kind": "NGO", "scope": "%s", "countries": %s, "focus": "%s",
                 "expertise": %s, "advocacyTargets": %s, "website": "https://example.org",
                 "contact": {"name": "Anna Kontakt", "email": "anna@example.org", "phone": "+43 1 234"}}"""
                .formatted(quote(name), scope, strings(countries), focus, strings(expertise), strings(advocacyTargets));
    }

    protected static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    protected static String strings(List<String> values) {
        return values.stream().map(MembershipTest::quote).toList().toString();
    }
}
