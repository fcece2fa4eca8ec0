package org.icm.service.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.PlainJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every service gets from service-defaults at its HTTP edge, seen through a real HTTP client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityAndProblemsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final TestTokens tokens = TestTokens.get();
    final AccountId account = AccountId.random();
    final OrganisationId organisation = OrganisationId.random();

    @Test
    void healthIsPublic() throws Exception {
        var response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aValidTokenIdentifiesTheAccountItsOrganisationAndRoles() throws Exception {
        var response = get("/probe/whoami", tokens.mint(account, organisation, Role.PARTICIPANT, Role.ANALYST));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"account\":\"" + account + "\"")
                .contains("\"organisation\":\"" + organisation + "\"")
                .contains("PARTICIPANT").contains("ANALYST");
    }

    @Test
    void withoutATokenTheAnswerIsAProblemWithAChallenge() throws Exception {
        var response = get("/probe/whoami", null);

        assertUnauthenticated(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void publicReadsNeedNoToken() throws Exception {
        assertThat(get("/probe/public", null).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredWrongIssuerWrongAudienceUnsignedAndTamperedTokensAreRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = tokens.sign(tokens.claims(account, organisation, Role.PARTICIPANT)
                .issueTime(Date.from(past.minusSeconds(600))).expirationTime(Date.from(past)).build());
        String wrongIssuer = tokens.sign(tokens.claims(account, organisation, Role.PARTICIPANT).issuer("https://evil.example").build());
        String wrongAudience = tokens.sign(tokens.claims(account, organisation, Role.PARTICIPANT).audience("another-platform").build());
        String unsigned = new PlainJWT(new PlainHeader(), tokens.claims(account, organisation, Role.FOCAL_POINT).build()).serialize();
        String valid = tokens.mint(account, organisation, Role.PARTICIPANT);
        String[] parts = valid.split("\\.");
        String elevated = tokens.claims(account, organisation, Role.FOCAL_POINT).build().toString();
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(elevated.getBytes()) + "." + parts[2];

        for (String token : new String[] {expired, wrongIssuer, wrongAudience, unsigned, tampered}) {
            assertUnauthenticated(get("/probe/whoami", token));
        }
    }

    @Test
    void invalidInputIsAProblemThatNamesTheFieldAndTheReason() throws Exception {
        var response = post("/probe/notes", "{\"title\":\" \",\"summary\":\"far longer than ten\",\"priority\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"urn:icm:problem:validation\"")
                // the reason in English words and a stable code a client can put in its user's language
                .contains("{\"field\":\"title\",\"reason\":\"must not be blank\",\"code\":\"not-blank\"}")
                .contains("{\"field\":\"summary\",\"reason\":\"size must be between 0 and 10\",\"code\":\"size\"}");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedToo() throws Exception {
        var response = post("/probe/notes", "{\"title\":\"Return regulation\",\"priority\":\"high\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"priority\"");
    }

    private void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:icm:problem:unauthenticated\"").contains("\"status\":401").doesNotContain("null");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokens.mint(account, organisation, Role.PARTICIPANT))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
