package org.icm.notification.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import org.icm.kernel.identity.Role;
import org.icm.notification.deadletter.DeadLetter;
import org.icm.notification.feed.Notification;
import org.icm.notification.subscription.Subscription;
import org.icm.notification.support.NotificationTestBase;
import org.icm.testing.fuzz.OpenApiFuzzer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every operation of notification-service's OpenAPI document, sent hostile requests as a focal point: no answer 5xx,
 * every refusal problem+json naming the field, and no refused request changes the person's subscription, feed or the
 * dead letters.
 */
class NotificationApiFuzzTest extends NotificationTestBase {

    @Test
    void hostileRequestsGetClearRefusalsAndChangeNothing() {
        Person focalPoint = member(Role.FOCAL_POINT, Role.PARTICIPANT);

        OpenApiFuzzer fuzzer = new OpenApiFuzzer(port, focalPoint.token(), Map.of("accountId", focalPoint.id()), () -> List.of(
                String.valueOf(mongo.findById(focalPoint.id(), Subscription.class)),
                mongo.find(Query.query(where("accountId").is(focalPoint.id())), Notification.class).toString(),
                mongo.findAll(DeadLetter.class).toString()));
        OpenApiFuzzer.Report report = fuzzer.run(OpenApiFuzzer.Settings.fromSystemProperties());

        System.out.println("notification-service: " + report.summary());
        assertThat(report.operations()).isGreaterThan(8);
        assertThat(report.findings()).as(report.summary()).isEmpty();
    }
}
