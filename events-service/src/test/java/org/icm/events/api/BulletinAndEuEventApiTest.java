package org.icm.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.atVersion;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.events.api.EventsApiClient.strings;
import static org.icm.events.api.MeetingApiTest.assertProblem;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bulletins (members only, newest first, changed by their author's organisation or a focal point) and EU events over HTTP. */
@EventsServiceTest
class BulletinAndEuEventApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    EventsApiClient api;
    final TestTokens tokens = TestTokens.get();
    String focalPoint;
    String picumParticipant;
    String mceParticipant;

    @BeforeEach
    void signIn() {
        api = new EventsApiClient(port);
        focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        picumParticipant = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
        mceParticipant = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
    }

    String post(String token, String title) {
        HttpResponse<String> posted = api.post("/bulletins", token,
                "{\"kind\":\"ACTIVITY_UPDATE\",\"title\":\"%s\",\"text\":\"We published a report.\"}".formatted(title));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return read(posted, "$.id");
    }

    @Test
    void bulletinsAreForMembersNewestFirst() {
        String older = post(picumParticipant, "Older");
        api.awaitGet("/bulletins/" + older, picumParticipant, atVersion(0));
        String newer = post(focalPoint, "Newer");

        HttpResponse<String> list = api.awaitGet("/bulletins", mceParticipant, response -> response.body().contains(newer));
        List<String> ids = strings(list, "$[*].id");
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        assertThat(api.get("/bulletins", null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheAuthorsOrganisationOrAFocalPointChangesABulletin() {
        String b = post(picumParticipant, "Our report");

        assertProblem(api.put("/bulletins/" + b, mceParticipant, "{\"title\":\"Hijacked\",\"text\":\"x\"}"), 403, "not-your-bulletin");
        assertThat(api.put("/bulletins/" + b, picumParticipant, "{\"title\":\"Our report (FR)\",\"text\":\"Now in French.\"}").statusCode())
                .isEqualTo(200);
        assertThat(api.post("/bulletins/" + b + "/retract", focalPoint, "{\"reason\":\"duplicate\"}").statusCode()).isEqualTo(200);
        assertProblem(api.post("/bulletins/" + b + "/retract", picumParticipant, null), 422, "bulletin-retracted");

        api.awaitGet("/bulletins/" + b, picumParticipant, atVersion(2));
        assertThat(strings(api.get("/bulletins", picumParticipant), "$[*].id")).doesNotContain(b);
    }

    @Test
    void aBulletinWithoutTextIsABadRequestNamingTheField() {
        HttpResponse<String> refused = api.post("/bulletins", picumParticipant, "{\"kind\":\"EU_DEVELOPMENT\",\"title\":\"News\"}");
        assertProblem(refused, 400, "required");
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("text");
    }

    @Test
    void anEuEventIsAnnouncedUpdatedAndCancelled() {
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(20).withNano(0);
        String body = """
                {"institution":"COUNCIL_OF_THE_EU","title":"JHA Council","start":"%s","timeZone":"Europe/Brussels",
                 "link":"https://www.consilium.europa.eu/jha"}""".formatted(start);
        assertProblem(api.post("/eu-events", picumParticipant, body), 403, null);
        HttpResponse<String> announced = api.post("/eu-events", focalPoint, body);
        assertThat(announced.statusCode()).isEqualTo(201);
        String e = read(announced, "$.id");

        // the same again: nothing recorded, the same version answered
        HttpResponse<String> same = api.put("/eu-events/" + e, focalPoint, body);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("ETag")).isPresent().isEqualTo(announced.headers().firstValue("ETag"));
        assertThat(read(same, "$.version").toString()).isEqualTo(read(announced, "$.version").toString());
        HttpResponse<String> badLink = api.put("/eu-events/" + e, focalPoint, body.replace("https://www.consilium.europa.eu/jha", "consilium"));
        assertProblem(badLink, 400, "malformed-link");
        assertThat(strings(badLink, "$.errors[*].field")).containsExactly("link");
        assertThat(api.put("/eu-events/" + e, focalPoint, body.replace("JHA Council", "JHA Council (informal)")).statusCode()).isEqualTo(200);
        assertThat(api.post("/eu-events/" + e + "/cancel", focalPoint, "{\"reason\":\"postponed\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> cancelled = api.awaitGet("/eu-events/" + e, null, atVersion(2));
        assertThat(read(cancelled, "$.title").toString()).isEqualTo("JHA Council (informal)");
        assertThat((Boolean) read(cancelled, "$.cancelled")).isTrue();
        assertThat(strings(api.get("/eu-events", null), "$[*].id")).doesNotContain(e);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        HttpResponse<String> docs = api.get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/meetings/{meetingId}/registrations", "/consultations", "/eu-events", "/bulletins",
                "/calendar/public.ics", "/calendar/personal/{token}.ics");
    }
}
