package org.icm.service.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Traces across what Micrometer Tracing does not see by itself: the event store (AxonPostgresAutoConfiguration's
 * traceCorrelation) and Kafka ({@link TraceContexts}).
 * HTTP in and out (W3C traceparent), the ids on every log line and the OTLP export (when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set) are Spring Boot's.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"})
@ConditionalOnClass(Tracer.class)
public class TracingAutoConfiguration {

    /** With tracing switched off ({@code management.tracing.enabled=false}) the work still runs, in no trace. */
    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
