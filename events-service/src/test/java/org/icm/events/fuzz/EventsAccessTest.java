package org.icm.events.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.testing.fuzz.AccessRules.Access.ANYONE;
import static org.icm.testing.fuzz.AccessRules.Access.FOCAL_POINT;
import static org.icm.testing.fuzz.AccessRules.Access.OWN;
import static org.icm.testing.fuzz.AccessRules.Access.SIGNED_IN;

import java.util.Map;
import org.icm.events.EventsServiceTest;
import org.icm.events.api.EventsApiClient;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.icm.testing.fuzz.AccessRules.Access;
import org.icm.testing.fuzz.AccessRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call each of events-service's operations, declared here and tried on every operation of its OpenAPI
 * document (OWASP API1 and API5): a new operation without a line below fails the build; and every route the service
 * answers is in that document (API9).
 */
@EventsServiceTest
class EventsAccessTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    static final Map<String, Access> RULES = AccessRules.rules(Map.ofEntries(
            Map.entry("GET /bulletins", SIGNED_IN),
            Map.entry("GET /bulletins/{bulletinId}", SIGNED_IN),
            Map.entry("POST /bulletins", SIGNED_IN),
            // a bulletin is changed by its author's organisation (or a focal point)
            Map.entry("PUT /bulletins/{bulletinId}", OWN),
            Map.entry("POST /bulletins/{bulletinId}/retract", OWN),
            Map.entry("GET /consultations", ANYONE),
            Map.entry("GET /consultations/{consultationId}", ANYONE),
            Map.entry("POST /consultations", FOCAL_POINT),
            Map.entry("PUT /consultations/{consultationId}/deadline", FOCAL_POINT),
            Map.entry("POST /consultations/{consultationId}/joint-response", FOCAL_POINT),
            Map.entry("POST /consultations/{consultationId}/joint-response/submission", FOCAL_POINT),
            Map.entry("GET /eu-events", ANYONE),
            Map.entry("GET /eu-events/{euEventId}", ANYONE),
            Map.entry("POST /eu-events", FOCAL_POINT),
            Map.entry("PUT /eu-events/{euEventId}", FOCAL_POINT),
            Map.entry("POST /eu-events/{euEventId}/cancel", FOCAL_POINT),
            Map.entry("GET /meetings", ANYONE),
            Map.entry("GET /meetings/{meetingId}", ANYONE),
            Map.entry("POST /meetings", FOCAL_POINT),
            Map.entry("PUT /meetings/{meetingId}/agenda", FOCAL_POINT),
            Map.entry("POST /meetings/{meetingId}/reschedule", FOCAL_POINT),
            Map.entry("PUT /meetings/{meetingId}/capacity", FOCAL_POINT),
            Map.entry("POST /meetings/{meetingId}/cancel", FOCAL_POINT),
            Map.entry("POST /meetings/{meetingId}/held", FOCAL_POINT),
            Map.entry("PUT /meetings/{meetingId}/minutes", FOCAL_POINT),
            Map.entry("POST /meetings/{meetingId}/registrations", SIGNED_IN),
            Map.entry("DELETE /meetings/{meetingId}/registrations/mine", SIGNED_IN),
            Map.entry("GET /calendar", ANYONE),
            Map.entry("GET /meetings/{meetingId}/calendar.ics", ANYONE),
            Map.entry("GET /calendar/public.ics", ANYONE),
            Map.entry("POST /calendar/personal-feed", SIGNED_IN),
            Map.entry("DELETE /calendar/personal-feed", SIGNED_IN),
            // the secret token in the address is the key: a wrong one is "nothing here"
            Map.entry("GET /calendar/personal/{token}.ics", ANYONE)), AccessRules.PERSONAL_DATA, AccessRules.READ_MODELS);

    @LocalServerPort
    int port;

    @Test
    void everyRouteIsInTheOpenApiDocument() {
        assertThat(new AccessRules(port).undocumentedRoutes(routes)).isEmpty();
    }

    @Test
    void everyOperationLetsInWhomItsRuleSaysAndNobodyElse() {
        EventsApiClient api = new EventsApiClient(port);
        String author = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
        String bulletinId = read(api.post("/bulletins", author,
                "{\"kind\":\"ACTIVITY_UPDATE\",\"title\":\"Access-checked bulletin\",\"text\":\"We published a report.\"}"), "$.id");
        String stranger = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);

        assertThat(new AccessRules(port).violations(RULES, Map.of("bulletinId", bulletinId, "name", "meetings"), stranger)).isEmpty();
    }
}
