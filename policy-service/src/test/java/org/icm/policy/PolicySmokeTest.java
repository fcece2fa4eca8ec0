package org.icm.policy;

import java.util.List;
import org.icm.testing.ServiceSmokeTest;

class PolicySmokeTest extends ServiceSmokeTest {

    @Override
    protected List<String> healthComponents() {
        return List.of("db", "mongo");
    }
}
