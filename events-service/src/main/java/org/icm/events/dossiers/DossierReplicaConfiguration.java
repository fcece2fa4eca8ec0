package org.icm.events.dossiers;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/** The replica's Kafka consumer: String keys, CloudEvents bytes, from the earliest offset for a new group, offsets committed after each record. */
@Configuration
public class DossierReplicaConfiguration {

    /** Reads another service's topic from its beginning the first time, a record at a time: the replica's, and the erasure listener's. */
    public static final String LISTENER_FACTORY = "dossierReplicaListenerFactory";

    @Bean
    IntegrationEventCodec policyEventCodec() {
        return new IntegrationEventCodec(URI.create("/icm/events-service"), PolicyIntegrationEvents.ALL);
    }

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> dossierReplicaListenerFactory(KafkaProperties properties) {
        Map<String, Object> config = properties.buildConsumerProperties();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }
}
