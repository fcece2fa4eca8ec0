package org.icm.notification.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.icm.notification.tracking.TrackedDossier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several events of one dossier handled as one batch (what one poll brings) are decided in their order, each on the state
 * the ones before it left, although the batch writes that state once at the end; and the same batch handled again changes
 * nothing.
 */
class BatchHandlingTest extends NotificationTestBase {

    private static final IntegrationEventCodec CODEC = new IntegrationEventCodec(URI.create("/icm/batch-test"), PolicyIntegrationEvents.ALL);

    @Autowired
    EventHandling handling;

    @Test
    void eventsOfOneBatchAreDecidedInOrderAndTheBatchHandledAgainChangesNothing() {
        Person member = member();
        Person applicant = applicant();
        String dossier = UUID.randomUUID().toString();
        String title = "Batch Directive " + dossier.substring(0, 8);
        List<CloudEvent> batch = new ArrayList<>();
        add(batch, PolicyIntegrationEvents.DOSSIER_OPENED, new DossierOpened(dossier, title, PolicyArea.ASYLUM, "summary", null));
        // in draft: members only
        add(batch, PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, stage(dossier, title, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED));
        add(batch, PolicyIntegrationEvents.DOSSIER_PUBLISHED, new DossierPublished(dossier, title, PolicyArea.ASYLUM));
        // published by the event before it in the same batch: everyone
        add(batch, PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, stage(dossier, title, ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.TRILOGUE));
        add(batch, PolicyIntegrationEvents.RECOMMENDATION_PUBLISHED, new RecommendationPublished(dossier, title, PolicyArea.ASYLUM, "r-1", 1,
                "Keep children out of detention", List.of(), List.of()));
        // the same text as the event before it in the batch: changes nothing anyone can see
        add(batch, PolicyIntegrationEvents.RECOMMENDATION_REVISED, new RecommendationRevised(dossier, title, PolicyArea.ASYLUM, "r-1", 2,
                "Keep children out of detention", "ADOPTED"));

        assertThat(handling.handle(batch)).isEqualTo(batch.size());

        assertThat(feed(member)).extracting(item -> item.get("explanation")).containsExactlyInAnyOrder(
                title + " moved from Announced to Proposal adopted on 1 February 2026",
                title + " moved from Proposal adopted to Trilogue on 1 February 2026",
                "A recommendation on " + title + " was published");
        assertThat(feed(applicant)).extracting(item -> item.get("explanation")).containsExactlyInAnyOrder(
                title + " moved from Proposal adopted to Trilogue on 1 February 2026",
                "A recommendation on " + title + " was published");
        TrackedDossier tracked = mongo.findById(dossier, TrackedDossier.class);
        assertThat(tracked.published()).isTrue();
        assertThat(tracked.measureStages()).containsEntry("m-" + dossier, "TRILOGUE");

        // redelivered (offsets not committed before a crash): nothing handled twice, nothing new in any feed
        assertThat(handling.handle(batch)).isZero();
        assertThat(feed(member)).hasSize(3);
        assertThat(feed(applicant)).hasSize(2);
    }

    @Test
    void aPassStoppedAfterTheNotificationsBeforeTheTrackedStateIsHandledAgainWithoutNotifyingTwice() {
        Person member = member();
        String dossier = UUID.randomUUID().toString();
        String title = "Interrupted Directive " + dossier.substring(0, 8);
        List<CloudEvent> opened = new ArrayList<>();
        add(opened, PolicyIntegrationEvents.DOSSIER_OPENED, new DossierOpened(dossier, title, PolicyArea.ASYLUM, "summary", null));
        add(opened, PolicyIntegrationEvents.DOSSIER_PUBLISHED, new DossierPublished(dossier, title, PolicyArea.ASYLUM));
        handling.handle(opened);
        TrackedDossier before = mongo.findById(dossier, TrackedDossier.class);
        List<CloudEvent> moved = new ArrayList<>();
        add(moved, PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, stage(dossier, title, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED));
        handling.handle(moved);
        assertThat(feed(member)).hasSize(1);

        // as if the pass had stopped once the notifications were written: tracked state as before it, no processed mark
        mongo.save(before);
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(moved.getFirst().getId())), "processed");

        assertThat(handling.handle(moved)).isEqualTo(1);
        assertThat(feed(member)).extracting(item -> item.get("explanation"))
                .containsExactly(title + " moved from Announced to Proposal adopted on 1 February 2026");
        assertThat(mongo.findById(dossier, TrackedDossier.class).measureStages()).containsEntry("m-" + dossier, "PROPOSAL_ADOPTED");
    }

    private static MeasureStageChanged stage(String dossier, String title, ProcedureStage from, ProcedureStage to) {
        return new MeasureStageChanged(dossier, title, PolicyArea.ASYLUM, "m-" + dossier, title, "2026/0001(COD)", from, to,
                LocalDate.parse("2026-02-01"), false);
    }

    private static <E extends IntegrationEvent> void add(List<CloudEvent> batch, IntegrationEventType<E> type, E event) {
        batch.add(CODEC.decode(CODEC.encode(CODEC.envelope(type, event, UUID.randomUUID().toString(), Instant.parse("2026-02-01T10:00:00Z")))));
    }
}
