package org.icm.events.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.events.api.EventsApiClient;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.icm.testing.fuzz.OpenApiFuzzer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every operation of events-service's OpenAPI document, sent hostile requests as a focal point: no answer 5xx, every
 * refusal problem+json naming the field, and no refused request appends to the event store.
 */
@EventsServiceTest
class EventsApiFuzzTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void hostileRequestsGetClearRefusalsAndChangeNothing() {
        EventsApiClient api = new EventsApiClient(port);
        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT, Role.PARTICIPANT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(30).withNano(0);
        String meetingId = read(api.post("/meetings", focalPoint, """
                {"title":"Fuzzed plenary","type":"PLENARY","start":"%s","end":"%s","timeZone":"Europe/Brussels",
                 "place":"Rue Royale 146, Brussels","capacity":20,"agenda":[{"title":"AOB"}]}""".formatted(start, start.plusHours(4))), "$.id");
        String euEventId = read(api.post("/eu-events", focalPoint, """
                {"institution":"COUNCIL_OF_THE_EU","title":"Fuzzed JHA Council","start":"%s","timeZone":"Europe/Brussels",
                 "link":"https://www.consilium.europa.eu/jha"}""".formatted(start)), "$.id");
        String consultationId = read(api.post("/consultations", focalPoint, """
                {"type":"CALL_FOR_EVIDENCE","directorateGeneral":"HOME","title":"Fuzzed consultation",
                 "link":"https://ec.europa.eu/info/law/better-regulation/have-your-say/initiatives/1","opensAt":"%s","closesAt":"%s"}"""
                .formatted(clock.instant().minusSeconds(3600), clock.instant().plusSeconds(30 * 24 * 3600))), "$.id");
        String bulletinId = read(api.post("/bulletins", focalPoint,
                "{\"kind\":\"ACTIVITY_UPDATE\",\"title\":\"Fuzzed bulletin\",\"text\":\"We published a report.\"}"), "$.id");

        OpenApiFuzzer fuzzer = new OpenApiFuzzer(port, focalPoint, Map.of("meetingId", meetingId, "euEventId", euEventId,
                "consultationId", consultationId, "bulletinId", bulletinId),
                () -> jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        OpenApiFuzzer.Report report = fuzzer.run(OpenApiFuzzer.Settings.fromSystemProperties());

        System.out.println("events-service: " + report.summary());
        assertThat(report.operations()).isGreaterThan(20);
        assertThat(report.findings()).as(report.summary()).isEmpty();
    }
}
