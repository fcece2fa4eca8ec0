package org.icm.notification;

import java.util.List;
import org.icm.testing.ServiceSmokeTest;

class NotificationSmokeTest extends ServiceSmokeTest {

    @Override
    protected List<String> healthComponents() {
        return List.of("mongo", "mail");
    }
}
