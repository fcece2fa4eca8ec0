package org.icm.events.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.events.api.EventsApiClient.strings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.policy.DossierEdited;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.net.http.HttpResponse;
import static org.awaitility.Awaitility.await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar filters by policy area through the replica of policy-service's dossiers, fed by the policy
 * topic on the real broker: the test publishes what policy-service publishes (CloudEvents from shared-kernel's
 * records) and waits for the calendar to show the meeting under the dossier's area, then under its new one.
 * A record delivered twice changes nothing.
 */
@EventsServiceTest
class DossierReplicaOnKafkaTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DossierReplica replica;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/policy-service"), PolicyIntegrationEvents.ALL);
    KafkaProducer<String, byte[]> producer;
    EventsApiClient api;

    @BeforeEach
    void connect() {
        api = new EventsApiClient(port);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void theCalendarFiltersByPolicyAreaFromThePolicyTopic() throws Exception {
        String dossier = UUID.randomUUID().toString();
        String title = "Anti-Trafficking Directive recast " + dossier.substring(0, 8);
        publish(PolicyIntegrationEvents.DOSSIER_OPENED, new DossierOpened(dossier, title, PolicyArea.TRAFFICKING, null, null));
        publish(PolicyIntegrationEvents.DOSSIER_PUBLISHED, new DossierPublished(dossier, title, PolicyArea.TRAFFICKING));

        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(30).truncatedTo(ChronoUnit.HOURS);
        String m = read(api.post("/meetings", focalPoint, """
                {"title":"Thematic meeting on trafficking","type":"THEMATIC","start":"%s","end":"%s","timeZone":"Europe/Brussels",
                 "place":"Brussels","capacity":30,"agenda":[{"title":"The recast","dossierId":"%s"}]}"""
                .formatted(start, start.plusHours(2), dossier)), "$.id");

        api.awaitGet("/calendar?policyArea=TRAFFICKING", null, response -> strings(response, "$[*].id").contains(m));
        assertThat(strings(api.get("/calendar?policyArea=ASYLUM", null), "$[*].id")).doesNotContain(m);
        assertThat(replica.find(dossier)).hasValueSatisfying(replicated -> {
            assertThat(replicated.title()).isEqualTo(title);
            assertThat(replicated.visibility()).isEqualTo("PUBLISHED");
        });

        // the dossier moves to another area: the calendar follows
        publish(PolicyIntegrationEvents.DOSSIER_EDITED, new DossierEdited(dossier, title, PolicyArea.CHILD_PROTECTION, null));
        api.awaitGet("/calendar?policyArea=CHILD_PROTECTION", null, response -> strings(response, "$[*].id").contains(m));
        assertThat(strings(api.get("/calendar?policyArea=TRAFFICKING", null), "$[*].id")).doesNotContain(m);
    }

    @Test
    void aDraftDossierNeverShowsInThePublicCalendar() throws Exception {
        String draft = UUID.randomUUID().toString();
        publish(PolicyIntegrationEvents.DOSSIER_OPENED, new DossierOpened(draft, "Draft " + draft, PolicyArea.DETENTION, null, null));
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> replica.find(draft).isPresent());

        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(31).truncatedTo(ChronoUnit.HOURS);
        String m = read(api.post("/meetings", focalPoint, """
                {"title":"Preparing a position on detention","type":"THEMATIC","start":"%s","end":"%s","timeZone":"Europe/Brussels",
                 "place":"Brussels","capacity":30,"agenda":[{"title":"Our draft","dossierId":"%s"}]}"""
                .formatted(start, start.plusHours(2), draft)), "$.id");

        HttpResponse<String> calendar = api.awaitGet("/calendar", null, response -> strings(response, "$[*].id").contains(m));
        assertThat(calendar.body()).as("the meeting is public; the draft it prepares is not").doesNotContain(draft);
        assertThat(strings(api.get("/calendar?dossier=" + draft, null), "$[*].id")).isEmpty();
        assertThat(strings(api.get("/calendar?policyArea=DETENTION", null), "$[*].id")).doesNotContain(m);

        publish(PolicyIntegrationEvents.DOSSIER_PUBLISHED, new DossierPublished(draft, "Draft " + draft, PolicyArea.DETENTION));
        api.awaitGet("/calendar?dossier=" + draft, null, response -> strings(response, "$[*].id").contains(m));
        assertThat(api.get("/calendar", null).body()).as("published now: linked").contains(draft);
    }

    @Test
    void aRedeliveredOlderRecordChangesNothing() {
        String dossier = UUID.randomUUID().toString();
        replica.apply(new DossierOpened(dossier, "Return regulation", PolicyArea.RETURN, null, null), 0, 10);
        replica.apply(new DossierPublished(dossier, "Return regulation", PolicyArea.RETURN), 0, 11);
        // at-least-once: the first record again
        replica.apply(new DossierOpened(dossier, "Return regulation", PolicyArea.RETURN, null, null), 0, 10);

        assertThat(replica.find(dossier).orElseThrow().visibility()).isEqualTo("PUBLISHED");
    }

    private <E extends IntegrationEvent> void publish(IntegrationEventType<E> type, E event) throws Exception {
        var envelope = codec.envelope(type, event, UUID.randomUUID().toString(), Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic().topicName(), event.subject(), codec.encode(envelope));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
