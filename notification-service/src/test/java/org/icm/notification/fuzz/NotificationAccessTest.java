package org.icm.notification.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.testing.fuzz.AccessRules.Access.ANYONE;
import static org.icm.testing.fuzz.AccessRules.Access.FOCAL_POINT;
import static org.icm.testing.fuzz.AccessRules.Access.OWN;
import static org.icm.testing.fuzz.AccessRules.Access.SIGNED_IN;

import java.util.Map;
import org.icm.kernel.identity.Role;
import org.icm.notification.support.NotificationTestBase;
import org.icm.testing.fuzz.AccessRules.Access;
import org.icm.testing.fuzz.AccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call each of notification-service's operations, declared here and tried on every operation of its OpenAPI
 * document (OWASP API1 and API5): a new operation without a line below fails the build; and every route the service
 * answers is in that document (API9).
 */
class NotificationAccessTest extends NotificationTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    static final Map<String, Access> RULES = AccessRules.rules(Map.ofEntries(
            Map.entry("GET /feed", SIGNED_IN),
            Map.entry("POST /feed/{id}/read", OWN),
            Map.entry("POST /feed/read-all", SIGNED_IN),
            Map.entry("GET /subscriptions/me", SIGNED_IN),
            Map.entry("PUT /subscriptions/me", SIGNED_IN),
            Map.entry("GET /subscriptions/{accountId}", OWN),
            Map.entry("PUT /subscriptions/{accountId}", OWN),
            // the signed link is the key: a forged or missing one is refused as bad input
            Map.entry("GET /unsubscribe", ANYONE),
            Map.entry("POST /unsubscribe", ANYONE),
            Map.entry("GET /deliveries", FOCAL_POINT),
            Map.entry("GET /dead-letters", FOCAL_POINT),
            Map.entry("GET /dead-letters/{id}", FOCAL_POINT),
            Map.entry("POST /dead-letters/{id}/redrive", FOCAL_POINT),
            Map.entry("POST /dead-letters/{id}/discard", FOCAL_POINT)), AccessRules.PERSONAL_DATA);

    @Test
    void everyRouteIsInTheOpenApiDocument() {
        assertThat(new AccessRules(port).undocumentedRoutes(routes)).isEmpty();
    }

    @Test
    void everyOperationLetsInWhomItsRuleSaysAndNobodyElse() {
        Person owner = member();
        Person stranger = member(Role.PARTICIPANT);

        assertThat(new AccessRules(port).violations(RULES, Map.of("accountId", owner.id(), "id", "icm.policy.v1-0-0"), stranger.token()))
                .isEmpty();
    }
}
