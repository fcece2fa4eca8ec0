package org.icm.events.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.icm.events.EventsApplication;
import org.icm.testing.ApiClient;
import org.icm.testing.ReleaseFixture;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service started on the database release 0.1 left (no migration history; a plenary and a Council meeting): the
 * event store's migrations take it over, and the meeting and the EU event are read again from their events.
 */
class UpgradeFromRelease01Test {

    static final String PLENARY = "a00f683b-a01d-4452-a142-b0f41fe8d41c";
    static final String JHA_COUNCIL = "6d2c11e4-311c-4ea5-83fd-08baa3d8d1ca";

    @Test
    void readsTheMeetingsAndEuEventsOfRelease01() {
        try (ConfigurableApplicationContext service = ReleaseFixture.start(EventsApplication.class, "releases/0.1.sql")) {
            ApiClient api = new ApiClient(ReleaseFixture.port(service));

            assertThat(service.getBean(JdbcTemplate.class).queryForList(
                    "select version from event_store_schema_history order by installed_rank", String.class)).containsExactly("0", "1");

            HttpResponse<String> plenary = api.awaitGet("/meetings/" + PLENARY, null, response -> response.statusCode() == 200);
            assertThat(ApiClient.<String>read(plenary, "$.title")).isEqualTo("ICM plenary, March 2027");
            assertThat(ApiClient.<String>read(plenary, "$.place")).isEqualTo("Rue Royale 146, Brussels");

            HttpResponse<String> council = api.awaitGet("/eu-events/" + JHA_COUNCIL, null, response -> response.statusCode() == 200);
            assertThat(ApiClient.<String>read(council, "$.title")).isEqualTo("Justice and Home Affairs Council");
        }
    }
}
