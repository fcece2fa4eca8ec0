package org.icm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.icm.endtoend.RunningPlatform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform as a newcomer finds it: healthy behind the gateway, with the sample EU dossiers public. */
@ExtendWith(RunningPlatform.class)
class PlatformIT {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyServiceIsHealthyBehindTheGateway(Platform platform) throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(platform.url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void eachServicesApiDocumentSendsTryItOutThroughTheGateway(Platform platform) throws Exception {
        // Swagger UI at the gateway sends "Try it out" to the document's server: the gateway's address and the
        // service's prefix there, not the service's own port, which a browser cannot reach in production
        for (String service : new String[] {"membership", "policy", "events", "notifications"}) {
            HttpResponse<String> document = http.send(HttpRequest.newBuilder(platform.url("/api/" + service + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(document.statusCode()).as(service).isEqualTo(200);
            assertThat(JsonPath.<List<String>>read(document.body(), "$.servers[*].url")).as(service)
                    .containsExactly(platform.url("/api/" + service).toString());
        }
    }

    @Test
    void aNewcomerReadsThePublishedSampleDossiersWithoutSigningIn(Platform platform) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> dossiers = http.send(HttpRequest.newBuilder(platform.url("/api/policy/dossiers?q=Pact")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dossiers.statusCode()).isEqualTo(200);
            assertThat(dossiers.body()).contains("Pact on Migration and Asylum");
        });
    }
}
