package org.icm.notification.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.policy.DossierIntegrationEvent;
import org.icm.kernel.events.policy.DossierOpened;
import org.icm.kernel.events.policy.DossierPublished;
import org.icm.kernel.events.policy.DossierReturnedToDraft;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationRevised;
import org.icm.kernel.events.policy.RightTagged;
import org.icm.kernel.events.policy.RightUntagged;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch decides its events on dossiers changed in memory ({@link TrackedDossier#after}) and writes them to MongoDB
 * afterwards ({@link Tracking}): both must give the same dossier after every event, or a batch would decide differently
 * from events handled one at a time.
 */
class TrackedDossierTest extends NotificationTestBase {

    @Autowired
    Tracking tracking;

    @Test
    void theCopyInMemoryAndMongoDbAgreeAfterEveryEvent() {
        String id = UUID.randomUUID().toString();
        List<DossierIntegrationEvent> events = List.of(
                new DossierOpened(id, "Reception Conditions", PolicyArea.RECEPTION, "summary", null),
                new RightTagged(id, "Reception Conditions", PolicyArea.RECEPTION, "CRC-3", "best interests"),
                new RightTagged(id, "Reception Conditions", PolicyArea.RECEPTION, "CRC-37", "detention"),
                new DossierPublished(id, "Reception Conditions Directive", PolicyArea.RECEPTION),
                stage(id, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED),
                new RecommendationPublished(id, "Reception Conditions Directive", PolicyArea.RECEPTION, "r-1", 1, "First text", List.of(), List.of()),
                new RightUntagged(id, "Reception Conditions Directive", PolicyArea.RECEPTION, "CRC-3"),
                new DossierReturnedToDraft(id, "Reception Conditions Directive", PolicyArea.DETENTION),
                new RecommendationRevised(id, "Reception Conditions Directive", PolicyArea.DETENTION, "r-1", 2, "Second text", "DRAFT"),
                stage(id, ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.TRILOGUE),
                new DossierOpened(id, "Reception Conditions Directive", PolicyArea.DETENTION, "opened again: keeps what it had", null));

        Optional<TrackedDossier> inMemory = Optional.empty();
        for (DossierIntegrationEvent event : events) {
            inMemory = Optional.of(TrackedDossier.after(inMemory, event));
            tracking.apply(event);
            assertThat(normal(mongo.findById(id, TrackedDossier.class))).as("after %s", event).isEqualTo(normal(inMemory.get()));
        }
        assertThat(inMemory.get().rights()).containsExactly("CRC-37");
        assertThat(inMemory.get().published()).isFalse();
        assertThat(inMemory.get().recommendationTexts()).containsEntry("r-1", "Second text");
    }

    @Test
    void aBatchWrittenInBulkLeavesWhatTheEventsOneByOneLeave() {
        String oneByOne = UUID.randomUUID().toString();
        String inBulk = UUID.randomUUID().toString();
        for (String id : List.of(oneByOne, inBulk)) {
            List<IntegrationEvent> events = List.of(new DossierOpened(id, "Returns", PolicyArea.RETURN, "summary", null),
                    new RightTagged(id, "Returns", PolicyArea.RETURN, "CRC-22", "asylum"), new DossierPublished(id, "Returns", PolicyArea.RETURN),
                    stage(id, ProcedureStage.ANNOUNCED, ProcedureStage.PROPOSAL_ADOPTED), new RightUntagged(id, "Returns", PolicyArea.RETURN, "CRC-22"));
            if (id.equals(inBulk)) {
                tracking.applyAll(events);
            } else {
                events.forEach(tracking::apply);
            }
        }
        TrackedDossier expected = mongo.findById(oneByOne, TrackedDossier.class);
        TrackedDossier actual = mongo.findById(inBulk, TrackedDossier.class);
        assertThat(normal(new TrackedDossier(oneByOne, actual.title(), actual.policyArea(), actual.published(), actual.rights(),
                Map.of("m-" + oneByOne, actual.measureStages().get("m-" + inBulk)), actual.recommendationTexts())))
                .isEqualTo(normal(expected));
    }

    private static MeasureStageChanged stage(String id, ProcedureStage from, ProcedureStage to) {
        return new MeasureStageChanged(id, "Reception Conditions Directive", PolicyArea.RECEPTION, "m-" + id, "Measure", "2026/0002(COD)", from, to,
                LocalDate.parse("2026-03-01"), false);
    }

    /** Absent sets and maps (never written) compare as empty ones. */
    private static TrackedDossier normal(TrackedDossier dossier) {
        return new TrackedDossier(dossier.id(), dossier.title(), dossier.policyArea(), dossier.published(),
                dossier.rights() == null ? Set.of() : Set.copyOf(dossier.rights()),
                dossier.measureStages() == null ? Map.of() : Map.copyOf(dossier.measureStages()),
                dossier.recommendationTexts() == null ? Map.of() : Map.copyOf(dossier.recommendationTexts()));
    }
}
