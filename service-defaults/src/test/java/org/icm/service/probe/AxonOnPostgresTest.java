package org.icm.service.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.security.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** An aggregate's events go to PostgreSQL, with who and why, and the aggregate is rebuilt from them. */
@SpringBootTest
class AxonOnPostgresTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;

    final Actor focalPoint = new Actor(AccountId.random(), OrganisationId.random(), Set.of(Role.FOCAL_POINT));

    @Test
    void eventsAreAppendedToPostgresWithAuditMetadataAndTheAggregateIsRebuiltFromThem() {
        String id = UUID.randomUUID().toString();
        send(new Tally.OpenTally(id, "dossiers opened"), "first count of the year");
        int after1 = send(new Tally.CountUp(id, 2), null);
        int after2 = send(new Tally.CountUp(id, 3), null);

        // each command loaded the aggregate from the store: its total is the fold of the stored events
        assertThat(after1).isEqualTo(2);
        assertThat(after2).isEqualTo(5);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select sequence_number, payload_type, payload_revision, convert_from(payload, 'UTF8') as payload,"
                        + " convert_from(meta_data, 'UTF8') as meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number", id);
        assertThat(rows).extracting(row -> row.get("sequence_number")).containsExactly(0L, 1L, 2L);
        assertThat(rows.getFirst().get("payload_type")).isEqualTo(Tally.TallyOpened.class.getName());
        assertThat(rows.getFirst().get("payload_revision")).isEqualTo("1");
        assertThat((String) rows.getFirst().get("payload")).contains("\"name\":\"dossiers opened\"");
        assertThat((String) rows.getFirst().get("meta_data"))
                .contains("\"account\":\"" + focalPoint.account() + "\"")
                .contains("\"organisation\":\"" + focalPoint.organisation() + "\"")
                .contains("\"reason\":\"first count of the year\"");
        assertThat((String) rows.get(2).get("payload")).contains("\"total\":5");

        List<Object> replayed = eventStore.readEvents(id).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
        assertThat(replayed).containsExactly(
                new Tally.TallyOpened(id, "dossiers opened"),
                new Tally.TallyCounted(id, 2, 2),
                new Tally.TallyCounted(id, 3, 5));
    }

    @Test
    void aConcurrentAppendAtATakenSequenceNumberIsRejected() {
        String id = UUID.randomUUID().toString();
        send(new Tally.OpenTally(id, "concurrency"), null);
        send(new Tally.CountUp(id, 1), null);

        // a second writer that loaded the aggregate at sequence 0 tries to append its own event 1
        var stale = new GenericDomainEventMessage<>("Tally", id, 1, new Tally.TallyCounted(id, 7, 7));
        Throwable failure = catchThrowable(() -> {
            var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
                eventStore.publish(stale);
                return null;
            });
            if (result.isExceptional()) {
                throw result.exceptionResult();
            }
        });

        assertThat(failure).isInstanceOf(ConcurrencyException.class);
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(2);
        assertThat(send(new Tally.CountUp(id, 1), null)).isEqualTo(2);
    }

    @Test
    void aProjectionKeepsItsReadModelAndItsTokenInMongo() {
        String id = UUID.randomUUID().toString();
        send(new Tally.OpenTally(id, "projected"), null);
        send(new Tally.CountUp(id, 4), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document tally = mongo.getCollection("tallies").find(new Document("_id", id)).first();
            assertThat(tally).isNotNull();
            assertThat(tally.getInteger("total")).isEqualTo(4);
        });
        assertThat(mongo.getCollection("trackingtokens").countDocuments(new Document("processorName", "tally-projection"))).isPositive();
    }

    @Test
    void anEventWhoseHandlerFailedIsRetriedNotSkipped() {
        String id = UUID.randomUUID().toString();
        send(new Tally.OpenTally(id, "retried"), null);
        TallyProjection.FAIL_NEXT_COUNT.add(id);
        send(new Tally.CountUp(id, 3), null);

        // Axon's default would log the failure and move the token past the count: the total would never show
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document tally = mongo.getCollection("tallies").find(new Document("_id", id)).first();
            assertThat(tally).isNotNull();
            assertThat(tally.getInteger("total")).isEqualTo(3);
        });
        assertThat(TallyProjection.FAIL_NEXT_COUNT).doesNotContain(id);
    }

    private int send(Object command, String reason) {
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(focalPoint, reason)));
        return result instanceof Integer total ? total : 0;
    }
}
