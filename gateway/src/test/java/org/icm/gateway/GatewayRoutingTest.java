package org.icm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.commons.logging.LogFactory;
import org.awaitility.Awaitility;
import org.icm.testing.WithoutSharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Routing and platform health against a real HTTP server standing in for the services, and a port where
 * nothing listens standing in for a stopped one. (The launcher test runs the gateway with the real services.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithoutSharedInfrastructure
class GatewayRoutingTest {

    static final StandInService services = StandInService.start();
    static final int stoppedServicePort = StandInService.closedPort();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("icm.services.policy", services::uri);
        registry.add("icm.services.membership", () -> "http://localhost:" + stoppedServicePort);
        registry.add("icm.services.events", services::uri);
        registry.add("icm.services.notifications", services::uri);
    }

    @AfterAll
    static void stop() {
        services.stop();
    }

    @Test
    void aServicePathIsRoutedWithoutItsPrefix() throws Exception {
        HttpResponse<String> response = get("/api/policy/dossiers?visibility=PUBLISHED");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.path")).isEqualTo("/dossiers");
        assertThat(services.last("/dossiers").pathAndQuery()).isEqualTo("/dossiers?visibility=PUBLISHED");
    }

    @Test
    void theServiceLearnsTheAddressTheCallerUsedAndNothingTheCallerClaims() throws Exception {
        // a caller's own forwarding headers would let it choose the links a service writes (its API document's server)
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events/calendar?from=forwarding"))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example;proto=https").build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        StandInService.Forwarding forwarding = services.last("/calendar").forwarding();
        assertThat(forwarding.host()).isEqualTo("localhost:" + port);
        assertThat(forwarding.proto()).isEqualTo("http");
        assertThat(forwarding.prefix()).isEqualTo("/api/events");
        assertThat(forwarding.forwarded()).contains("host=\"localhost:" + port + "\"").doesNotContain("evil");
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
    void eachRequestIsTimedAsTheGatewayAnsweredItPerRouteAndAsItsCallToTheServiceWhichGoesOnWithTheTrace(@Autowired MeterRegistry meters)
            throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String caller = "00-" + traceId + "-00f067aa0ba902b7-01";
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/policy/dossiers?metered=yes"))
                .header("traceparent", caller).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);

        // recorded once the answer is written, which the caller may read a moment before
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.find("http.server.requests").tag("status", "200").timers()).isNotEmpty();
            assertThat(meters.find("spring.cloud.gateway.requests").tag("routeId", "api-policy").timers()).isNotEmpty();
            // the gateway's call to the service is observed: it is what sends the caller's trace on, in a span of its own
            assertThat(meters.find("http.client.requests").timers()).isNotEmpty();
        });
        assertThat(services.last("/dossiers").traceparent()).startsWith("00-" + traceId + "-").isNotEqualTo(caller);
        // not the security chain's filters, each of which would time the same exchange again
        assertThat(meters.getMeters()).map(meter -> meter.getId().getName()).noneMatch(name -> name.startsWith("spring.security."));
    }

    @Test
    void springsDebugMessagesAreNotFormattedWhileDebugIsOff() {
        // commons-logging's SLF4J bridge formats a message before the level check; its Log4j API bridge does not
        assertThat(LogFactory.getLog(GatewayRoutingTest.class).getClass().getName()).contains("Log4jApiLogFactory");
    }

    @Test
    void livenessIsTheGatewaysOwn() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
