package org.icm.events.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.events.api.EventsApiClient.strings;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.events.api.EventsApiClient;
import org.icm.events.calendar.FeedTokens;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.Topic;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.PersonErased;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person erased in membership leaves the meetings ahead of them, their place goes to the waiting list, their feed address stops. */
@EventsServiceTest
class PersonErasureTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    FeedTokens feedTokens;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void theErasedPersonsPlaceGoesToTheWaitingListAndTheirCalendarFeedStops() {
        EventsApiClient api = new EventsApiClient(port);
        TestTokens tokens = TestTokens.get();
        AccountId erased = AccountId.random();
        AccountId waiting = AccountId.random();
        OrganisationId organisation = OrganisationId.random();
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT, Role.PARTICIPANT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(7).truncatedTo(ChronoUnit.DAYS).withHour(10);
        HttpResponse<String> scheduled = api.post("/meetings", focalPoint, """
                {"title":"ICM plenary","type":"PLENARY","start":"%s","end":"%s","timeZone":"Europe/Brussels","place":"Brussels","capacity":1}"""
                .formatted(start, start.plusHours(6)));
        String path = "/meetings/" + read(scheduled, "$.id");
        assertThat(api.post(path + "/registrations", tokens.mint(erased, organisation, Role.PARTICIPANT), null).statusCode()).isEqualTo(200);
        assertThat(api.post(path + "/registrations", tokens.mint(waiting, OrganisationId.random(), Role.PARTICIPANT), null).statusCode())
                .isEqualTo(200);
        String feed = feedTokens.issue(erased.toString());
        assertThat(feedTokens.accountOf(feed)).contains(erased.toString());

        publish(new PersonErased(organisation.toString(), "Org", erased.toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(strings(api.get(path, focalPoint),
                "$.registrations.confirmed[*].accountId")).containsExactly(waiting.toString()));
        assertThat(strings(api.get(path, focalPoint), "$.registrations.waitingList[*].accountId")).isEmpty();
        assertThat(feedTokens.accountOf(feed)).isEmpty();
    }

    private void publish(PersonErased erasure) {
        IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/test-membership"), MembershipIntegrationEvents.ALL);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topic.MEMBERSHIP.topicName(), erasure.subject(), codec.encode(codec.envelope(
                    MembershipIntegrationEvents.PERSON_ERASED, erasure, UUID.randomUUID().toString(), Instant.now())))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
