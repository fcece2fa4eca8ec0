package org.icm.events.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.events.api.EventsApiClient;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.Topic;
import org.icm.kernel.events.calendar.*;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.BulletinKind;
import org.icm.kernel.vocabulary.MeetingType;
import org.icm.testing.TestTokens;
import org.icm.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What happens over HTTP arrives on the events topic of the real broker as the published language: one
 * CloudEvent per fact, keyed by the aggregate, in order.
 */
@EventsServiceTest
class CalendarEventsOnKafkaTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/test"), CalendarIntegrationEvents.ALL);
    final TestTokens tokens = TestTokens.get();
    TopicReader topic;
    EventsApiClient api;

    @BeforeEach
    void subscribe() {
        api = new EventsApiClient(port);
        topic = new TopicReader(bootstrapServers, Topic.EVENTS.topicName(), "events-test-");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void aMeetingsLifeIsPublishedInOrder() {
        AccountId ana = AccountId.random();
        AccountId ben = AccountId.random();
        OrganisationId picum = OrganisationId.random();
        OrganisationId mce = OrganisationId.random();
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), BRUSSELS).plusDays(14).truncatedTo(ChronoUnit.DAYS).withHour(9);
        Instant startsAt = start.atZone(BRUSSELS).toInstant();
        Instant endsAt = startsAt.plus(Duration.ofHours(4));

        HttpResponse<String> scheduled = api.post("/meetings", focalPoint, """
                {"title":"Plenary","type":"PLENARY","start":"%s","end":"%s","timeZone":"Europe/Brussels","place":"Brussels","capacity":1,
                 "agenda":[{"title":"Pact","dossierId":"pact"}]}""".formatted(start, start.plusHours(4)));
        String m = read(scheduled, "$.id");
        api.post("/meetings/" + m + "/registrations", tokens.mint(ana, picum, Role.PARTICIPANT), null);
        api.post("/meetings/" + m + "/registrations", tokens.mint(ben, mce, Role.PARTICIPANT), null);
        api.delete("/meetings/" + m + "/registrations/mine", tokens.mint(ana, picum, Role.PARTICIPANT));
        api.put("/meetings/" + m + "/agenda", focalPoint, "{\"items\":[{\"title\":\"Return\",\"dossierId\":\"return\"}]}");
        api.post("/meetings/" + m + "/reschedule", focalPoint, "{\"start\":\"%s\",\"end\":\"%s\",\"timeZone\":\"Europe/Brussels\"}"
                .formatted(start.plusDays(1), start.plusDays(1).plusHours(4)));
        assertThat(api.post("/meetings/" + m + "/cancel", focalPoint, "{\"reason\":\"strike\"}").statusCode()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = topic.recordsFor(m, 8);
        assertThat(records).allSatisfy(record -> assertThat(new String(record.headers().lastHeader("content-type").value(),
                StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json"));
        List<CloudEvent> envelopes = records.stream().map(record -> codec.decode(record.value())).toList();
        assertThat(envelopes).allSatisfy(envelope -> {
            assertThat(envelope.getSource()).isEqualTo(URI.create("/icm/events-service"));
            assertThat(envelope.getSubject()).isEqualTo(m);
        });
        List<IntegrationEvent> payloads = envelopes.stream().map(envelope -> codec.payload(envelope).orElseThrow()).toList();
        Instant movedStart = startsAt.plus(Duration.ofDays(1));
        assertThat(payloads).containsExactly(
                new MeetingScheduled(m, "Plenary", MeetingType.PLENARY, startsAt, endsAt, "Europe/Brussels", "Brussels", null, 1, List.of("pact")),
                new RegistrationConfirmed(m, "Plenary", startsAt, ana.toString(), picum.toString()),
                new RegistrationWaitlisted(m, "Plenary", startsAt, ben.toString(), mce.toString(), 1),
                new RegistrationCancelled(m, "Plenary", ana.toString(), picum.toString()),
                new RegistrationPromoted(m, "Plenary", startsAt, ben.toString(), mce.toString()),
                new MeetingAgendaChanged(m, "Plenary", List.of("Return"), List.of("return")),
                new MeetingRescheduled(m, "Plenary", startsAt, movedStart, movedStart.plus(Duration.ofHours(4)), "Europe/Brussels"),
                new MeetingCancelled(m, "Plenary", movedStart, "strike"));
        assertThat(envelopes).extracting(CloudEvent::getId).doesNotHaveDuplicates();
    }

    @Test
    void consultationsEuEventsAndBulletinsArePublishedUnderTheirOwnKeys() {
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        AccountId author = AccountId.random();
        OrganisationId picum = OrganisationId.random();
        Instant opens = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plus(Duration.ofDays(60));
        String c = read(api.post("/consultations", focalPoint, """
                {"type":"CALL_FOR_EVIDENCE","directorateGeneral":"HOME","title":"Return","link":"https://ec.europa.eu/r",
                 "opensAt":"%s","closesAt":"%s","dossierId":"return"}""".formatted(opens, closes)), "$.id");
        api.put("/consultations/" + c + "/deadline", focalPoint, "{\"closesAt\":\"%s\"}".formatted(closes.plus(Duration.ofDays(7))));
        String b = read(api.post("/bulletins", tokens.mint(author, picum, Role.PARTICIPANT),
                "{\"kind\":\"EU_DEVELOPMENT\",\"title\":\"Council position\",\"text\":\"The Council adopted its position.\",\"dossierIds\":[\"return\"]}"),
                "$.id");

        assertThat(payloadsFor(c, 2)).containsExactly(
                new ConsultationOpened(c, org.icm.kernel.vocabulary.ConsultationType.CALL_FOR_EVIDENCE, "HOME", "Return", "https://ec.europa.eu/r",
                        opens, closes, "return", null),
                new ConsultationDeadlineChanged(c, "Return", "return", closes, closes.plus(Duration.ofDays(7))));
        assertThat(payloadsFor(b, 1)).containsExactly(new BulletinPosted(b, BulletinKind.EU_DEVELOPMENT, "Council position",
                "The Council adopted its position.", author.toString(), picum.toString(), List.of("return")));
    }

    private List<IntegrationEvent> payloadsFor(String key, int expected) {
        return topic.recordsFor(key, expected).stream().map(record -> codec.payload(codec.decode(record.value())).orElseThrow()).toList();
    }
}
