package org.icm.service.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.Topic;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.integration.IntegrationEventPublisher;
import org.icm.service.security.Actor;
import org.icm.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The outbox publisher on the real broker: what it sends, how, and that a refused send is retried, never skipped. */
@SpringBootTest
class IntegrationEventPublisherTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TallyIntegrationEvents mapper;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    final Actor focalPoint = new Actor(AccountId.random(), OrganisationId.random(), Set.of(Role.FOCAL_POINT));
    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/probe-service"),
            List.of(TallyIntegrationEvents.STARTED, TallyIntegrationEvents.REACHED));
    TopicReader topic;

    @BeforeEach
    void subscribe() {
        topic = new TopicReader(bootstrapServers, Topic.EVENTS.topicName(), "probe-test-");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void eachMappedEventIsAStructuredCloudEventKeyedByItsSubjectWithAnIdAndTimeFromTheStoredEvent() {
        String id = UUID.randomUUID().toString();
        send(new Tally.OpenTally(id, "published"));
        send(new Tally.CountUp(id, 3));
        List<DomainEventMessage<?>> stored = eventStore.readEvents(id).asStream().<DomainEventMessage<?>>map(m -> m).toList();

        // delivery is at least once: a batch that shares a segment with another test's refused send may be sent
        // again, with the same ids; consumers drop those duplicates by id, and so does this check
        List<ConsumerRecord<String, byte[]>> records = topic.distinctFor(id, 3, Duration.ofSeconds(90),
                record -> codec.decode(record.value()).getId());

        assertThat(records).hasSize(3).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(id);
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
        });
        List<CloudEvent> envelopes = records.stream().map(record -> codec.decode(record.value())).toList();
        assertThat(envelopes).extracting(CloudEvent::getId).containsExactly(
                stored.get(0).getIdentifier(), stored.get(0).getIdentifier() + "#1", stored.get(1).getIdentifier());
        assertThat(envelopes).extracting(CloudEvent::getType)
                .containsExactly("org.icm.probe.TallyStarted.v1", "org.icm.probe.TallyReached.v1", "org.icm.probe.TallyReached.v1");
        assertThat(envelopes).extracting(envelope -> envelope.getTime().toInstant())
                .containsExactly(stored.get(0).getTimestamp(), stored.get(0).getTimestamp(), stored.get(1).getTimestamp());
        assertThat(envelopes).allSatisfy(envelope -> {
            assertThat(envelope.getSource()).isEqualTo(URI.create("/icm/probe-service"));
            assertThat(envelope.getSubject()).isEqualTo(id);
        });
        assertThat(envelopes).extracting(envelope -> codec.payload(envelope).orElseThrow()).containsExactly(
                new TallyIntegrationEvents.TallyStarted(id, "published"),
                new TallyIntegrationEvents.TallyReached(id, 0, ""),
                new TallyIntegrationEvents.TallyReached(id, 3, ""));
        assertThat(mongo.getCollection("trackingtokens")
                .countDocuments(new Document("processorName", IntegrationEventPublisher.PROCESSING_GROUP))).isPositive();
        // woken on arrival by the one watcher the service's pooled processors share, not by one of its own
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName).filteredOn(name -> name.startsWith("EventArrivalWatcher"))
                .containsExactly("EventArrivalWatcher[eventsOnArrival]");
    }

    @Test
    void aSendTheBrokerRefusesIsRetriedUntilAcknowledgedAndNothingAfterItOvertakesIt() {
        String id = UUID.randomUUID().toString();
        send(new Tally.OpenTally(id, "flaky tally"));
        send(new Tally.CountUp(id, 2));
        String opened = eventStore.readEvents(id).asStream().findFirst().orElseThrow().getIdentifier();

        // each failed attempt sent "started" and then failed on the oversized "reached 0": the batch was
        // rolled back and handled again, so "started" arrives once per attempt, always with the same id
        List<ConsumerRecord<String, byte[]>> records = topic.recordsFor(id, TallyIntegrationEvents.FLAKY_FAILURES + 3, Duration.ofSeconds(90));

        List<CloudEvent> envelopes = records.stream().map(record -> codec.decode(record.value())).toList();
        assertThat(mapper.attempts.get(opened)).hasValueGreaterThan(TallyIntegrationEvents.FLAKY_FAILURES);
        assertThat(envelopes).extracting(CloudEvent::getType).containsExactly(
                "org.icm.probe.TallyStarted.v1", "org.icm.probe.TallyStarted.v1", "org.icm.probe.TallyStarted.v1",
                "org.icm.probe.TallyReached.v1", "org.icm.probe.TallyReached.v1");
        assertThat(envelopes).extracting(CloudEvent::getId).startsWith(opened, opened, opened, opened + "#1");
        assertThat(envelopes).extracting(envelope -> codec.payload(envelope).orElseThrow()).endsWith(
                new TallyIntegrationEvents.TallyReached(id, 0, ""),
                new TallyIntegrationEvents.TallyReached(id, 2, ""));
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(focalPoint, null)));
    }
}
