package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.icm.infrastructure.SharedInfrastructure;
import org.icm.kernel.events.Topic;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.icm.testing.TopicReader;
import org.junit.jupiter.api.Test;

/** A record that cannot be handled goes to the dead-letter topic with its error, and the records after it still arrive. */
class DeadLetterTest extends NotificationTestBase {

    @Test
    void aPoisonRecordLandsInTheDeadLetterTopicWhileTheRecordsAfterItAreDelivered() {
        Person member = member();
        String dossier = dossier("Trafficking Directive", PolicyArea.TRAFFICKING, true);
        byte[] poison = ("not a cloud event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        // same key as the dossier, hence the same partition: what follows the poison must not be blocked by it
        publisher().sendRaw(Topic.POLICY.topicName(), dossier, poison);
        for (int i = 0; i < 3; i++) {
            stageChange(dossier, "Trafficking Directive", PolicyArea.TRAFFICKING, ProcedureStage.values()[i], ProcedureStage.values()[i + 1],
                    "2026-01-0" + (i + 1));
        }

        assertThat(awaitFeed(member, 3)).hasSize(3);
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(poison);
        assertThat(deadLetter.key()).isEqualTo(dossier);
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topic.POLICY.topicName());
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isNotBlank();
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(byte[] value) {
        try (TopicReader reader = new TopicReader(SharedInfrastructure.get().kafkaBootstrapServers(), Topic.DEAD_LETTERS.topicName(),
                "dead-letter-reader-")) {
            List<ConsumerRecord<String, byte[]>> found = reader.awaitRecords(Duration.ofSeconds(30), record -> Arrays.equals(record.value(), value));
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
