package org.icm.notification.consumption;

import io.cloudevents.core.format.EventDeserializationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;
import org.icm.kernel.events.calendar.CalendarIntegrationEvents;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * How records are consumed: bounded retries with a growing back-off for a record that fails, then the record goes to
 * {@link Topic#DEAD_LETTERS} with the error in its headers and its offset is committed, so one poison record never
 * blocks its partition. Records that can never be read (not a CloudEvent, unreadable data) skip the retries.
 */
@Configuration
public class KafkaConsumption {

    @Bean
    IntegrationEventCodec integrationEventCodec(PersonalDataKeys keys) {
        List<IntegrationEventType<?>> known = new ArrayList<>();
        known.addAll(MembershipIntegrationEvents.ALL);
        known.addAll(PolicyIntegrationEvents.ALL);
        known.addAll(CalendarIntegrationEvents.ALL);
        // membership's events carry people's addresses sealed with their keys: opened here, or read as erased
        return new IntegrationEventCodec(URI.create("/icm/notification-service"), known, keys);
    }

    /** Dead letters keep the original bytes: String keys, byte[] values, acknowledged by every replica. */
    @Bean(defaultCandidate = false)
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> deadLetterKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    @Bean
    DefaultErrorHandler integrationEventErrorHandler(@org.springframework.beans.factory.annotation.Qualifier("deadLetterKafkaTemplate")
                                                     KafkaTemplate<String, byte[]> deadLetters,
                                                     @Value("${icm.notification.consumer-retries:4}") int retries,
                                                     @Value("${icm.notification.consumer-backoff:200ms}") java.time.Duration backoff) {
        // a negative partition lets the producer choose: the dead-letter topic need not mirror every source's partitions
        var deadLetterPublisher = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(Topic.DEAD_LETTERS.topicName(), -1));
        // the focal points' dead-letter page shows what went wrong with the record, not the wrapper that named it
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) ->
                deadLetterPublisher.accept(record, consumer, whatWentWrong(exception));
        var backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(backoff.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(backoff.toMillis() * 8);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventDeserializationException.class, IllegalArgumentException.class);
        return handler;
    }

    /**
     * The batch listener names the failed record with a {@link BatchListenerFailedException}, which Spring Kafka may wrap
     * in a {@link ListenerExecutionFailedException}: the cause inside both is what went wrong.
     */
    static Exception whatWentWrong(Exception exception) {
        Throwable failure = exception;
        while ((failure instanceof BatchListenerFailedException || failure instanceof ListenerExecutionFailedException)
                && failure.getCause() instanceof Exception cause) {
            failure = cause;
        }
        return (Exception) failure;
    }
}
