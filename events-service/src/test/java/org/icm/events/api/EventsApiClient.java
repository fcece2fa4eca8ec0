package org.icm.events.api;

import java.time.Duration;
import org.icm.testing.ApiClient;

/**
 * test-support's {@link ApiClient} for the events API; its read models may take a little longer to follow
 * (Kafka replicas among them), so {@link #awaitGet} waits up to 30 seconds.
 */
public final class EventsApiClient extends ApiClient {

    public EventsApiClient(int port) {
        super(port, Duration.ofSeconds(30));
    }
}
