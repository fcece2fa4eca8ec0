package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.icm.infrastructure.SharedInfrastructure;
import org.icm.kernel.events.Topic;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
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
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topic.DEAD_LETTERS.topicName()));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (Arrays.equals(record.value(), value)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
