package org.icm.membership.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.icm.membership.MembershipTest;
import org.icm.testing.fuzz.OpenApiFuzzer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every operation of membership-service's OpenAPI document, sent hostile requests as a focal point: no answer 5xx,
 * every refusal problem+json naming the field, and no refused request appends to the event store or touches the
 * credential store.
 */
class MembershipApiFuzzTest extends MembershipTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileRequestsGetClearRefusalsAndChangeNothing() {
        String focal = focalPoint();
        String organisationId = JsonPath.read(post("/organisations", null, application("Fuzzed Verein", "NATIONAL", List.of("AT"), "BOTH",
                List.of(), List.of())).body(), "$.id");
        assertThat(post("/organisations/" + organisationId + "/admit", focal, null).statusCode()).isEqualTo(200);
        String accountId = JsonPath.read(post("/organisations/" + organisationId + "/invitations", focal,
                "{\"email\": \"fuzzed@example.org\", \"displayName\": \"Fuzzed Person\"}").body(), "$.accountId");

        OpenApiFuzzer fuzzer = new OpenApiFuzzer(PORT, focal, Map.of("organisationId", organisationId, "accountId", accountId,
                "personId", accountId), () -> List.of(
                jdbc.queryForObject("select count(*) from domain_event_entry", Long.class),
                jdbc.queryForList("select account_id, password_hash from credentials order by account_id"),
                jdbc.queryForList("select token_hash, used_at from invitations order by token_hash")));
        OpenApiFuzzer.Report report = fuzzer.run(OpenApiFuzzer.Settings.fromSystemProperties());

        System.out.println("membership-service: " + report.summary());
        assertThat(report.operations()).isGreaterThan(20);
        assertThat(report.findings()).as(report.summary()).isEmpty();
    }
}
