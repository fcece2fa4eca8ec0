package org.icm.notification.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Reads the dead-letter topic in its own consumer group and records each dead letter ({@link DeadLetterRecording}).
 * It has its own error handling: a dead letter that cannot be recorded (MongoDB away) is tried again until it can be,
 * never sent to the dead-letter topic again, which would loop.
 */
@Component
class DeadLetterListener {

    static final String ID = "dead-letters";

    private final DeadLetterRecording recording;

    DeadLetterListener(DeadLetterRecording recording) {
        this.recording = recording;
    }

    @KafkaListener(id = ID, topics = "#{T(org.icm.kernel.events.Topic).DEAD_LETTERS.topicName()}",
            groupId = "${icm.notification.dead-letter-group:notification-service-dead-letters}",
            containerFactory = "deadLetterListenerContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        recording.record(record);
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {

        @Bean
        ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterListenerContainerFactory(
                ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
            configurer.configure(factory, consumerFactory);
            factory.setBatchListener(false);
            // one record at a time, committed once recorded
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
            ExponentialBackOff patience = new ExponentialBackOff(500, 2.0);
            patience.setMaxInterval(30_000);
            factory.setCommonErrorHandler(new DefaultErrorHandler(patience));
            return factory;
        }
    }

}
