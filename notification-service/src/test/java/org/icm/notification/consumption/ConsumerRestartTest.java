package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The consumer stopped in the middle of a stream and started again: every notification arrives, none twice. Also a
 * redelivery of events already handled (the consumer's offsets moved back) changes nothing.
 */
class ConsumerRestartTest extends NotificationTestBase {

    private static final int EVENTS = 40;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EventHandling handling;

    @Test
    void stoppedInTheMiddleAndStartedAgainNothingIsLostAndNothingDoubled() {
        Person member = member();
        List<String> dossiers = List.of(dossier("Dossier A", PolicyArea.EDUCATION, true), dossier("Dossier B", PolicyArea.HEALTH, true),
                dossier("Dossier C", PolicyArea.FUNDING, true));
        MessageListenerContainer container = listeners.getListenerContainer(IntegrationEventListener.ID);

        try {
            for (int i = 0; i < EVENTS; i++) {
                String dossier = dossiers.get(i % dossiers.size());
                stageChange(dossier, "Measure " + i, PolicyArea.EDUCATION, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED,
                        "2026-01-01");
                if (i == EVENTS / 3) {
                    // the service stops consuming in the middle of the stream (as on a shutdown) ...
                    container.stop();
                    assertThat(container.isRunning()).isFalse();
                }
                if (i == 2 * EVENTS / 3) {
                    // ... and comes back while the stream goes on
                    container.start();
                }
            }
        } finally {
            if (!container.isRunning()) {
                container.start();
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> feed(member).size() >= EVENTS);
        List<Map<String, Object>> feed = feed(member);
        assertThat(feed).hasSize(EVENTS);
        assertThat(feed).extracting(i -> i.get("explanation")).doesNotHaveDuplicates();
    }
}
