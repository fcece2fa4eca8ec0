package org.icm.policy.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.Topic;
import org.icm.kernel.events.policy.DossierArchived;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.DossierReturnedToDraft;
import org.icm.kernel.events.policy.MeasureAdded;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.events.policy.RecommendationOutcomeRecorded;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.events.policy.RecommendationStatusChanged;
import org.icm.kernel.events.policy.RightTagged;
import org.icm.kernel.events.policy.RightUntagged;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierCommand.AddMeasure;
import org.icm.policy.dossier.DossierCommand.ArchiveDossier;
import org.icm.policy.dossier.DossierCommand.CorrectProcedureStep;
import org.icm.policy.dossier.DossierCommand.DraftRecommendation;
import org.icm.policy.dossier.DossierCommand.MoveRecommendationStatus;
import org.icm.policy.dossier.DossierCommand.OpenDossier;
import org.icm.policy.dossier.DossierCommand.PublishDossier;
import org.icm.policy.dossier.DossierCommand.RecordProcedureStep;
import org.icm.policy.dossier.DossierCommand.RecordRecommendationOutcome;
import org.icm.policy.dossier.DossierCommand.ReturnDossierToDraft;
import org.icm.policy.dossier.DossierCommand.ReviseRecommendation;
import org.icm.policy.dossier.DossierCommand.TagRight;
import org.icm.policy.dossier.DossierCommand.UntagRight;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.integration.IntegrationEventPublisher;
import org.icm.service.security.Actor;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.icm.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A dossier's life, sent as commands, arrives on the policy topic as the published language: one record per
 * fact, keyed by the dossier, in the order it happened, each a CloudEvent whose id and time are those of the
 * stored domain event. The broker and database are shared by the whole test JVM, so the dossier is new and
 * only its records count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyEventsOnKafkaTest {

    static final String PACT = "Pact on Migration and Asylum";
    static final String APR = "Asylum Procedure Regulation";
    static final String APR_PROCEDURE = "2016/0224(COD)";

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @LocalServerPort
    int port;

    final Actor focalPoint = new Actor(AccountId.random(), OrganisationId.random(), Set.of(Role.FOCAL_POINT));
    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/policy-service"), PolicyIntegrationEvents.ALL);
    final LocalDate today = LocalDate.now();
    TopicReader topic;

    @BeforeEach
    void subscribe() {
        topic = new TopicReader(bootstrapServers, Topic.POLICY.topicName(), "policy-events-test-");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void anEventGoesOnWithTheTraceOfTheRequestThatCausedIt() {
        // the gateway's call, in the trace of a focal point's click (W3C Trace Context)
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String caller = "00-" + traceId + "-b7ad6b7169203331-01";
        String token = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        HttpResponse<String> opened = new ApiClient(port).send("POST", "/dossiers", token,
                "{\"title\":\"Return regulation\",\"policyArea\":\"RETURN\"}", Map.of("traceparent", caller));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String d = ApiClient.read(opened, "$.id");

        // the stored event kept the request's trace, and the outbox publisher went on with it into the CloudEvent
        CloudEvent envelope = codec.decode(topic.recordsFor(d, 1).getFirst().value());
        String published = String.valueOf(envelope.getExtension("traceparent"));
        assertThat(published).startsWith("00-" + traceId + "-").isNotEqualTo(caller);
        assertThat(IntegrationEventCodec.trace(envelope)).containsEntry("traceparent", published);
    }

    @Test
    void aDossiersLifeIsPublishedInOrderAsThePublishedLanguage() {
        String d = UUID.randomUUID().toString();
        String organisation = focalPoint.organisation().toString();
        send(new OpenDossier(d, PACT, PolicyArea.ASYLUM, "The 2024 reform of the EU asylum system", organisation), null);
        send(new AddMeasure(d, null, "m-1", APR, MeasureType.REGULATION, APR_PROCEDURE, null, null, null), null);
        send(step(d, "s-1", ProcedureStage.PROPOSAL_ADOPTED, LocalDate.of(2016, 7, 13)), null);
        send(step(d, "s-2", ProcedureStage.TRILOGUE, LocalDate.of(2023, 12, 20)), null);
        // an earlier step completes the history; the current stage stays TRILOGUE: nothing to publish
        send(step(d, "s-0", ProcedureStage.ANNOUNCED, LocalDate.of(2016, 1, 15)), null);
        send(new CorrectProcedureStep(d, null, "m-1", "s-2", ProcedureStage.PROVISIONAL_AGREEMENT, LocalDate.of(2023, 12, 20), null, null,
                "the Council and Parliament reached the provisional agreement that day", today), "recorded as trilogue by mistake");
        send(new TagRight(d, null, "UNCRC-3", "border procedures must weigh the child's best interests"), null);
        send(new UntagRight(d, null, "UNCRC-3"), "tagged on the wrong dossier");
        // a draft recommendation stays private until revised, moved or published
        send(new DraftRecommendation(d, null, "r-1", "Exempt children from border procedures",
                Set.of(Addressee.COUNCIL, Addressee.EUROPEAN_PARLIAMENT), List.of("m-1")), null);
        send(new ReviseRecommendation(d, null, "r-1", "Exempt all children from border procedures"), null);
        send(new MoveRecommendationStatus(d, null, "r-1", RecommendationStatus.IN_REVIEW), null);
        send(new MoveRecommendationStatus(d, null, "r-1", RecommendationStatus.ADOPTED), null);
        send(new MoveRecommendationStatus(d, null, "r-1", RecommendationStatus.PUBLISHED), null);
        send(new RecordRecommendationOutcome(d, null, "r-1", Outcome.PARTIALLY_ADDRESSED, "Article 53 APR exempts unaccompanied children"), null);
        send(new PublishDossier(d, null), null);
        send(new ReturnDossierToDraft(d, null), null);
        send(new ArchiveDossier(d, null), null);

        List<ConsumerRecord<String, byte[]>> records = topic.recordsFor(d, 16);

        assertThat(records).allSatisfy(record -> assertThat(new String(record.headers().lastHeader("content-type").value(),
                StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json"));
        List<CloudEvent> envelopes = records.stream().map(record -> codec.decode(record.value())).toList();
        assertThat(envelopes).allSatisfy(envelope -> {
            assertThat(envelope.getSource()).isEqualTo(URI.create("/icm/policy-service"));
            assertThat(envelope.getSubject()).isEqualTo(d);
            assertThat(envelope.getDataContentType()).isEqualTo("application/json");
        });
        assertThat(envelopes).extracting(CloudEvent::getType).containsExactly(
                "org.icm.policy.DossierOpened.v1",
                "org.icm.policy.MeasureAdded.v1",
                "org.icm.policy.MeasureStageChanged.v1",
                "org.icm.policy.MeasureStageChanged.v1",
                "org.icm.policy.MeasureStageChanged.v1",
                "org.icm.policy.RightTagged.v1",
                "org.icm.policy.RightUntagged.v1",
                "org.icm.policy.RecommendationRevised.v1",
                "org.icm.policy.RecommendationStatusChanged.v1",
                "org.icm.policy.RecommendationStatusChanged.v1",
                "org.icm.policy.RecommendationStatusChanged.v1",
                "org.icm.policy.RecommendationPublished.v1",
                "org.icm.policy.RecommendationOutcomeRecorded.v1",
                "org.icm.policy.DossierPublished.v1",
                "org.icm.policy.DossierReturnedToDraft.v1",
                "org.icm.policy.DossierArchived.v1");

        List<IntegrationEvent> payloads = envelopes.stream().map(envelope -> codec.payload(envelope).orElseThrow()).toList();
        assertThat(payloads).containsExactly(
                new DossierOpened(d, PACT, PolicyArea.ASYLUM, "The 2024 reform of the EU asylum system", organisation),
                new MeasureAdded(d, PACT, PolicyArea.ASYLUM, "m-1", APR, MeasureType.REGULATION, APR_PROCEDURE),
                new MeasureStageChanged(d, PACT, PolicyArea.ASYLUM, "m-1", APR, APR_PROCEDURE,
                        null, ProcedureStage.PROPOSAL_ADOPTED, LocalDate.of(2016, 7, 13), false),
                new MeasureStageChanged(d, PACT, PolicyArea.ASYLUM, "m-1", APR, APR_PROCEDURE,
                        ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.TRILOGUE, LocalDate.of(2023, 12, 20), false),
                new MeasureStageChanged(d, PACT, PolicyArea.ASYLUM, "m-1", APR, APR_PROCEDURE,
                        ProcedureStage.TRILOGUE, ProcedureStage.PROVISIONAL_AGREEMENT, LocalDate.of(2023, 12, 20), true),
                new RightTagged(d, PACT, PolicyArea.ASYLUM, "UNCRC-3", "border procedures must weigh the child's best interests"),
                new RightUntagged(d, PACT, PolicyArea.ASYLUM, "UNCRC-3"),
                new RecommendationRevised(d, PACT, PolicyArea.ASYLUM, "r-1", 2, "Exempt all children from border procedures", "DRAFT"),
                new RecommendationStatusChanged(d, PACT, PolicyArea.ASYLUM, "r-1", "DRAFT", "IN_REVIEW"),
                new RecommendationStatusChanged(d, PACT, PolicyArea.ASYLUM, "r-1", "IN_REVIEW", "ADOPTED"),
                new RecommendationStatusChanged(d, PACT, PolicyArea.ASYLUM, "r-1", "ADOPTED", "PUBLISHED"),
                new RecommendationPublished(d, PACT, PolicyArea.ASYLUM, "r-1", 2, "Exempt all children from border procedures",
                        List.of("EUROPEAN_PARLIAMENT", "COUNCIL"), List.of("m-1")),
                new RecommendationOutcomeRecorded(d, PACT, PolicyArea.ASYLUM, "r-1", "PARTIALLY_ADDRESSED",
                        "Article 53 APR exempts unaccompanied children"),
                new DossierPublished(d, PACT, PolicyArea.ASYLUM),
                new DossierReturnedToDraft(d, PACT, PolicyArea.ASYLUM),
                new DossierArchived(d, PACT, PolicyArea.ASYLUM));

        // ids and times are the stored domain events': the correction's, and the move to PUBLISHED twice
        List<DomainEventMessage<?>> stored = eventStore.readEvents(d, 0).asStream().<DomainEventMessage<?>>map(message -> message).toList();
        DomainEventMessage<?> correction = storedOf(stored, DossierEvent.ProcedureStepCorrected.class, 0);
        DomainEventMessage<?> publication = storedOf(stored, DossierEvent.RecommendationStatusChanged.class, 2);
        assertThat(envelopes.get(4).getId()).isEqualTo(correction.getIdentifier());
        assertThat(envelopes.get(4).getTime().toInstant()).isEqualTo(correction.getTimestamp());
        assertThat(envelopes.get(10).getId()).isEqualTo(publication.getIdentifier());
        assertThat(envelopes.get(11).getId()).isEqualTo(publication.getIdentifier() + "#1");
        assertThat(envelopes.get(11).getTime().toInstant()).isEqualTo(publication.getTimestamp());
        assertThat(envelopes).extracting(CloudEvent::getId).doesNotHaveDuplicates();

        // the publisher's position is a durable token in the service's MongoDB database
        assertThat(mongo.getCollection("trackingtokens")
                .countDocuments(new Document("processorName", IntegrationEventPublisher.PROCESSING_GROUP))).isPositive();
    }

    @Test
    void dossiersArePublishedIndependentlyEachUnderItsOwnKey() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(new OpenDossier(first, "Return regulation", PolicyArea.RETURN, null, null), null);
        send(new OpenDossier(second, "Anti-Trafficking Directive recast", PolicyArea.TRAFFICKING, null, null), null);
        send(new PublishDossier(first, null), null);

        assertThat(topic.recordsFor(first, 2)).extracting(record -> codec.payload(codec.decode(record.value())).orElseThrow()).containsExactly(
                new DossierOpened(first, "Return regulation", PolicyArea.RETURN, null, null),
                new DossierPublished(first, "Return regulation", PolicyArea.RETURN));
    }

    private RecordProcedureStep step(String dossierId, String stepId, ProcedureStage stage, LocalDate effectiveDate) {
        return new RecordProcedureStep(dossierId, null, "m-1", stepId, stage, effectiveDate, null, null, today);
    }

    private static DomainEventMessage<?> storedOf(List<DomainEventMessage<?>> stored, Class<?> payloadType, int occurrence) {
        return stored.stream().filter(message -> payloadType.isInstance(message.getPayload())).skip(occurrence).findFirst().orElseThrow();
    }

    private void send(Object command, String reason) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(focalPoint, reason)));
    }
}
