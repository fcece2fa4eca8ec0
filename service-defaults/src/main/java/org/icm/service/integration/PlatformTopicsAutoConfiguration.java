package org.icm.service.integration;

import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.icm.kernel.events.Topic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The platform's topics, created at start-up by every service that talks to Kafka (Spring Kafka's KafkaAdmin; nothing
 * happens when they exist), with their partitions, replication and retention said here rather than left to the
 * broker's defaults on the first send. A partition made on the fly can also refuse the idempotent producer's first batch
 * (not leader yet) while accepting the next ones, which broke one aggregate's order in a test.
 * <ul>
 *   <li>{@code icm.kafka.topics.partitions} (3): several instances of a consumer group share the work; one aggregate's
 *       events stay in order on one partition (the aggregate id is the key);</li>
 *   <li>{@code icm.kafka.topics.replication-factor} (1, one broker) and {@code icm.kafka.topics.min-insync-replicas} (1):
 *       on a cluster of three brokers, 3 and 2, so an acknowledged event survives the loss of a broker;</li>
 *   <li>{@code icm.kafka.topics.retention} (7 days): how long a consumer may be away and still catch up; notification-service
 *       keeps its idempotence records longer than this.</li>
 * </ul>
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(KafkaAdmin.class)
public class PlatformTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics platformTopics(@Value("${icm.kafka.topics.partitions:3}") int partitions,
                                        @Value("${icm.kafka.topics.replication-factor:1}") short replicationFactor,
                                        @Value("${icm.kafka.topics.min-insync-replicas:1}") int minInsyncReplicas,
                                        @Value("${icm.kafka.topics.retention:P7D}") Duration retention) {
        return new KafkaAdmin.NewTopics(Arrays.stream(Topic.values())
                .map(topic -> TopicBuilder.name(topic.topicName()).partitions(partitions).replicas(replicationFactor)
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas))
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))
                        .build())
                .toArray(NewTopic[]::new));
    }
}
