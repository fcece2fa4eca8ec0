package org.icm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import org.icm.testing.WithoutSharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Routing and platform health against a real HTTP server standing in for one service, and a port where
 * nothing listens standing in for a stopped one. (The launcher test runs the gateway with the real services.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithoutSharedInfrastructure
class GatewayRoutingTest {

    static final CopyOnWriteArrayList<String> receivedPaths = new CopyOnWriteArrayList<>();
    static final HttpServer policyService = startPolicyService();
    static final int stoppedServicePort = closedPort();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("icm.services.policy", () -> "http://localhost:" + policyService.getAddress().getPort());
        registry.add("icm.services.membership", () -> "http://localhost:" + stoppedServicePort);
        registry.add("icm.services.events", () -> "http://localhost:" + policyService.getAddress().getPort());
        registry.add("icm.services.notification", () -> "http://localhost:" + policyService.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        policyService.stop(0);
    }

    @Test
    void aServicePathIsRoutedWithoutItsPrefix() throws Exception {
        HttpResponse<String> response = get("/api/policy/dossiers?visibility=PUBLISHED");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"dossiers\":[]}");
        assertThat(receivedPaths).contains("/dossiers?visibility=PUBLISHED");
    }

    @Test
    void healthShowsEachServiceAndIsDownWhileOneIsDown() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(response.body(), "$.components.services.components.policy.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(response.body(), "$.components.services.components.membership.status")).isEqualTo("DOWN");
    }

    @Test
    void livenessIsTheGatewaysOwn() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer startPolicyService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                receivedPaths.add(exchange.getRequestURI().toString());
                byte[] body = (exchange.getRequestURI().getPath().equals("/actuator/health")
                        ? "{\"status\":\"UP\"}" : "{\"dossiers\":[]}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
