package org.icm.policy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A focal point loads the sample EU dossiers; the public then sees real procedures with their current stages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleContentTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSampleDossiersLoadThroughTheCommandsAndLoadOnlyOnce() throws Exception {
        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);

        HttpResponse<String> first = post("/admin/sample-content", focalPoint);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        List<String> loaded = JsonPath.read(first.body(), "$.loaded");
        assertThat(loaded).contains("Pact on Migration and Asylum", "Return of third-country nationals", "Integrated child protection systems");
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        HttpResponse<String> second = post("/admin/sample-content", focalPoint);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(second.body(), "$.loaded")).isEmpty();
        assertThat(JsonPath.<List<String>>read(second.body(), "$.skipped")).containsAll(loaded);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(events);

        HttpResponse<String> list = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/dossiers?q=Pact%20on%20Migration"), response -> response.body().contains("\"visibility\":\"PUBLISHED\""));
        String pactId = JsonPath.read(list.body(), "$.items[0].id");
        HttpResponse<String> pact = get("/dossiers/" + pactId);
        assertThat(JsonPath.<List<String>>read(pact.body(), "$.measures[?(@.procedureReference=='2016/0224(COD)')].currentStage"))
                .containsExactly("IN_FORCE");
        assertThat(JsonPath.<List<String>>read(pact.body(), "$.rightsAtStake[*].code")).contains("UNCRC-3", "UNCRC-37");
        // national implementation: fictional facts about the real Reception Conditions Directive, saying they are fictional
        String rcd = JsonPath.<List<String>>read(pact.body(), "$.measures[?(@.procedureReference=='2016/0222(COD)')].id").getFirst();
        HttpResponse<String> states = get("/dossiers/" + pactId + "/measures/" + rcd + "/countries");
        assertThat(JsonPath.<String>read(states.body(), "$.transpositionDeadline")).isEqualTo("2026-06-12");
        assertThat(JsonPath.<List<String>>read(states.body(), "$.countries[?(@.status != null)].country")).containsExactly("BE", "PT", "SE");
        assertThat(JsonPath.<List<String>>read(states.body(), "$.countries[?(@.status != null)].status"))
                .containsExactly("NOT_NOTIFIED", "PARTIAL", "COMPLETE");
        assertThat(JsonPath.<List<String>>read(states.body(), "$.countries[?(@.status != null)].source")).allMatch(source -> source.contains("(fictional)"));
        HttpResponse<String> portugal = get("/countries/PT");
        assertThat(JsonPath.<List<String>>read(portugal.body(), "$.measures[*].implementation.measures[*].title"))
                .containsExactly("Decree-law on reception conditions for applicants (fictional)");
        // recommendations are drafts in the sample: members only
        assertThat(JsonPath.<List<Object>>read(pact.body(), "$.recommendations")).isEmpty();
    }

    private HttpResponse<String> post(String path, String token) {
        return new ApiClient(port).post(path, token, null);
    }

    private HttpResponse<String> get(String path) {
        return new ApiClient(port).get(path, null);
    }
}
