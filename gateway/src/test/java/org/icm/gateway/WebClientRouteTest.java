package org.icm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web client behind the gateway: everything no service route claims goes to it, and its health joins the gateway's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebClientRouteTest {

    static final HttpServer web = server("web");
    static final HttpServer policy = server("policy");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("icm.web-client.uri", () -> "http://localhost:" + web.getAddress().getPort());
        for (String service : new String[] {"policy", "membership", "events", "notification"}) {
            registry.add("icm.services." + service, () -> "http://localhost:" + policy.getAddress().getPort());
        }
    }

    @AfterAll
    static void stop() {
        web.stop(0);
        policy.stop(0);
    }

    @Test
    void pagesGoToTheWebClientAndTheApiToTheServices() throws Exception {
        assertThat(get("/").body()).isEqualTo("web /");
        assertThat(get("/dossiers?policyArea=RETURN").body()).isEqualTo("web /dossiers?policyArea=RETURN");
        assertThat(get("/api/policy/dossiers").body()).isEqualTo("policy /dossiers");
    }

    @Test
    void theWebClientSeesTheHostTheBrowserUsed() throws Exception {
        // it builds its links and its sign-in redirect URI from it
        assertThat(get("/host").body()).isEqualTo("localhost:" + port);
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

    /** Answers "<name> <path>" to everything, and UP on its actuator health. */
    private static HttpServer server(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                boolean health = exchange.getRequestURI().getPath().equals("/actuator/health");
                String answer = exchange.getRequestURI().getPath().equals("/host") ? exchange.getRequestHeaders().getFirst("Host")
                        : name + " " + exchange.getRequestURI();
                byte[] body = (health ? "{\"status\":\"UP\"}" : answer).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", health ? "application/json" : "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
