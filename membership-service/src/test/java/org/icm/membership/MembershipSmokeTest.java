package org.icm.membership;

import java.util.List;
import org.icm.testing.ServiceSmokeTest;

class MembershipSmokeTest extends ServiceSmokeTest {

    @Override
    protected List<String> healthComponents() {
        return List.of("db", "mongo");
    }
}
