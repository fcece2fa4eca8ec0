package org.icm.policy.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.testing.ApiClient.read;

import java.net.http.HttpResponse;
import java.util.List;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.policy.PolicyApplication;
import org.icm.testing.ApiClient;
import org.icm.testing.ReleaseFixture;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service started on the database release 0.1 left (no migration history; the sample content's dossiers): the
 * event store's migrations take it over without touching a row, the catalogue is rebuilt from its events, and a new
 * step on an old measure follows the old events.
 */
class UpgradeFromRelease01Test {

    static final String PACT = "36378d57-5b51-3848-ac41-9f27a2fcbb25";
    static final String RETURN = "f016b2ce-2b15-3800-90d2-a81f484d93de";
    static final String RETURN_DIRECTIVE = "1e587359-c5da-378b-8a50-d5ce65e059f7";

    @Test
    void readsTheDossiersOfRelease01AndGoesOnFromThem() {
        try (ConfigurableApplicationContext service = ReleaseFixture.start(PolicyApplication.class, "releases/0.1.sql")) {
            ApiClient api = new ApiClient(ReleaseFixture.port(service));
            JdbcTemplate database = service.getBean(JdbcTemplate.class);

            assertThat(database.queryForList("select version from event_store_schema_history order by installed_rank", String.class))
                    .containsExactly("0", "1");
            assertThat(database.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(58);

            HttpResponse<String> pact = api.awaitGet("/dossiers/" + PACT, null, response -> response.statusCode() == 200);
            assertThat(ApiClient.<String>read(pact, "$.title")).isEqualTo("Pact on Migration and Asylum");
            assertThat(ApiClient.<List<String>>read(pact, "$.measures[*].title")).contains("Reception Conditions Directive (recast)", "Eurodac Regulation");

            String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
            HttpResponse<String> step = api.post("/dossiers/" + RETURN + "/measures/" + RETURN_DIRECTIVE + "/steps", focalPoint,
                    "{\"stage\":\"EP_MANDATE\",\"effectiveDate\":\"2023-02-07\"}");
            assertThat(step.statusCode()).as(step.body()).isEqualTo(201);
            HttpResponse<String> returnDossier = api.awaitGet("/dossiers/" + RETURN, null,
                    response -> response.statusCode() == 200 && response.body().contains("EP_MANDATE"));
            List<String> stages = read(returnDossier, "$.measures[0].steps[*].stage");
            assertThat(stages).containsExactly("PROPOSAL_ADOPTED", "EP_COMMITTEE", "EP_MANDATE");
            // the new event follows the old ones in the global order (the sequence moved past the fixture's rows)
            assertThat(database.queryForObject("select max(global_index) from domain_event_entry", Long.class)).isEqualTo(59L);
            // and it was measured, as an operator's dashboard reads it
            assertThat(api.get("/actuator/prometheus", null).body())
                    .contains("icm_commands_seconds_count{command=\"RecordProcedureStep\",error=\"none\",outcome=\"done\"} 1");
        }
    }
}
