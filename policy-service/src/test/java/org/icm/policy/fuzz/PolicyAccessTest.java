package org.icm.policy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.testing.ApiClient.read;
import static org.icm.testing.fuzz.AccessRules.Access.ANALYST;
import static org.icm.testing.fuzz.AccessRules.Access.ANYONE;
import static org.icm.testing.fuzz.AccessRules.Access.FOCAL_POINT;
import static org.icm.testing.fuzz.AccessRules.Access.OWN;

import java.util.Map;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.icm.testing.fuzz.AccessRules.Access;
import org.icm.testing.fuzz.AccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call each of policy-service's operations, declared here and tried on every operation of its OpenAPI
 * document (OWASP API1 and API5): a new operation without a line below fails the build; and every route the service
 * answers is in that document (API9).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyAccessTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    static final Map<String, Access> RULES = AccessRules.rules(Map.ofEntries(
            Map.entry("GET /dossiers", ANYONE),
            Map.entry("GET /dossiers/{dossierId}", ANYONE),
            Map.entry("POST /dossiers", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}", FOCAL_POINT),
            Map.entry("POST /dossiers/{dossierId}/publish", FOCAL_POINT),
            Map.entry("POST /dossiers/{dossierId}/return-to-draft", FOCAL_POINT),
            Map.entry("POST /dossiers/{dossierId}/archive", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/rights/{rightCode}", FOCAL_POINT),
            Map.entry("DELETE /dossiers/{dossierId}/rights/{rightCode}", FOCAL_POINT),
            Map.entry("POST /dossiers/{dossierId}/measures", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/measures/{measureId}", FOCAL_POINT),
            Map.entry("POST /dossiers/{dossierId}/measures/{measureId}/steps", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/measures/{measureId}/steps/{stepId}", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/measures/{measureId}/key-dates", FOCAL_POINT),
            Map.entry("GET /dossiers/{dossierId}/recommendations/{recommendationId}", ANYONE),
            Map.entry("POST /dossiers/{dossierId}/recommendations", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/recommendations/{recommendationId}/text", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/recommendations/{recommendationId}/addressees", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/recommendations/{recommendationId}/measures/{measureId}", FOCAL_POINT),
            Map.entry("DELETE /dossiers/{dossierId}/recommendations/{recommendationId}/measures/{measureId}", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/recommendations/{recommendationId}/status", FOCAL_POINT),
            Map.entry("PUT /dossiers/{dossierId}/recommendations/{recommendationId}/outcome", FOCAL_POINT),
            // an organisation endorses for itself: the path names another organisation than the stranger's
            Map.entry("PUT /dossiers/{dossierId}/recommendations/{recommendationId}/endorsements/{organisationId}", OWN),
            Map.entry("DELETE /dossiers/{dossierId}/recommendations/{recommendationId}/endorsements/{organisationId}", OWN),
            Map.entry("GET /dossiers/{dossierId}/history", ANALYST),
            Map.entry("GET /dossiers/{dossierId}/history/state", ANALYST),
            Map.entry("GET /dossiers/{dossierId}/history/diff", ANALYST),
            Map.entry("GET /dossiers/{dossierId}/history/export", ANALYST),
            Map.entry("GET /dossiers/{dossierId}/history/state/export", ANALYST),
            // a member records national implementation for the countries its organisation works in: the stranger works in none
            Map.entry("POST /dossiers/{dossierId}/measures/{measureId}/countries/{country}/national-measures", OWN),
            Map.entry("PUT /dossiers/{dossierId}/measures/{measureId}/countries/{country}/national-measures/{nationalMeasureId}", OWN),
            Map.entry("PUT /dossiers/{dossierId}/measures/{measureId}/countries/{country}/transposition", OWN),
            Map.entry("POST /dossiers/{dossierId}/measures/{measureId}/countries/{country}/infringement-steps", OWN),
            Map.entry("POST /dossiers/{dossierId}/measures/{measureId}/countries/{country}/notes", OWN),
            Map.entry("GET /dossiers/{dossierId}/measures/{measureId}/countries", ANYONE),
            Map.entry("GET /countries", ANYONE),
            Map.entry("GET /countries/{country}", ANYONE),
            Map.entry("GET /dossiers/{dossierId}/history/national/{measureId}", ANALYST),
            Map.entry("GET /national-implementation/export", ANALYST),
            Map.entry("PUT /dossiers/{dossierId}/recommendations/{recommendationId}/uptake/{stepId}", ANALYST),
            Map.entry("POST /dossiers/{dossierId}/recommendations/{recommendationId}/uptake/suggestions", ANALYST),
            Map.entry("GET /dossiers/{dossierId}/recommendations/{recommendationId}/uptake", ANYONE),
            Map.entry("GET /dossiers/{dossierId}/uptake", ANYONE),
            Map.entry("GET /dossiers/{dossierId}/uptake/export", ANYONE),
            Map.entry("GET /uptake/impact", ANYONE),
            Map.entry("GET /meetings/{meetingId}/briefing", ANYONE),
            Map.entry("GET /rights", ANYONE),
            Map.entry("GET /vocabulary", ANYONE),
            Map.entry("POST /admin/sample-content", FOCAL_POINT)), AccessRules.PERSONAL_DATA, AccessRules.READ_MODELS);

    @LocalServerPort
    int port;

    @Test
    void everyRouteIsInTheOpenApiDocument() {
        assertThat(new AccessRules(port).undocumentedRoutes(routes)).isEmpty();
    }

    @Test
    void everyOperationLetsInWhomItsRuleSaysAndNobodyElse() {
        ApiClient api = new ApiClient(port);
        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT, Role.PARTICIPANT);
        String dossierId = read(api.post("/dossiers", focalPoint, "{\"title\":\"Access-checked dossier\",\"policyArea\":\"RETURN\"}"), "$.id");
        String stranger = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);

        assertThat(new AccessRules(port).violations(RULES, Map.of("dossierId", dossierId,
                "organisationId", OrganisationId.random().toString(), "rightCode", "CRC-3", "name", "dossier-catalogue",
                "country", "GR"), stranger)).isEmpty();
    }
}
