package org.icm.events.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.events.api.EventsApiClient.strings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import org.bson.Document;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.events.api.EventsApiClient;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.policy.DossierEdited;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.net.http.HttpResponse;
import static org.awaitility.Awaitility.await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The calendar filters by policy area through the replica of policy-service's dossiers, fed by the policy
 * topic on the real broker: the test publishes what policy-service publishes (CloudEvents from shared-kernel's
 * records) and waits for the calendar to show the meeting under the dossier's area, then under its new one.
 * A record delivered twice changes nothing. National facts (NationalImplementationRecorded) tell the replica which
 * countries each dossier has them for, and the calendar filters by country through it.
 */
@EventsServiceTest
class DossierReplicaOnKafkaTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    DossierReplica replica;
    @Autowired
    MongoTemplate mongo;
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

    @Test
    void theCalendarFiltersByCountryFromTheNationalFactsOnThePolicyTopic() throws Exception {
        String dossier = UUID.randomUUID().toString();
        String title = "Reception Conditions Directive (recast) " + dossier.substring(0, 8);
        publish(PolicyIntegrationEvents.DOSSIER_OPENED, new DossierOpened(dossier, title, PolicyArea.RECEPTION, null, null));
        publish(PolicyIntegrationEvents.DOSSIER_PUBLISHED, new DossierPublished(dossier, title, PolicyArea.RECEPTION));
        publish(PolicyIntegrationEvents.NATIONAL_IMPLEMENTATION_RECORDED, transpositionDeclared(dossier, title, "GR"));

        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(32).truncatedTo(ChronoUnit.HOURS);
        String hearing = read(api.post("/eu-events", focalPoint, """
                {"institution":"EUROPEAN_PARLIAMENT","title":"LIBE hearing on reception","start":"%s","timeZone":"Europe/Brussels",
                 "link":"https://www.europarl.europa.eu/libe","dossierIds":["%s"]}""".formatted(start, dossier)), "$.id");
        String evaluation = read(api.post("/consultations", focalPoint, """
                {"type":"FEEDBACK_ON_PROPOSAL","directorateGeneral":"HOME","title":"Evaluation of the reception directive",
                 "link":"https://ec.europa.eu/r","opensAt":"%s","closesAt":"%s","dossierId":"%s"}"""
                .formatted(clock.instant(), start.plusDays(3).atZone(ZoneId.of("Europe/Brussels")).toInstant(), dossier)), "$.id");
        String unlinked = read(api.post("/eu-events", focalPoint, """
                {"institution":"COUNCIL_OF_THE_EU","title":"Justice and Home Affairs Council","start":"%s","timeZone":"Europe/Brussels",
                 "link":"https://www.consilium.europa.eu/jha"}""".formatted(start.plusDays(1))), "$.id");

        api.awaitGet("/calendar?country=GR", null, response -> strings(response, "$[*].id").containsAll(java.util.List.of(hearing, evaluation)));
        assertThat(strings(api.get("/calendar?country=GR", null), "$[*].id")).as("linked to no dossier").doesNotContain(unlinked);
        assertThat(strings(api.get("/calendar?country=FR", null), "$[*].id")).as("no French facts on the dossier")
                .doesNotContain(hearing, evaluation, unlinked);
        assertThat(strings(api.get("/calendar?country=GR&policyArea=RECEPTION", null), "$[*].id")).contains(hearing, evaluation);
        assertThat(strings(api.get("/calendar?country=GR&policyArea=ASYLUM", null), "$[*].id")).doesNotContain(hearing, evaluation);
        assertThat(strings(api.get("/calendar", null), "$[*].id")).as("unfiltered: all three").contains(hearing, evaluation, unlinked);

        // an edit of the dossier afterwards keeps its countries
        publish(PolicyIntegrationEvents.DOSSIER_EDITED, new DossierEdited(dossier, title, PolicyArea.RECEPTION, null));
        publish(PolicyIntegrationEvents.NATIONAL_IMPLEMENTATION_RECORDED, transpositionDeclared(dossier, title, "FR"));
        api.awaitGet("/calendar?country=FR", null, response -> strings(response, "$[*].id").contains(hearing));
        assertThat(strings(api.get("/calendar?country=GR", null), "$[*].id")).contains(hearing, evaluation);
    }

    @Test
    void aCountryThatIsNoIsoCodeIsRefusedNamingTheFilter() {
        HttpResponse<String> refused = api.get("/calendar?country=EL", null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("country");
        assertThat(strings(refused, "$.errors[*].reason")).containsExactly("'EL' is not an ISO 3166-1 alpha-2 country code such as GR");
    }

    @Test
    void theCountriesOfADossierAreRebuiltByReadingItsEventsAgainAndADocumentWrittenBeforeHasNone() {
        String dossier = UUID.randomUUID().toString();
        Runnable events = () -> {
            replica.apply(new DossierOpened(dossier, "Reception Conditions Directive", PolicyArea.RECEPTION, null, null), 0, 20);
            replica.apply(new DossierPublished(dossier, "Reception Conditions Directive", PolicyArea.RECEPTION), 0, 21);
            replica.apply(transpositionDeclared(dossier, "Reception Conditions Directive", "PT"), 0, 22);
            replica.apply(transpositionDeclared(dossier, "Reception Conditions Directive", "GR"), 0, 23);
            replica.apply(new DossierEdited(dossier, "Reception Conditions Directive (recast)", PolicyArea.RECEPTION, null), 0, 24);
            // at-least-once: a fact again
            replica.apply(transpositionDeclared(dossier, "Reception Conditions Directive", "PT"), 0, 22);
        };
        events.run();
        DossierReplica.ReplicatedDossier built = replica.find(dossier).orElseThrow();
        assertThat(built.countries()).containsExactly("GR", "PT");
        assertThat(built.title()).isEqualTo("Reception Conditions Directive (recast)");
        assertThat(replica.idsWithNationalFactsIn("GR")).contains(dossier);

        // the replica read again from the topic's beginning into an empty collection
        mongo.getCollection(DossierReplica.COLLECTION).deleteOne(new Document("_id", dossier));
        events.run();
        assertThat(replica.find(dossier)).hasValue(built);

        // as the replica wrote it before it kept countries
        String older = UUID.randomUUID().toString();
        mongo.getCollection(DossierReplica.COLLECTION).insertOne(new Document("_id", older).append("title", "Return regulation")
                .append("policyArea", "RETURN").append("visibility", "PUBLISHED").append("archived", false)
                .append("partition", 1).append("offset", 7L));
        assertThat(replica.find(older).orElseThrow().countries()).isEmpty();
        assertThat(replica.idsWithNationalFactsIn("GR")).doesNotContain(older);
        replica.apply(transpositionDeclared(older, "Return regulation", "GR"), 1, 8);
        assertThat(replica.find(older).orElseThrow().countries()).containsExactly("GR");
    }

    /** What policy-service publishes when a member state's transposition status of the dossier's directive is declared. */
    private static NationalImplementationRecorded transpositionDeclared(String dossier, String title, String country) {
        return new NationalImplementationRecorded(dossier, title, PolicyArea.RECEPTION, "m-" + dossier, "Directive 2024/1346",
                MeasureType.DIRECTIVE, country, NationalImplementationRecorded.Fact.TRANSPOSITION_STATUS, null, null, null, null, null,
                TranspositionStatus.PARTIAL, null, LocalDate.parse("2026-06-12"), LocalDate.parse("2026-06-12"), "org-" + country, false);
    }

    private <E extends IntegrationEvent> void publish(IntegrationEventType<E> type, E event) throws Exception {
        var envelope = codec.envelope(type, event, UUID.randomUUID().toString(), Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic().topicName(), event.subject(), codec.encode(envelope));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
