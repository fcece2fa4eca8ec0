package org.icm.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.atVersion;
import static org.icm.events.api.EventsApiClient.etag;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.events.api.EventsApiClient.strings;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

/** Meetings over HTTP: a focal point schedules, participants register, the waiting list moves up; each refusal is a problem+json. */
@EventsServiceTest
class MeetingApiTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    EventsApiClient api;
    final TestTokens tokens = TestTokens.get();
    final AccountId ana = AccountId.random();
    final AccountId ben = AccountId.random();
    final AccountId cleo = AccountId.random();
    String focalPoint;
    String anaToken;
    String benToken;
    String cleoToken;
    LocalDateTime start;

    @BeforeEach
    void signIn() {
        api = new EventsApiClient(port);
        focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT, Role.PARTICIPANT);
        anaToken = tokens.mint(ana, OrganisationId.random(), Role.PARTICIPANT);
        benToken = tokens.mint(ben, OrganisationId.random(), Role.PARTICIPANT);
        cleoToken = tokens.mint(cleo, OrganisationId.random(), Role.PARTICIPANT);
        // a week from the service's "now", at 10:00 in Brussels
        start = LocalDateTime.ofInstant(clock.instant(), BRUSSELS).plusDays(7).truncatedTo(ChronoUnit.DAYS).withHour(10);
    }

    String schedule(int capacity) {
        HttpResponse<String> scheduled = api.post("/meetings", focalPoint, meetingJson(start, start.plusHours(6), capacity));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        return read(scheduled, "$.id");
    }

    static String meetingJson(LocalDateTime start, LocalDateTime end, int capacity) {
        return """
                {"title":"ICM plenary","type":"PLENARY","start":"%s","end":"%s","timeZone":"Europe/Brussels",
                 "place":"Rue Royale 146, Brussels","capacity":%d,
                 "agenda":[{"title":"Pact implementation","dossierId":"pact"},{"title":"AOB"}]}""".formatted(start, end, capacity);
    }

    @Test
    void whenAPlaceFreesUpTheFirstOnTheWaitingListGetsIt() {
        String m = schedule(1);
        String path = "/meetings/" + m;

        assertThat(api.post(path + "/registrations", anaToken, null).statusCode()).isEqualTo(200);
        assertThat(api.post(path + "/registrations", benToken, null).statusCode()).isEqualTo(200);
        HttpResponse<String> third = api.post(path + "/registrations", cleoToken, null);
        assertThat(etag(third)).isEqualTo("\"3\"");

        HttpResponse<String> full = api.awaitGet(path, benToken, atVersion(3));
        assertThat(strings(full, "$.registrations.confirmed[*].accountId")).containsExactly(ana.toString());
        assertThat(strings(full, "$.registrations.waitingList[*].accountId")).containsExactly(ben.toString(), cleo.toString());
        assertThat(read(full, "$.registrations.yours").toString()).isEqualTo("WAITING");
        assertThat((Integer) read(full, "$.registrations.yourWaitingPosition")).isEqualTo(1);

        HttpResponse<String> left = api.delete(path + "/registrations/mine", anaToken);
        assertThat(left.statusCode()).isEqualTo(200);
        // unregistered and promoted: two events, one write
        assertThat(etag(left)).isEqualTo("\"5\"");

        HttpResponse<String> promoted = api.awaitGet(path, benToken, atVersion(5));
        assertThat(strings(promoted, "$.registrations.confirmed[*].accountId")).containsExactly(ben.toString());
        assertThat(strings(promoted, "$.registrations.waitingList[*].accountId")).containsExactly(cleo.toString());
        assertThat(read(promoted, "$.registrations.yours").toString()).isEqualTo("CONFIRMED");

        // more places: the waiting list moves up
        assertThat(api.put(path + "/capacity", focalPoint, "{\"capacity\":5}").statusCode()).isEqualTo(200);
        HttpResponse<String> bigger = api.awaitGet(path, cleoToken, atVersion(7));
        assertThat(strings(bigger, "$.registrations.confirmed[*].accountId")).containsExactly(ben.toString(), cleo.toString());

        // the public sees the meeting, its counts, not who registered
        HttpResponse<String> anonymous = api.get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat((Integer) read(anonymous, "$.confirmedCount")).isEqualTo(2);
        assertThat(anonymous.body()).doesNotContain(ben.toString(), "\"registrations\":{");
        assertThat(read(anonymous, "$.start").toString()).isEqualTo(start.toString().length() == 16 ? start + ":00" : start.toString());
        assertThat(read(anonymous, "$.timeZone").toString()).isEqualTo("Europe/Brussels");
    }

    @Test
    void theEndBeforeTheStartIsABadRequestNamingTheField() {
        HttpResponse<String> refused = api.post("/meetings", focalPoint, meetingJson(start, start.minusHours(1), 10));

        assertProblem(refused, 400, "end-before-start");
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("end");
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndNothingIsScheduled() {
        String manyWrong = meetingJson(start, start.minusHours(1), 0).replace("\"ICM plenary\"", "\" \"")
                .replace("\"Rue Royale 146, Brussels\"", "null");
        HttpResponse<String> refused = api.post("/meetings", focalPoint, manyWrong);

        assertProblem(refused, 400, "validation");
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("title", "end", "place", "capacity");
        assertThat(strings(refused, "$.errors[*].code")).containsExactly("required", "end-before-start", "place-or-link-required",
                "capacity-out-of-range");
    }

    @Test
    void aMalformedTypeIsABadRequestNamingTheField() {
        HttpResponse<String> refused = api.post("/meetings", focalPoint,
                meetingJson(start, start.plusHours(1), 10).replace("\"PLENARY\"", "\"PARTY\""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("type");
    }

    @Test
    void anUnreadableStartIsABadRequestNamingTheField() {
        HttpResponse<String> refused = api.post("/meetings", focalPoint,
                meetingJson(start, start.plusHours(1), 10).replace("\"start\":\"" + start, "\"start\":\"next Tuesday"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("start");
    }

    @Test
    void registeringForACancelledMeetingIsRefusedAndChangesNothing() {
        String m = schedule(10);
        assertThat(api.post("/meetings/" + m + "/cancel", focalPoint, "{\"reason\":\"venue unavailable\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = api.post("/meetings/" + m + "/registrations", anaToken, null);

        assertProblem(refused, 422, "meeting-cancelled");
        HttpResponse<String> meeting = api.awaitGet("/meetings/" + m, anaToken, atVersion(1));
        assertThat((Integer) read(meeting, "$.confirmedCount")).isZero();
        assertThat(read(meeting, "$.status").toString()).isEqualTo("CANCELLED");
    }

    @Test
    void registeringAfterTheStartIsRefused() {
        String m = schedule(10);
        clock.advance(java.time.Duration.ofDays(8));

        assertProblem(api.post("/meetings/" + m + "/registrations", anaToken, null), 422, "registration-closed");
    }

    @Test
    void aCapacityBelowTheConfirmedRegistrationsIsRefusedNamingTheField() {
        String m = schedule(3);
        api.post("/meetings/" + m + "/registrations", anaToken, null);
        api.post("/meetings/" + m + "/registrations", benToken, null);

        HttpResponse<String> refused = api.put("/meetings/" + m + "/capacity", focalPoint, "{\"capacity\":1}");

        assertProblem(refused, 422, "capacity-below-confirmed");
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("capacity");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        String m = schedule(3);
        api.post("/meetings/" + m + "/registrations", anaToken, null);

        HttpResponse<String> stale = api.send("PUT", "/meetings/" + m + "/agenda", focalPoint, "{\"items\":[{\"title\":\"Return\"}]}",
                Map.of("If-Match", "\"0\""));

        assertProblem(stale, 412, "stale-version");
        HttpResponse<String> fresh = api.send("PUT", "/meetings/" + m + "/agenda", focalPoint, "{\"items\":[{\"title\":\"Return\"}]}",
                Map.of("If-Match", "\"1\""));
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(etag(fresh)).isEqualTo("\"2\"");
    }

    @Test
    void onlyFocalPointsScheduleAndOnlySignedInCallersWrite() {
        assertProblem(api.post("/meetings", anaToken, meetingJson(start, start.plusHours(1), 10)), 403, null);
        HttpResponse<String> anonymous = api.post("/meetings", null, meetingJson(start, start.plusHours(1), 10));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anUnknownMeetingIsNotFound() {
        assertThat(api.get("/meetings/no-such-meeting", null).statusCode()).isEqualTo(404);
        assertProblem(api.post("/meetings/no-such-meeting/registrations", anaToken, null), 404, "not-found");
    }

    @Test
    void minutesAndActionPointsOfAHeldMeetingAreForMembers() {
        String m = schedule(10);
        assertProblem(api.put("/meetings/" + m + "/minutes", focalPoint, "{\"minutes\":\"Too early\"}"), 422, "meeting-not-held");
        clock.advance(java.time.Duration.ofDays(8));
        assertThat(api.post("/meetings/" + m + "/held", focalPoint, null).statusCode()).isEqualTo(200);

        HttpResponse<String> missingDue = api.put("/meetings/" + m + "/minutes", focalPoint,
                "{\"minutes\":\"We agreed.\",\"actionPoints\":[{\"description\":\"Draft response\",\"owningOrganisation\":\"picum\"}]}");
        assertProblem(missingDue, 400, "required");
        assertThat(strings(missingDue, "$.errors[*].field")).containsExactly("actionPoints[0].dueDate");

        assertThat(api.put("/meetings/" + m + "/minutes", focalPoint, "{\"minutes\":\"We agreed.\",\"actionPoints\":"
                + "[{\"description\":\"Draft response\",\"owningOrganisation\":\"picum\",\"dueDate\":\"2027-01-15\"}]}").statusCode()).isEqualTo(200);
        HttpResponse<String> member = api.awaitGet("/meetings/" + m, anaToken, atVersion(2));
        assertThat(read(member, "$.status").toString()).isEqualTo("HELD");
        assertThat(read(member, "$.actionPoints[0].owningOrganisation").toString()).isEqualTo("picum");
        assertThat(api.get("/meetings/" + m, null).body()).doesNotContain("We agreed.");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        if (code != null) {
            assertThat(read(response, "$.type").toString()).isEqualTo("urn:icm:problem:" + code);
        }
    }
}
