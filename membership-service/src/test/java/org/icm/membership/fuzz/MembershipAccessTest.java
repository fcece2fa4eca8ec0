package org.icm.membership.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.testing.fuzz.AccessRules.Access.ANYONE;
import static org.icm.testing.fuzz.AccessRules.Access.FOCAL_POINT;
import static org.icm.testing.fuzz.AccessRules.Access.OWN;
import static org.icm.testing.fuzz.AccessRules.Access.SIGNED_IN;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.icm.kernel.identity.Role;
import org.icm.membership.MembershipTest;
import org.icm.testing.fuzz.AccessRules.Access;
import org.icm.testing.fuzz.AccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call each of membership-service's operations, declared here and tried on every operation of its OpenAPI
 * document (OWASP API1 and API5): a new operation without a line below fails the build; and every route the service
 * answers is in that document (API9).
 */
class MembershipAccessTest extends MembershipTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    static final Map<String, Access> RULES = AccessRules.rules(Map.ofEntries(
            Map.entry("POST /organisations", ANYONE),
            Map.entry("GET /organisations", ANYONE),
            Map.entry("GET /organisations/applications", FOCAL_POINT),
            Map.entry("GET /organisations/{organisationId}", ANYONE),
            Map.entry("GET /organisations/{organisationId}/partners", ANYONE),
            Map.entry("PUT /organisations/{organisationId}", OWN),
            Map.entry("POST /organisations/{organisationId}/admit", FOCAL_POINT),
            Map.entry("POST /organisations/{organisationId}/reject", FOCAL_POINT),
            Map.entry("POST /organisations/{organisationId}/suspend", FOCAL_POINT),
            Map.entry("POST /organisations/{organisationId}/reinstate", FOCAL_POINT),
            Map.entry("POST /organisations/{organisationId}/withdraw", OWN),
            Map.entry("PUT /organisations/{organisationId}/focal-point", FOCAL_POINT),
            Map.entry("DELETE /organisations/{organisationId}/focal-point", FOCAL_POINT),
            Map.entry("GET /organisations/{organisationId}/accounts", OWN),
            Map.entry("POST /organisations/{organisationId}/invitations", FOCAL_POINT),
            Map.entry("GET /invitations", FOCAL_POINT),
            Map.entry("POST /organisations/{organisationId}/invitations/{accountId}/resend", FOCAL_POINT),
            Map.entry("DELETE /organisations/{organisationId}/invitations/{accountId}", FOCAL_POINT),
            Map.entry("POST /invitations/{token}/accept", ANYONE),
            Map.entry("PUT /organisations/{organisationId}/accounts/{accountId}/analyst", FOCAL_POINT),
            Map.entry("POST /organisations/{organisationId}/accounts/{accountId}/deactivate", OWN),
            Map.entry("POST /organisations/{organisationId}/people/{personId}/erasure", FOCAL_POINT),
            Map.entry("POST /me/erasure", SIGNED_IN),
            // the sign-in page
            Map.entry("GET /login", ANYONE),
            Map.entry("POST /password-resets", ANYONE),
            Map.entry("POST /password-resets/{token}", ANYONE)), AccessRules.PERSONAL_DATA, AccessRules.READ_MODELS);

    @Test
    void everyRouteIsInTheOpenApiDocument() {
        assertThat(new AccessRules(PORT).undocumentedRoutes(routes)).isEmpty();
    }

    @Test
    void everyOperationLetsInWhomItsRuleSaysAndNobodyElse() {
        String focal = focalPoint();
        String organisationId = JsonPath.read(post("/organisations", null, application("Access-checked Verein " + UUID.randomUUID(),
                "NATIONAL", List.of("AT"), "BOTH", List.of(), List.of())).body(), "$.id");
        assertThat(post("/organisations/" + organisationId + "/admit", focal, null).statusCode()).isEqualTo(200);
        String accountId = JsonPath.read(post("/organisations/" + organisationId + "/invitations", focal,
                "{\"email\": \"access-" + UUID.randomUUID() + "@example.org\", \"displayName\": \"Checked Person\"}").body(), "$.accountId");
        String stranger = token(UUID.randomUUID().toString(), Role.PARTICIPANT);

        assertThat(new AccessRules(PORT).violations(RULES, Map.of("organisationId", organisationId, "accountId", accountId,
                "personId", accountId), stranger)).isEmpty();
    }
}
