package org.icm.events;

import java.util.List;
import org.icm.testing.ServiceSmokeTest;

@EventsServiceTest
class EventsSmokeTest extends ServiceSmokeTest {

    @Override
    protected List<String> healthComponents() {
        return List.of("db", "mongo");
    }

    @Override
    protected List<String> meters() {
        return List.of("icm_event_processor_lag{processor=\"integration-event-publisher\",segment=");
    }
}
