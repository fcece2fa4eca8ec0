package org.icm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
    void aNewcomerReadsThePublishedSampleDossiersWithoutSigningIn(Platform platform) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> dossiers = http.send(HttpRequest.newBuilder(platform.url("/api/policy/dossiers?q=Pact")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dossiers.statusCode()).isEqualTo(200);
            assertThat(dossiers.body()).contains("Pact on Migration and Asylum");
        });
    }
}
