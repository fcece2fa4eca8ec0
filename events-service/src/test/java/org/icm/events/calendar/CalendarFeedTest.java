package org.icm.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.atVersion;
import static org.icm.events.api.EventsApiClient.read;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.validate.ValidationResult;
import org.bson.Document;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.events.api.EventsApiClient;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The iCalendar feeds as a calendar app reads them: valid RFC 5545 under ical4j's strict parser and validator,
 * local times in the meeting's zone, one UID per meeting whose SEQUENCE grows with each change, and a
 * cancellation as STATUS:CANCELLED on that UID.
 */
@EventsServiceTest
class CalendarFeedTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;

    EventsApiClient api;
    String focalPoint;
    final AccountId ana = AccountId.random();
    String anaToken;
    LocalDateTime start;

    @BeforeEach
    void signIn() {
        api = new EventsApiClient(port);
        focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        anaToken = TestTokens.get().mint(ana, OrganisationId.random(), Role.PARTICIPANT);
        start = LocalDateTime.ofInstant(clock.instant(), BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.DAYS).withHour(14).withMinute(30);
    }

    @Test
    void aMeetingsIcsIsStrictlyValidAndItsUpdatesKeepTheUid() throws Exception {
        HttpResponse<String> scheduled = api.post("/meetings", focalPoint, """
                {"title":"Thematic meeting on guardianship","type":"THEMATIC","start":"%s","end":"%s","timeZone":"Europe/Brussels",
                 "onlineLink":"https://meet.example.org/icm-guardianship","capacity":40,"agenda":[{"title":"Guardianship in the Pact"}]}"""
                .formatted(start, start.plusHours(2)));
        String m = read(scheduled, "$.id");
        api.awaitGet("/meetings/" + m, null, atVersion(0));

        HttpResponse<String> ics = api.get("/meetings/" + m + "/calendar.ics", null);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        VEvent first = onlyEvent(strictlyValid(ics.body()));
        String uid = first.getUid().orElseThrow().getValue();
        assertThat(first.getSequence().getSequenceNo()).isZero();
        // what a calendar app shows: 14:30 in Brussels, which is the instant the API gives
        DtStart<?> dtStart = first.getDateTimeStart();
        assertThat(dtStart.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Brussels");
        assertThat(ZonedDateTime.from(dtStart.getDate()).toInstant()).isEqualTo(start.atZone(BRUSSELS).toInstant());
        assertThat(ics.body()).contains("DTSTART;TZID=Europe/Brussels:" + start.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));

        // moved a day later, then cancelled: same UID, SEQUENCE 1 then 2
        assertThat(api.post("/meetings/" + m + "/reschedule", focalPoint, "{\"start\":\"%s\",\"end\":\"%s\",\"timeZone\":\"Europe/Brussels\"}"
                .formatted(start.plusDays(1), start.plusDays(1).plusHours(2))).statusCode()).isEqualTo(200);
        api.awaitGet("/meetings/" + m, null, atVersion(1));
        VEvent moved = onlyEvent(strictlyValid(api.get("/meetings/" + m + "/calendar.ics", null).body()));
        assertThat(moved.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(ZonedDateTime.from(moved.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(start.plusDays(1).atZone(BRUSSELS).toInstant());

        assertThat(api.post("/meetings/" + m + "/cancel", focalPoint, "{\"reason\":\"speaker ill\"}").statusCode()).isEqualTo(200);
        api.awaitGet("/meetings/" + m, null, atVersion(2));
        String cancelledIcs = api.get("/meetings/" + m + "/calendar.ics", null).body();
        VEvent cancelled = onlyEvent(strictlyValid(cancelledIcs));
        assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(cancelled.getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(cancelledIcs).contains("STATUS:CANCELLED");

        // the public feed carries it too, cancelled, so subscribed apps drop it rather than keep a stale copy
        String feed = api.get("/calendar/public.ics", null).body();
        strictlyValid(feed);
        assertThat(feed).contains("UID:" + uid);
    }

    @Test
    void aPersonalFeedShowsYourMeetingsBehindARevocableSecret() throws Exception {
        HttpResponse<String> scheduled = api.post("/meetings", focalPoint, """
                {"title":"Briefing on the Return regulation","type":"BRIEFING","start":"%s","end":"%s","timeZone":"Europe/Lisbon",
                 "place":"Lisbon","capacity":10}""".formatted(start, start.plusHours(1)));
        String m = read(scheduled, "$.id");
        assertThat(api.post("/meetings/" + m + "/registrations", anaToken, null).statusCode()).isEqualTo(200);

        assertThat(api.post("/calendar/personal-feed", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> issued = api.post("/calendar/personal-feed", anaToken, null);
        assertThat(issued.statusCode()).isEqualTo(201);
        String path = read(issued, "$.path");
        String token = path.substring("/calendar/personal/".length(), path.length() - ".ics".length());
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 bits
        // only a hash is stored
        assertThat(mongo.getCollection("personal_feed_tokens").find(new Document("_id", ana.toString())).first().toJson()).doesNotContain(token);

        HttpResponse<String> feed = api.awaitGet(path, null, response -> response.body().contains("meeting-" + m));
        VEvent event = onlyEvent(strictlyValid(feed.body()));
        assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Lisbon");
        assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(start.atZone(ZoneId.of("Europe/Lisbon")).toInstant());

        // a new secret replaces the old; revoking ends it
        String newPath = read(api.post("/calendar/personal-feed", anaToken, null), "$.path");
        assertThat(api.get(path, null).statusCode()).isEqualTo(404);
        assertThat(api.get(newPath, null).statusCode()).isEqualTo(200);
        assertThat(api.delete("/calendar/personal-feed", anaToken).statusCode()).isEqualTo(204);
        assertThat(api.get(newPath, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/calendar/personal/guessed-token.ics", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theUpcomingCalendarHasMeetingsEuEventsAndDeadlinesFilteredByDossier() {
        String dossier = "dossier-" + java.util.UUID.randomUUID();
        HttpResponse<String> meeting = api.post("/meetings", focalPoint, """
                {"title":"Plenary","type":"PLENARY","start":"%s","end":"%s","timeZone":"Europe/Brussels","place":"Brussels","capacity":50,
                 "agenda":[{"title":"Item","dossierId":"%s"}]}""".formatted(start, start.plusHours(3), dossier));
        HttpResponse<String> euEvent = api.post("/eu-events", focalPoint, """
                {"institution":"EUROPEAN_PARLIAMENT","title":"LIBE hearing","start":"%s","timeZone":"Europe/Brussels",
                 "link":"https://www.europarl.europa.eu/libe","dossierIds":["%s"]}""".formatted(start.minusDays(2), dossier));
        HttpResponse<String> consultation = api.post("/consultations", focalPoint, """
                {"type":"FEEDBACK_ON_PROPOSAL","directorateGeneral":"HOME","title":"Feedback","link":"https://ec.europa.eu/f",
                 "opensAt":"%s","closesAt":"%s","dossierId":"%s"}""".formatted(clock.instant(), start.plusDays(5).atZone(BRUSSELS).toInstant(),
                dossier));
        assertThat(List.of(meeting.statusCode(), euEvent.statusCode(), consultation.statusCode())).containsOnly(201);

        HttpResponse<String> calendar = api.awaitGet("/calendar?dossier=" + dossier, null,
                response -> EventsApiClient.strings(response, "$[*].id").size() == 3);
        assertThat(EventsApiClient.strings(calendar, "$[*].kind")).containsExactly("EU_EVENT", "MEETING", "CONSULTATION_DEADLINE");
        assertThat(EventsApiClient.strings(api.get("/calendar?dossier=other-" + dossier, null), "$[*].id")).isEmpty();

        HttpResponse<String> both = api.get("/calendar?dossier=x&policyArea=ASYLUM", null);
        assertThat(both.statusCode()).isEqualTo(400);
        HttpResponse<String> badArea = api.get("/calendar?policyArea=SPACE", null);
        assertThat(badArea.statusCode()).isEqualTo(400);
        assertThat(badArea.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static Calendar strictlyValid(String ics) throws Exception {
        Calendar calendar = ICalendarsTest.Strict.parse(ics);
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as(result.toString()).isFalse();
        return calendar;
    }

    static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.getFirst();
    }
}
