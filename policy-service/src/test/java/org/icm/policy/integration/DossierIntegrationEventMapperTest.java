package org.icm.policy.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.events.policy.RecommendationPublished;
import org.icm.kernel.events.policy.RecommendationStatusChanged;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierEvent;
import org.icm.policy.dossier.DossierEvent.DossierOpened;
import org.icm.policy.dossier.DossierEvent.MeasureAdded;
import org.icm.policy.dossier.DossierEvent.ProcedureStepCorrected;
import org.icm.policy.dossier.DossierEvent.ProcedureStepRecorded;
import org.icm.policy.dossier.DossierEvent.RecommendationDrafted;
import org.icm.policy.dossier.DossierEvent.RecommendationRevised;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.service.integration.OutgoingIntegrationEvent;
import org.junit.jupiter.api.Test;

/** The mapper without Spring: domain events as the event store hands them over, a list as the store. */
class DossierIntegrationEventMapperTest {

    static final String D = "d-1";
    static final String PACT = "Pact on Migration and Asylum";
    static final String APR = "Asylum Procedure Regulation";

    final List<DomainEventMessage<?>> store = new ArrayList<>();
    final AtomicInteger storeReads = new AtomicInteger();
    final DossierIntegrationEventMapper mapper = new DossierIntegrationEventMapper(new DossierHistory(id -> {
        storeReads.incrementAndGet();
        return store.stream().filter(message -> message.getAggregateIdentifier().equals(id));
    }));

    @Test
    void aStepThatBecomesTheLatestChangesTheStageAndSaysWhatItWas() {
        given(opened(), measure());

        assertThat(publish(step("s1", ProcedureStage.PROPOSAL_ADOPTED, 2016, 7, 13))).containsExactly(
                stageChange(null, ProcedureStage.PROPOSAL_ADOPTED, LocalDate.of(2016, 7, 13), false));
        assertThat(publish(step("s2", ProcedureStage.TRILOGUE, 2023, 12, 20))).containsExactly(
                stageChange(ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.TRILOGUE, LocalDate.of(2023, 12, 20), false));
    }

    @Test
    void aStepRecordedForAnEarlierDateLeavesTheStageAsItWasAndPublishesNothing() {
        given(opened(), measure(), step("s2", ProcedureStage.TRILOGUE, 2023, 12, 20));

        assertThat(publish(step("s1", ProcedureStage.PROPOSAL_ADOPTED, 2016, 7, 13))).isEmpty();
    }

    @Test
    void theSameStageReachedAgainLaterIsPublishedWithItsNewDate() {
        given(opened(), measure(), step("s1", ProcedureStage.PROPOSAL_ADOPTED, 2016, 7, 13));

        assertThat(publish(step("s2", ProcedureStage.PROPOSAL_ADOPTED, 2017, 3, 1))).containsExactly(
                stageChange(ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.PROPOSAL_ADOPTED, LocalDate.of(2017, 3, 1), false));
    }

    @Test
    void aCorrectionThatChangesTheCurrentStageIsPublishedAsACorrection() {
        given(opened(), measure(), step("s1", ProcedureStage.PROPOSAL_ADOPTED, 2016, 7, 13), step("s2", ProcedureStage.TRILOGUE, 2023, 12, 20));

        assertThat(publish(correction("s2", ProcedureStage.PROVISIONAL_AGREEMENT, 2023, 12, 20, null))).containsExactly(
                stageChange(ProcedureStage.TRILOGUE, ProcedureStage.PROVISIONAL_AGREEMENT, LocalDate.of(2023, 12, 20), true));
    }

    @Test
    void aCorrectionThatMovesAnEarlierStepPastTheCurrentOneMakesItCurrent() {
        given(opened(), measure(), step("s1", ProcedureStage.EP_MANDATE, 2023, 4, 1), step("s2", ProcedureStage.COUNCIL_MANDATE, 2023, 6, 1));

        assertThat(publish(correction("s1", ProcedureStage.EP_MANDATE, 2023, 7, 1, null))).containsExactly(
                stageChange(ProcedureStage.COUNCIL_MANDATE, ProcedureStage.EP_MANDATE, LocalDate.of(2023, 7, 1), true));
    }

    @Test
    void aCorrectionOfAnEarlierStepOrOfANoteOnlyPublishesNothing() {
        given(opened(), measure(), step("s1", ProcedureStage.PROPOSAL_ADOPTED, 2016, 7, 13), step("s2", ProcedureStage.TRILOGUE, 2023, 12, 20));

        assertThat(publish(correction("s1", ProcedureStage.PROPOSAL_ADOPTED, 2016, 7, 14, null))).isEmpty();
        assertThat(publish(correction("s2", ProcedureStage.TRILOGUE, 2023, 12, 20, "the Council's press release"))).isEmpty();
    }

    @Test
    void everyEventCarriesTheDossierTitleAndPolicyAreaAsTheyWereThen() {
        given(opened(), measure());
        given(new DossierEvent.DossierEdited(D, "Pact (2024)", PolicyArea.RECEPTION, null));

        var published = publish(new DossierEvent.RightTagged(D, "UNCRC-3", "border procedures"));

        assertThat(published).containsExactly(OutgoingIntegrationEvent.of(PolicyIntegrationEvents.RIGHT_TAGGED,
                new org.icm.kernel.events.policy.RightTagged(D, "Pact (2024)", PolicyArea.RECEPTION, "UNCRC-3", "border procedures")));
    }

    @Test
    void aRecommendationMovedToPublishedIsAStatusChangeAndAPublication() {
        given(opened(), measure(),
                new RecommendationDrafted(D, "r-1", "Exempt children", List.of(Addressee.COUNCIL, Addressee.EUROPEAN_PARLIAMENT), List.of("m-1")));
        assertThat(publish(new RecommendationRevised(D, "r-1", 2, "Exempt all children"))).containsExactly(OutgoingIntegrationEvent.of(
                PolicyIntegrationEvents.RECOMMENDATION_REVISED,
                new org.icm.kernel.events.policy.RecommendationRevised(D, PACT, PolicyArea.ASYLUM, "r-1", 2, "Exempt all children", "DRAFT")));
        given(status(RecommendationStatus.DRAFT, RecommendationStatus.IN_REVIEW), status(RecommendationStatus.IN_REVIEW, RecommendationStatus.ADOPTED));

        assertThat(payloads(publish(status(RecommendationStatus.ADOPTED, RecommendationStatus.PUBLISHED)))).containsExactly(
                new RecommendationStatusChanged(D, PACT, PolicyArea.ASYLUM, "r-1", "ADOPTED", "PUBLISHED"),
                new RecommendationPublished(D, PACT, PolicyArea.ASYLUM, "r-1", 2, "Exempt all children",
                        List.of("EUROPEAN_PARLIAMENT", "COUNCIL"), List.of("m-1")));
    }

    @Test
    void withoutTheStateAtHandItFoldsTheStoredStreamAndAnswersTheSame() {
        given(opened(), measure(), step("s1", ProcedureStage.PROPOSAL_ADOPTED, 2016, 7, 13));
        DomainEventMessage<?> trilogue = store(step("s2", ProcedureStage.TRILOGUE, 2023, 12, 20));
        var expected = List.of(stageChange(ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.TRILOGUE, LocalDate.of(2023, 12, 20), false));

        // a fresh mapper (a restart, or a segment that moved here) has seen nothing of the dossier
        var fresh = new DossierIntegrationEventMapper(new DossierHistory(id -> {
            storeReads.incrementAndGet();
            return store.stream().filter(message -> message.getAggregateIdentifier().equals(id));
        }));
        storeReads.set(0);
        assertThat(fresh.map(trilogue)).isEqualTo(expected);
        assertThat(storeReads).hasValue(1);

        // the next event follows on from the state at hand, without reading the store
        assertThat(fresh.map(store(step("s3", ProcedureStage.PROVISIONAL_AGREEMENT, 2024, 2, 8)))).hasSize(1);
        assertThat(storeReads).hasValue(1);

        // an event handled again (a retried batch, a replay) is folded again from the store: same answer
        assertThat(fresh.map(trilogue)).isEqualTo(expected);
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void aStoreThatLacksEarlierEventsIsAFaultToRetryNotSomethingToPublish() {
        store(opened());
        var third = new GenericDomainEventMessage<>("Dossier", D, 2, step("s1", ProcedureStage.ANNOUNCED, 2016, 1, 1));

        assertThatThrownBy(() -> mapper.map(third)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 1 stored events before event #2");
    }

    @Test
    void eventsOfOtherKindsAreNotPublished() {
        assertThat(mapper.map(GenericEventMessage.asEventMessage("not a dossier event"))).isEmpty();
        assertThat(mapper.map(new GenericDomainEventMessage<>("Other", "o-1", 0, "neither"))).isEmpty();
    }

    // -- helpers

    private void given(DossierEvent... events) {
        for (DossierEvent event : events) {
            mapper.map(store(event));
        }
    }

    private List<OutgoingIntegrationEvent<?>> publish(DossierEvent event) {
        return mapper.map(store(event));
    }

    private DomainEventMessage<?> store(DossierEvent event) {
        long sequenceNumber = store.stream().filter(message -> message.getAggregateIdentifier().equals(event.dossierId())).count();
        var message = new GenericDomainEventMessage<>("Dossier", event.dossierId(), sequenceNumber, event);
        store.add(message);
        return message;
    }

    private static List<IntegrationEvent> payloads(List<OutgoingIntegrationEvent<?>> outgoing) {
        return outgoing.stream().<IntegrationEvent>map(OutgoingIntegrationEvent::event).toList();
    }

    private static DossierOpened opened() {
        return new DossierOpened(D, PACT, PolicyArea.ASYLUM, null, "org-1");
    }

    private static MeasureAdded measure() {
        return new MeasureAdded(D, "m-1", APR, MeasureType.REGULATION, "2016/0224(COD)", null, null, null);
    }

    private static ProcedureStepRecorded step(String stepId, ProcedureStage stage, int year, int month, int day) {
        return new ProcedureStepRecorded(D, "m-1", stepId, stage, LocalDate.of(year, month, day), null, null);
    }

    private static ProcedureStepCorrected correction(String stepId, ProcedureStage stage, int year, int month, int day, String note) {
        return new ProcedureStepCorrected(D, "m-1", stepId, stage, LocalDate.of(year, month, day), note, null, "recorded wrongly");
    }

    private static DossierEvent.RecommendationStatusChanged status(RecommendationStatus from, RecommendationStatus to) {
        return new DossierEvent.RecommendationStatusChanged(D, "r-1", from, to);
    }

    private static OutgoingIntegrationEvent<MeasureStageChanged> stageChange(ProcedureStage previous, ProcedureStage now, LocalDate date,
                                                                             boolean correction) {
        return OutgoingIntegrationEvent.of(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, new MeasureStageChanged(D, PACT, PolicyArea.ASYLUM,
                "m-1", APR, "2016/0224(COD)", previous, now, date, correction));
    }
}
