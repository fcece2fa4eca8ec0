package org.icm.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Healthy with the stores it uses; an anonymous write is a problem+json 401 (what test-support's ServiceSmokeTest checks). */
class MembershipSmokeTest extends MembershipTest {

    @Test
    void reportsItselfHealthyWithTheStoresItUses() {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(MembershipTest.<String>json(health, "$.status")).isEqualTo("UP");
        assertThat(MembershipTest.<String>json(health, "$.components.db.status")).isEqualTo("UP");
        assertThat(MembershipTest.<String>json(health, "$.components.mongo.status")).isEqualTo("UP");
    }

    @Test
    void publishesItsApiAsOpenApi() {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/organisations/{organisationId}/partners", "/invitations/{token}/accept", "/organisations/{organisationId}/admit");
    }

    @Test
    void refusesAnAnonymousWriteWithAProblem() {
        HttpResponse<String> response = post("/anything", null, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void offersTheMeasuresAnOperatorWatchesToPrometheus() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get("/actuator/prometheus", null).body().lines()).anyMatch(line ->
                        line.startsWith("icm_event_processor_lag{processor=\"integration-event-publisher\",segment=")));
    }
}
