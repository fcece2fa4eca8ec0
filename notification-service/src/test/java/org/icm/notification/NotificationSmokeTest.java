package org.icm.notification;

import java.util.List;
import org.icm.notification.support.NotificationSpringTest;
import org.icm.testing.ServiceSmokeTest;

/** Carries the module's one test configuration, so it shares the context (and consumer) of every other test here. */
@NotificationSpringTest
class NotificationSmokeTest extends ServiceSmokeTest {

    @Override
    protected List<String> healthComponents() {
        return List.of("mongo", "mail");
    }

    @Override
    protected List<String> meters() {
        return List.of("icm_mails_pending ", "icm_dead_letters_waiting ", "kafka_consumer_fetch_manager_records_lag_max{");
    }
}
