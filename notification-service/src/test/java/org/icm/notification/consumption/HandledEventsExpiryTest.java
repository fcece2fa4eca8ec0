package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.routing.Happening;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What makes handling an event idempotent is kept 30 days, long past the topics' retention, then expires: the service does not grow without end. */
class HandledEventsExpiryTest extends NotificationTestBase {

    @Autowired
    HandledEventsExpiry expiry;

    @Test
    void theMarksOfHandledEventsExpireAfterThirtyDays() {
        String dossier = dossier("Screening Regulation", PolicyArea.BORDERS, true);
        String event = stageChange(dossier, "Screening Regulation", PolicyArea.BORDERS, ProcedureStage.PROPOSAL_ADOPTED,
                ProcedureStage.EP_COMMITTEE, "2021-01-11");
        awaitProcessed(event);
        EventHandling.Processed processed = mongo.findById(event, EventHandling.Processed.class);
        Happening happening = mongo.findById(event, Happening.class);
        assertThat(processed).isNotNull();
        assertThat(happening).isNotNull();
        Instant earlier = processed.at().isBefore(happening.occurredAt()) ? processed.at() : happening.occurredAt();
        Instant later = processed.at().isBefore(happening.occurredAt()) ? happening.occurredAt() : processed.at();

        expiry.expire(earlier.plus(Duration.ofDays(29)));
        assertThat(mongo.findById(event, EventHandling.Processed.class)).as("kept while Kafka may redeliver").isNotNull();
        assertThat(mongo.findById(event, Happening.class)).isNotNull();

        assertThat(expiry.expire(later.plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(2);
        assertThat(mongo.findById(event, EventHandling.Processed.class)).isNull();
        assertThat(mongo.findById(event, Happening.class)).isNull();
    }
}
