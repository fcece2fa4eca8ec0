package org.icm.service.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far each streaming processor is behind the event store, per segment: {@code icm.event.processor.lag} (events
 * not yet handled: the store's last global index minus the segment's position; tags {@code processor}, {@code segment}).
 * A read model's lag is how stale its pages are; the outbox publisher's ({@code integration-events}) is what other
 * services have not heard of yet. Segments are claimed and released as instances come and go, so new ones are
 * looked for every few seconds (not every service schedules tasks, so it has its own thread); a segment no longer
 * claimed here reads as not a number.
 */
public class EventProcessorLag implements AutoCloseable {

    public static final String METER = "icm.event.processor.lag";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;
    private final Set<String> registered = new HashSet<>();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("icm-processor-lag").daemon().factory());

    public EventProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
        looker.scheduleWithFixedDelay(this::registerNewSegments, 1, 5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        looker.shutdownNow();
    }

    synchronized void registerNewSegments() {
        for (Map.Entry<String, StreamingEventProcessor> entry : processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(e -> Map.entry(e.getKey(), (StreamingEventProcessor) e.getValue())).toList()) {
            for (Integer segment : entry.getValue().processingStatus().keySet()) {
                if (registered.add(entry.getKey() + "/" + segment)) {
                    StreamingEventProcessor processor = entry.getValue();
                    Gauge.builder(METER, () -> lag(processor, segment))
                            .description("events in the store this processor's segment has not handled yet")
                            .tag("processor", entry.getKey())
                            .tag("segment", Integer.toString(segment))
                            .register(registry);
                }
            }
        }
    }

    private double lag(StreamingEventProcessor processor, int segment) {
        EventTrackerStatus status = processor.processingStatus().get(segment);
        if (status == null) {
            return Double.NaN;
        }
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? 0 : head.position().orElse(0);
        return Math.max(0, last - status.getCurrentPosition().orElse(-1));
    }
}
