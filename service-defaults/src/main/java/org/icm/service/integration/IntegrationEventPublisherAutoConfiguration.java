package org.icm.service.integration;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.Topic;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.service.axon.AxonPostgresAutoConfiguration;
import org.icm.service.tracing.TraceContexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Publishes a service's integration events through the event-store-as-outbox design (ARCHITECTURE.md),
 * for every service that has Axon, Kafka and an {@link IntegrationEventMapper} bean:
 * <ul>
 *   <li>{@link IntegrationEventPublisher} is the only handler of the processing group
 *       {@value IntegrationEventPublisher#PROCESSING_GROUP}, a pooled streaming processor on the event store
 *       ({@code icm.integration.processor=tracking}: a tracking one) whose tokens live in the service's
 *       {@code TokenStore} (MongoDB). A new processor starts at the
 *       beginning of the store, so every stored event is published once the service first runs with it.
 *       Its segments follow Axon's default sequencing policy (per aggregate), so one aggregate's events are
 *       sent one after the other, in the order they were stored, while several instances share the work.</li>
 *   <li>Its own Kafka template: String keys, byte[] values (the structured CloudEvent), {@code acks=all} and
 *       idempotence set here rather than trusted to configuration, on the connection the service's
 *       producer factory has (bootstrap servers, TLS).</li>
 * </ul>
 * Properties: {@code icm.integration.source} (the CloudEvents source, {@code /icm/<spring.application.name>}
 * unless set), {@code icm.integration.send-timeout} (how long to wait for the broker's acknowledgements of a
 * batch, 30s unless set), {@code icm.integration.batch-size} (events per batch, 50 unless set) and
 * {@code icm.integration.wake-on-arrival} (true unless set: the pooled processor is called back when events arrive,
 * {@link WakingEventSource}; false: it looks for new events every 500 ms when idle, which batches more events per Kafka
 * request and token write but adds a quarter of a second to every event on average).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, AxonPostgresAutoConfiguration.class})
@ConditionalOnClass({EventStore.class, ConfigurerModule.class, KafkaTemplate.class})
@ConditionalOnBean({IntegrationEventMapper.class, ProducerFactory.class})
public class IntegrationEventPublisherAutoConfiguration {

    static final String KAFKA_TEMPLATE = "integrationEventKafkaTemplate";
    static final int INITIAL_SEGMENTS = 4;
    /** Events per batch: one token update and one wait for the broker per batch ({@code icm.integration.batch-size}). */
    static final int DEFAULT_BATCH_SIZE = 50;

    /**
     * Not a default candidate, so it neither replaces nor competes with Spring Boot's own {@code KafkaTemplate}
     * for anyone who asks for a template by type; the producer it makes is closed with it.
     */
    @Bean(name = KAFKA_TEMPLATE, defaultCandidate = false)
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> integrationEventKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
        return new KafkaTemplate<>((ProducerFactory<String, byte[]>) producerFactory, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    @Bean
    IntegrationEventPublisher integrationEventPublisher(IntegrationEventMapper mapper,
                                                        @Qualifier(KAFKA_TEMPLATE) KafkaTemplate<String, byte[]> kafka,
                                                        PersonalDataKeys keys, Environment environment,
                                                        ObjectProvider<TraceContexts> traces) {
        URI source = URI.create(environment.getProperty("icm.integration.source",
                "/icm/" + environment.getProperty("spring.application.name", "unnamed-service")));
        Duration sendTimeout = environment.getProperty("icm.integration.send-timeout", Duration.class, Duration.ofSeconds(30));
        // publishing only writes envelopes (personal values sealed); it needs no types to read them back
        return new IntegrationEventPublisher(mapper, kafka, new IntegrationEventCodec(source, List.of(), keys), sendTimeout,
                traces.getObject());
    }

    /**
     * The publisher's processor, and why its errors are propagated: Axon's default
     * {@code ListenerInvocationErrorHandler} is the {@code LoggingErrorHandler}, which logs a handler's
     * exception and lets the processor move its token past the event: an event Kafka did not acknowledge
     * would be lost to every other service. With the {@link PropagatingErrorHandler} for the handler and for
     * the processor, a failed send rolls the batch back, the token stays where it was, and the processor
     * retries the same events with a growing back-off until Kafka takes them. The price is that one event
     * that can never be sent stops this processor (only this one; projections keep going): a loud failure
     * that an operator fixes, rather than a silent gap in what other services know.
     */
    @Bean
    ConfigurerModule integrationEventPublisherProcessor(Environment environment, ObjectProvider<WakingEventSource> eventsOnArrival) {
        int batchSize = environment.getProperty("icm.integration.batch-size", Integer.class, DEFAULT_BATCH_SIZE);
        boolean pooled = !"tracking".equals(environment.getProperty("icm.integration.processor", "pooled"));
        // on unless set: a notification reaches a member's feed in tens of milliseconds instead of after the look's
        // 250 ms average; at 50 events/s, once the JIT has warmed, the per-event batches it makes cost less than the look
        // saves, p99 included (NotificationLatencyBenchmark, benchmarks/README.md)
        boolean wakeOnArrival = environment.getProperty("icm.integration.wake-on-arrival", Boolean.class, true);
        // the same watcher as the read models' (AxonPostgresAutoConfiguration), taken when the processor is built
        Function<Configuration, StreamableMessageSource<TrackedEventMessage<?>>> source =
                wakeOnArrival ? configuration -> eventsOnArrival.getObject() : Configuration::eventStore;
        return configurer -> configure(configurer.eventProcessing(), batchSize, pooled, source);
    }

    static void configure(EventProcessingConfigurer processing, int batchSize, boolean pooled,
                          Function<Configuration, StreamableMessageSource<TrackedEventMessage<?>>> source) {
        // A pooled processor unless icm.integration.processor=tracking. The embedded event store's streams cannot call back
        // when events arrive, so a pooled processor's coordinator would look for new events every 500 ms when idle (Axon
        // 4.13 Coordinator); unless icm.integration.wake-on-arrival=false, WakingEventSource calls it back instead. A
        // tracking processor's threads (one per segment) wait on the stream, which a commit in this JVM wakes, but each
        // thread reads every event and stores its token per batch (benchmarks/README.md).
        if (pooled) {
            processing.registerPooledStreamingEventProcessor(IntegrationEventPublisher.PROCESSING_GROUP, source,
                    (configuration, builder) -> builder.initialSegmentCount(INITIAL_SEGMENTS).batchSize(batchSize));
        } else {
            processing.registerTrackingEventProcessor(IntegrationEventPublisher.PROCESSING_GROUP, Configuration::eventStore,
                    configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(INITIAL_SEGMENTS)
                            .andInitialSegmentsCount(INITIAL_SEGMENTS)
                            .andBatchSize(batchSize));
        }
        processing
                .registerListenerInvocationErrorHandler(IntegrationEventPublisher.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(IntegrationEventPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
