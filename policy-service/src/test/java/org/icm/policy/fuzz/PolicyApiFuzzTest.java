package org.icm.policy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.testing.ApiClient.read;

import java.util.Map;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.icm.testing.fuzz.OpenApiFuzzer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every operation of policy-service's OpenAPI document, sent hostile requests as a focal point (who may do everything,
 * so a refusal comes from the input): no answer 5xx, every refusal problem+json naming the field, and no refused
 * request appends to the event store. {@code -Dicm.fuzz.variants=1000 -Dicm.fuzz.seed=...} for a longer run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyApiFuzzTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileRequestsGetClearRefusalsAndChangeNothing() {
        ApiClient api = new ApiClient(port);
        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT, Role.PARTICIPANT, Role.ANALYST);
        String dossierId = read(api.post("/dossiers", focalPoint, "{\"title\":\"Fuzzed dossier\",\"policyArea\":\"RETURN\"}"), "$.id");
        String measureId = read(api.post("/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Fuzzed measure\",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2018/0329(COD)\"}"), "$.id");
        String stepId = read(api.post("/dossiers/" + dossierId + "/measures/" + measureId + "/steps", focalPoint,
                "{\"stage\":\"PROPOSAL_ADOPTED\",\"effectiveDate\":\"2018-09-12\"}"), "$.id");
        String recommendationId = read(api.post("/dossiers/" + dossierId + "/recommendations", focalPoint,
                "{\"text\":\"Never detain children.\",\"addressees\":[\"MEMBER_STATES\"],\"measureIds\":[\"" + measureId + "\"]}"), "$.id");

        OpenApiFuzzer fuzzer = new OpenApiFuzzer(port, focalPoint, Map.of("dossierId", dossierId, "measureId", measureId, "stepId", stepId,
                "recommendationId", recommendationId, "rightCode", "CRC-3", "organisationId", OrganisationId.random().toString()),
                () -> jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        OpenApiFuzzer.Report report = fuzzer.run(OpenApiFuzzer.Settings.fromSystemProperties());

        System.out.println("policy-service: " + report.summary());
        assertThat(report.operations()).isGreaterThan(20);
        assertThat(report.findings()).as(report.summary()).isEmpty();
    }

}
