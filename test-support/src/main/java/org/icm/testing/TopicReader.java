package org.icm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, as a consumer group of its own, and keeps every record it has read (keys as
 * strings, values as the bytes of the structured CloudEvents), so a test can wait for the records it expects.
 * Close it after the test.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    /** A reader of {@code topic} in a new consumer group named {@code groupPrefix} and a random UUID. */
    public TopicReader(String bootstrapServers, String topic, String groupPrefix) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits up to 60 seconds for this many records with the key, then a little longer to be sure no more come. */
    public List<ConsumerRecord<String, byte[]>> recordsFor(String key, int expected) {
        return recordsFor(key, expected, Duration.ofSeconds(60));
    }

    /** Waits up to {@code atMost} for this many records with the key, then a little longer to be sure no more come. */
    public List<ConsumerRecord<String, byte[]>> recordsFor(String key, int expected, Duration atMost) {
        await().atMost(atMost).pollDelay(Duration.ZERO).untilAsserted(() -> {
            poll(POLL);
            assertThat(withKey(key)).hasSizeGreaterThanOrEqualTo(expected);
        });
        poll(SETTLE);
        assertThat(withKey(key)).hasSize(expected);
        return withKey(key);
    }

    /**
     * At-least-once delivery: waits up to {@code atMost} until the records with the key carry this many distinct ids
     * (as a consumer that drops duplicates sees them), then a little longer; answers the first record of each id.
     */
    public List<ConsumerRecord<String, byte[]>> distinctFor(String key, int expected, Duration atMost,
                                                           Function<ConsumerRecord<String, byte[]>, String> id) {
        await().atMost(atMost).pollDelay(Duration.ZERO).untilAsserted(() -> {
            poll(POLL);
            assertThat(distinct(withKey(key), id)).hasSizeGreaterThanOrEqualTo(expected);
        });
        poll(SETTLE);
        List<ConsumerRecord<String, byte[]>> distinct = distinct(withKey(key), id);
        assertThat(distinct).hasSize(expected);
        return distinct;
    }

    private static List<ConsumerRecord<String, byte[]>> distinct(List<ConsumerRecord<String, byte[]>> records,
                                                                Function<ConsumerRecord<String, byte[]>, String> id) {
        Set<String> ids = new HashSet<>();
        return records.stream().filter(record -> ids.add(id.apply(record))).toList();
    }

    /** Reads until a record read so far matches, for {@code atMost} at most; answers every record read so far that does. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Duration atMost, Predicate<ConsumerRecord<String, byte[]>> condition) {
        await().atMost(atMost).until(() -> {
            poll(POLL);
            return seen.stream().anyMatch(condition);
        });
        return seen.stream().filter(condition).toList();
    }

    /** The records with this key read so far, in the order read. */
    public List<ConsumerRecord<String, byte[]>> withKey(String key) {
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
