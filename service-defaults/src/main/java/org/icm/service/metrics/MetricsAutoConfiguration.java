package org.icm.service.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.icm.service.axon.AxonPostgresAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The measures an operator of an event-sourced service watches, beside Spring Boot's (HTTP, JVM, pools, Kafka
 * clients): command handling time ({@link CommandObservations}, a span too) and how far each processor is behind the store
 * ({@link EventProcessorLag}). All of them at {@code /actuator/prometheus}.
 */
@AutoConfiguration(after = AxonPostgresAutoConfiguration.class, afterName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, EventStore.class})
public class MetricsAutoConfiguration {

    @Bean
    ConfigurerModule commandObservations(ObservationRegistry registry) {
        CommandObservations observations = new CommandObservations(registry);
        return configurer -> configurer.onInitialize(configuration ->
                configuration.onStart(() -> configuration.commandBus().registerHandlerInterceptor(observations)));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBean(EventStore.class)
    EventProcessorLag eventProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        return new EventProcessorLag(processing, eventStore, registry);
    }
}
