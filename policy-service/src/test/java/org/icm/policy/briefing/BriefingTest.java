package org.icm.policy.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.calendar.CalendarIntegrationEvents;
import org.icm.kernel.events.calendar.EuEventAnnounced;
import org.icm.kernel.events.calendar.MeetingScheduled;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.EuInstitution;
import org.icm.kernel.vocabulary.MeetingType;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Before the next meeting, members read what changed on its agenda's dossier since the network last met: the step
 * recorded since, the correction of an old step (late news, with its reason), the recommendation's new words, the EU
 * event announced since; not what was recorded before the previous meeting. As known before the correction, the
 * briefing does not have it. A reader's followed dossiers come after the agenda's, a draft only for a member. Meetings
 * and EU events come from events-service's topic, published here as it would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BriefingTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final TestTokens tokens = TestTokens.get();
    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/events-service"), CalendarIntegrationEvents.ALL);
    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void aBriefingListsWhatChangedSinceThePreviousMeetingWithLateNewsAndCorrectionsMarked() throws Exception {
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dossier = id(send("POST", "/dossiers", focalPoint, "{\"title\":\"Pact " + run + "\",\"policyArea\":\"ASYLUM\"}"));
        String apr = id(send("POST", "/dossiers/" + dossier + "/measures", focalPoint,
                "{\"title\":\"Asylum Procedure Regulation\",\"type\":\"REGULATION\"}"));
        String steps = "/dossiers/" + dossier + "/measures/" + apr + "/steps";
        String trilogue = id(send("POST", steps, focalPoint, "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2023-06-05\"}"));
        String recommendation = id(send("POST", "/dossiers/" + dossier + "/recommendations", focalPoint,
                "{\"text\":\"Exempt children from border procedures.\",\"addressees\":[\"COUNCIL\"]}"));
        send("POST", "/dossiers/" + dossier + "/publish", focalPoint, null);

        // the previous meeting ended now; the next one is in a week, with the dossier on its agenda
        Thread.sleep(5);
        Instant previousEnd = Instant.now();
        Thread.sleep(5);
        String previous = "previous-" + run;
        String next = "next-" + run;
        publish(CalendarIntegrationEvents.MEETING_SCHEDULED, new MeetingScheduled(previous, "Plenary " + run + " (before)", MeetingType.PLENARY,
                previousEnd.minus(Duration.ofHours(3)), previousEnd, "Europe/Brussels", "Brussels", null, 40, List.of(dossier)));
        publish(CalendarIntegrationEvents.MEETING_SCHEDULED, new MeetingScheduled(next, "Plenary " + run, MeetingType.PLENARY,
                previousEnd.plus(Duration.ofDays(7)), previousEnd.plus(Duration.ofDays(7)).plus(Duration.ofHours(3)), "Europe/Brussels",
                "Brussels", null, 40, List.of(dossier)));

        String today = LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
        send("POST", steps, focalPoint, "{\"stage\":\"ADOPTED\",\"effectiveDate\":\"" + today + "\"}");
        Thread.sleep(5);
        Instant beforeTheCorrection = Instant.now();
        Thread.sleep(5);
        send("PUT", steps + "/" + trilogue, focalPoint,
                "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2023-06-15\",\"reason\":\"the first trilogue met on 15 June\"}");
        send("PUT", "/dossiers/" + dossier + "/recommendations/" + recommendation + "/text", focalPoint,
                "{\"text\":\"Exempt all children and their families from border procedures.\"}");
        publish(CalendarIntegrationEvents.EU_EVENT_ANNOUNCED, new EuEventAnnounced("eu-event-" + run, EuInstitution.EUROPEAN_PARLIAMENT,
                "LIBE hearing " + run, previousEnd.plus(Duration.ofDays(3)), "https://www.europarl.europa.eu/", List.of(dossier)));

        HttpResponse<String> briefing = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> new ApiClient(port).send("GET", "/meetings/" + next + "/briefing", null, null, Map.of()),
                response -> response.statusCode() == 200 && JsonPath.<List<?>>read(response.body(), "$.calendar").size() == 1);
        assertThat(JsonPath.<String>read(briefing.body(), "$.previousMeeting.id")).isEqualTo(previous);
        assertThat(JsonPath.<List<String>>read(briefing.body(), "$.dossiers[0].items[*].kind"))
                .containsExactly("ProcedureStepRecorded", "ProcedureStepCorrected", "RecommendationRevised");
        assertThat(JsonPath.<List<Boolean>>read(briefing.body(), "$.dossiers[0].items[*].lateNews")).containsExactly(false, true, false);
        assertThat(JsonPath.<List<Boolean>>read(briefing.body(), "$.dossiers[0].items[*].correction")).containsExactly(false, true, false);
        assertThat(JsonPath.<String>read(briefing.body(), "$.dossiers[0].items[1].reason")).isEqualTo("the first trilogue met on 15 June");
        assertThat(JsonPath.<List<String>>read(briefing.body(), "$.dossiers[0].items[2].words[?(@.change == 'inserted')].text"))
                .containsExactly("all", "and their families");
        assertThat(JsonPath.<String>read(briefing.body(), "$.dossiers[0].items[1].diff"))
                .startsWith("/dossiers/" + dossier + "/history/diff?from=");
        assertThat(JsonPath.<String>read(briefing.body(), "$.calendar[0].title")).isEqualTo("LIBE hearing " + run);

        HttpResponse<String> asKnownBefore = new ApiClient(port).send("GET", "/meetings/" + next + "/briefing?asOf="
                + URLEncoder.encode(beforeTheCorrection.toString(), StandardCharsets.UTF_8), null, null, Map.of());
        assertThat(JsonPath.<List<String>>read(asKnownBefore.body(), "$.dossiers[0].items[*].kind")).containsExactly("ProcedureStepRecorded");
        assertThat(new ApiClient(port).send("GET", "/meetings/no-such-meeting/briefing", null, null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aReaderAlsoGetsTheDossiersTheyFollowAfterTheAgendaWithDraftsOnlyForMembers() throws Exception {
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        String member = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String onAgenda = id(send("POST", "/dossiers", focalPoint, "{\"title\":\"Agenda " + run + "\",\"policyArea\":\"ASYLUM\"}"));
        String followed = id(send("POST", "/dossiers", focalPoint, "{\"title\":\"Followed " + run + "\",\"policyArea\":\"RETURN\"}"));
        String draft = id(send("POST", "/dossiers", focalPoint, "{\"title\":\"Draft " + run + "\",\"policyArea\":\"RETURN\"}"));
        for (String published : List.of(onAgenda, followed)) {
            send("POST", "/dossiers/" + published + "/publish", focalPoint, null);
        }
        String returnRegulation = id(send("POST", "/dossiers/" + followed + "/measures", focalPoint,
                "{\"title\":\"Return Regulation\",\"type\":\"REGULATION\"}"));
        send("POST", "/dossiers/" + followed + "/measures/" + returnRegulation + "/steps", focalPoint,
                "{\"stage\":\"PROPOSAL_ADOPTED\",\"effectiveDate\":\"2025-03-11\"}");
        String meeting = "followed-" + run;
        Instant startsAt = Instant.now().plus(Duration.ofDays(7));
        publish(CalendarIntegrationEvents.MEETING_SCHEDULED, new MeetingScheduled(meeting, "Working group " + run, MeetingType.PLENARY,
                startsAt, startsAt.plus(Duration.ofHours(2)), "Europe/Brussels", "Brussels", null, 20, List.of(onAgenda)));
        publish(CalendarIntegrationEvents.EU_EVENT_ANNOUNCED, new EuEventAnnounced("eu-event-followed-" + run, EuInstitution.COUNCIL_OF_THE_EU,
                "Council debate " + run, startsAt.minus(Duration.ofDays(2)), "https://www.consilium.europa.eu/", List.of(followed)));

        // the unknown id and the one on the agenda already are not listed again; the draft only for a member
        String path = "/meetings/" + meeting + "/briefing?since=" + LocalDate.now(ZoneId.of("Europe/Brussels")).minusDays(1)
                + "&followed=" + draft + "&followed=" + UUID.randomUUID() + "&followed=" + followed + "&followed=" + onAgenda;
        HttpResponse<String> anyone = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> new ApiClient(port).send("GET", path, null, null, Map.of()),
                response -> response.statusCode() == 200 && JsonPath.<List<?>>read(response.body(), "$.calendar").size() == 1);
        assertThat(JsonPath.<List<String>>read(anyone.body(), "$.dossiers[*].title")).containsExactly("Agenda " + run, "Followed " + run);
        assertThat(JsonPath.<List<String>>read(anyone.body(), "$.dossiers[*].listedFor")).containsExactly("AGENDA", "FOLLOWED");
        assertThat(JsonPath.<List<String>>read(anyone.body(), "$.dossiers[1].items[*].summary"))
                .contains("Return Regulation: PROPOSAL_ADOPTED, effective 2025-03-11");
        assertThat(JsonPath.<String>read(anyone.body(), "$.calendar[0].title")).isEqualTo("Council debate " + run);

        HttpResponse<String> aMember = new ApiClient(port).send("GET", path, member, null, Map.of());
        assertThat(JsonPath.<List<String>>read(aMember.body(), "$.dossiers[*].title")).containsExactly("Agenda " + run, "Draft " + run, "Followed " + run);
        assertThat(JsonPath.<List<String>>read(aMember.body(), "$.dossiers[*].listedFor")).containsExactly("AGENDA", "FOLLOWED", "FOLLOWED");

        HttpResponse<String> notAnId = new ApiClient(port).send("GET", "/meetings/" + meeting + "/briefing?followed=..%2Fsecrets", null, null, Map.of());
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("\"field\":\"followed\"").contains("not a dossier id");
        String tooMany = "/meetings/" + meeting + "/briefing?followed=" + String.join("&followed=",
                java.util.stream.IntStream.rangeClosed(0, BriefingController.FOLLOWED_MAX).mapToObj(i -> "d" + i).toList());
        HttpResponse<String> refused = new ApiClient(port).send("GET", tooMany, null, null, Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"followed\"").contains("at most 50");
    }

    private <E extends IntegrationEvent> void publish(IntegrationEventType<E> type, E event) throws Exception {
        var envelope = codec.envelope(type, event, UUID.randomUUID().toString(), Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic().topicName(), event.subject(), codec.encode(envelope));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private HttpResponse<String> send(String method, String path, String token, String json) {
        HttpResponse<String> response = new ApiClient(port).send(method, path, token, json, Map.of());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return response;
    }
}
