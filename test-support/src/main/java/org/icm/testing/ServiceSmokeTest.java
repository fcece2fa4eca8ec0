package org.icm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service must do once started on the shared infrastructure: report itself healthy with the
 * stores it depends on, and refuse an anonymous write with a problem+json 401. A service's test extends
 * this and names its health components.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceSmokeTest {

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** The health components this service must report UP, e.g. {@code db} and {@code mongo}. */
    protected abstract List<String> healthComponents();

    @Test
    void reportsItselfHealthyWithTheStoresItUses() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
        for (String component : healthComponents()) {
            assertThat(JsonPath.<String>read(health.body(), "$.components." + component + ".status")).as(component).isEqualTo("UP");
        }
    }

    /**
     * What this service's {@code /actuator/prometheus} must show beside the HTTP and JVM measures every service has: the
     * start of a line, e.g. {@code icm_event_processor_lag{processor="dossier-catalogue"} (label names in order).
     */
    protected List<String> meters() {
        return List.of();
    }

    @Test
    void offersTheMeasuresAnOperatorWatchesToPrometheus() {
        // some measures appear once the service has looked at its processors (every few seconds)
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build());
            assertThat(metrics.statusCode()).isEqualTo(200);
            List<String> lines = metrics.body().lines().filter(line -> !line.startsWith("#")).toList();
            for (String meter : concat(List.of("http_server_requests_seconds_count{", "jvm_memory_used_bytes{"), meters())) {
                assertThat(lines).as(meter).anyMatch(line -> line.startsWith(meter));
            }
        });
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    @Test
    void refusesAnAnonymousWriteWithAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/anything"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
