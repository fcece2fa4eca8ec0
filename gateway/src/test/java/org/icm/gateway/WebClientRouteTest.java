package org.icm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.icm.testing.WithoutSharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web client behind the gateway: everything no service route claims goes to it, and its health joins the gateway's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithoutSharedInfrastructure
class WebClientRouteTest {

    static final StandInService web = StandInService.start();
    static final StandInService services = StandInService.start();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("icm.web-client.uri", web::uri);
        for (String service : new String[] {"policy", "membership", "events", "notifications"}) {
            registry.add("icm.services." + service, services::uri);
        }
    }

    @AfterAll
    static void stop() {
        web.stop();
        services.stop();
    }

    @Test
    void pagesGoToTheWebClientAndTheApiToTheServices() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(web.last("/")).isNotNull();
        assertThat(get("/dossiers?policyArea=RETURN").statusCode()).isEqualTo(200);
        assertThat(web.last("/dossiers").pathAndQuery()).isEqualTo("/dossiers?policyArea=RETURN");

        assertThat(get("/api/policy/dossiers?q=asylum").statusCode()).isEqualTo(200);
        assertThat(services.last("/dossiers").pathAndQuery()).isEqualTo("/dossiers?q=asylum");
        assertThat(web.received).noneMatch(request -> request.pathAndQuery().startsWith("/api/"));
    }

    @Test
    void pathsTheGatewayKeepsNeverReachTheWebClient() throws Exception {
        // answered by the gateway itself (401 without a token; GatewaySecurityTest shows the 404 with one), as a problem
        HttpResponse<String> unknownApi = get("/api/nonexistent/things");
        assertThat(unknownApi.statusCode()).isIn(401, 404);
        assertThat(unknownApi.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/admin/nonexistent/things").statusCode()).isIn(401, 404);
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
        assertThat(web.received).noneMatch(request -> request.pathAndQuery().startsWith("/api/") || request.pathAndQuery().startsWith("/admin/")
                || request.pathAndQuery().startsWith("/swagger-ui"));
    }

    @Test
    void theWebClientSeesTheHostTheBrowserUsed() throws Exception {
        // it builds its links and its sign-in redirect URI from it
        assertThat(get("/sign-in").statusCode()).isEqualTo(200);
        assertThat(web.last("/sign-in").host()).isEqualTo("localhost:" + port);
    }

    @Test
    void theWebClientsHealthIsPartOfThePlatformsHealth() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.components.web.status")).isEqualTo("UP");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
