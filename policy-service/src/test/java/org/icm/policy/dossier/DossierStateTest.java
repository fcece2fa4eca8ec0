package org.icm.policy.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.policy.dossier.PactTestData.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierEvent.*;
import org.icm.policy.dossier.DossierState.Measure;
import org.icm.policy.dossier.DossierState.Recommendation;
import org.icm.policy.dossier.DossierState.RightAtStake;
import org.icm.policy.dossier.DossierState.Step;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.DossierStatus;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.icm.policy.dossier.Vocabulary.Visibility;
import org.junit.jupiter.api.Test;

/** The pure fold from events to state: current stage, corrections, determinism, and states as of an earlier point. */
class DossierStateTest {

    private static Measure apr(List<? extends DossierEvent> events) {
        return DossierState.fold(events).measures().get(APR);
    }

    private static List<DossierEvent> aprWith(DossierEvent... steps) {
        return concat(List.of(pactOpened(), aprAdded()), steps);
    }

    /** The whole Pact story: measures, real steps, a correction, key dates, rights and both recommendations. */
    private static List<DossierEvent> pactHistory() {
        List<DossierEvent> events = new ArrayList<>(List.of(pactOpened(), aprAdded(), screeningAdded(), rcdAdded()));
        events.addAll(aprSteps());
        events.add(new ProcedureStepCorrected(PACT, APR, "apr-5", ProcedureStage.PUBLISHED_IN_OJ, date("2024-05-22"), "OJ L, 22.5.2024",
                null, "the OJ reference was missing"));
        events.add(new MeasureKeyDatesSet(PACT, APR, date("2024-06-11"), date("2026-06-12"), null));
        events.add(new MeasureKeyDatesSet(PACT, RCD, date("2024-06-11"), null, date("2026-06-12")));
        events.add(new RightTagged(PACT, "UNCRC-3", "Border and accelerated procedures must assess each child's best interests."));
        events.add(new RightTagged(PACT, "UNCRC-37", "Screening and border procedures can lead to de facto detention of children."));
        events.add(new DossierPublished(PACT));
        events.add(borderProceduresDrafted());
        events.add(new RecommendationRevised(PACT, BORDER_PROCEDURES, 2, BORDER_PROCEDURES_REVISED));
        events.addAll(statusPath(BORDER_PROCEDURES, RecommendationStatus.PUBLISHED));
        events.add(new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM));
        events.add(new RecommendationEndorsed(PACT, BORDER_PROCEDURES, MISSING_CHILDREN_EUROPE));
        events.add(noDetentionDrafted());
        return events;
    }

    @Test
    void beforeTheFirstEventThereIsNoDossier() {
        assertThat(DossierState.fold(List.of())).isEqualTo(DossierState.NONE);
        assertThat(DossierState.NONE.exists()).isFalse();
        assertThat(DossierState.fold(List.of(pactOpened())).exists()).isTrue();
    }

    @Test
    void anOpenedDossierIsAnOpenDraftWithNothingInIt() {
        DossierState pact = DossierState.fold(List.of(pactOpened()));
        assertThat(pact).isEqualTo(new DossierState(PACT, PACT_TITLE, PolicyArea.ASYLUM, PACT_SUMMARY, PICUM, Visibility.DRAFT,
                DossierStatus.OPEN, Map.of(), Map.of(), Map.of()));
    }

    @Test
    void aMeasureWithoutStepsHasNoCurrentStage() {
        assertThat(apr(aprWith()).currentStage()).isEmpty();
    }

    @Test
    void theCurrentStageOfTheAsylumProcedureRegulationIsItsEntryIntoForceOn11June2024() {
        Measure apr = apr(aprWith(aprSteps().toArray(DossierEvent[]::new)));
        assertThat(apr.currentStage()).contains(ProcedureStage.IN_FORCE);
        assertThat(apr.currentStep().map(Step::stepId)).contains("apr-6");
    }

    @Test
    void theCurrentStageIsTheStepWithTheLatestEffectiveDateNotTheLatestRecorded() {
        // ICM caught up late: entry into force first, then the 2016 proposal and the 2023 agreement
        Measure apr = apr(aprWith(
                stepRecorded(APR, "apr-6", ProcedureStage.IN_FORCE, "2024-06-11"),
                stepRecorded(APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13"),
                stepRecorded(APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, "2023-12-20")));
        assertThat(apr.currentStage()).contains(ProcedureStage.IN_FORCE);
        assertThat(apr.steps()).extracting(Step::stepId).containsExactly("apr-6", "apr-1", "apr-3");
        assertThat(apr.chronology()).extracting(Step::stepId).containsExactly("apr-1", "apr-3", "apr-6");
    }

    @Test
    void ofTwoStepsOnTheSameDayTheLaterRecordedIsCurrent() {
        // the last trilogue, 18-20 December 2023, ended in the provisional agreement on the 20th
        Measure apr = apr(aprWith(
                stepRecorded(APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13"),
                stepRecorded(APR, "apr-trilogue", ProcedureStage.TRILOGUE, "2023-12-20"),
                stepRecorded(APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, "2023-12-20")));
        assertThat(apr.currentStep().map(Step::stepId)).contains("apr-3");
        assertThat(apr.currentStage()).contains(ProcedureStage.PROVISIONAL_AGREEMENT);

        Measure recordedTheOtherWay = apr(aprWith(
                stepRecorded(APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, "2023-12-20"),
                stepRecorded(APR, "apr-trilogue", ProcedureStage.TRILOGUE, "2023-12-20"),
                stepRecorded(APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13")));
        assertThat(recordedTheOtherWay.currentStage()).contains(ProcedureStage.TRILOGUE);
        assertThat(recordedTheOtherWay.chronology()).extracting(Step::stepId).containsExactly("apr-1", "apr-3", "apr-trilogue");
    }

    @Test
    void anExitRecordedAfterAStepOfItsOwnDayIsTheCurrentStage() {
        DossierState pact = DossierState.fold(concat(List.of(pactOpened(), returnRecastAdded()),
                stepRecorded(RETURN_RECAST, "ret-1", ProcedureStage.PROPOSAL_ADOPTED, "2018-09-12"),
                stepRecorded(RETURN_RECAST, "ret-2", ProcedureStage.EP_COMMITTEE, "2019-09-04"),
                stepRecorded(RETURN_RECAST, "ret-exit", ProcedureStage.LAPSED, "2019-09-04")));
        assertThat(pact.measures().get(RETURN_RECAST).currentStage()).contains(ProcedureStage.LAPSED);
    }

    @Test
    void anAmendedProposalIsASecondStepOfTheSameStage() {
        Measure apr = apr(aprWith(aprSteps().subList(0, 2).toArray(DossierEvent[]::new)));
        assertThat(apr.steps()).extracting(Step::stage).containsExactly(ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.PROPOSAL_ADOPTED);
        assertThat(apr.currentStep()).contains(new Step("apr-2", ProcedureStage.PROPOSAL_ADOPTED, date("2020-09-23"),
                "amended proposal COM(2020)611", null, null));
    }

    @Test
    void aCorrectionReplacesTheStepInPlaceAndKeepsItsReason() {
        // the publication was first recorded with a wrong year, which made it the current stage
        List<DossierEvent> events = aprWith(
                stepRecorded(APR, "apr-4", ProcedureStage.ADOPTED, "2024-05-14"),
                stepRecorded(APR, "apr-5", ProcedureStage.PUBLISHED_IN_OJ, "2025-05-22"),
                stepRecorded(APR, "apr-6", ProcedureStage.IN_FORCE, "2024-06-11"));
        assertThat(apr(events).currentStage()).contains(ProcedureStage.PUBLISHED_IN_OJ);

        Measure corrected = apr(concat(events, new ProcedureStepCorrected(PACT, APR, "apr-5", ProcedureStage.PUBLISHED_IN_OJ,
                date("2024-05-22"), "OJ L, 22.5.2024", null, "typo in the year: published on 22 May 2024")));

        assertThat(corrected.steps()).containsExactly(
                new Step("apr-4", ProcedureStage.ADOPTED, date("2024-05-14"), null, null, null),
                new Step("apr-5", ProcedureStage.PUBLISHED_IN_OJ, date("2024-05-22"), "OJ L, 22.5.2024", null,
                        "typo in the year: published on 22 May 2024"),
                new Step("apr-6", ProcedureStage.IN_FORCE, date("2024-06-11"), null, null, null));
        assertThat(corrected.step("apr-5").map(Step::correctionReason)).contains("typo in the year: published on 22 May 2024");
        assertThat(corrected.currentStage()).contains(ProcedureStage.IN_FORCE);
    }

    @Test
    void aCorrectedStepKeepsTheLatestReason() {
        Measure apr = apr(aprWith(
                stepRecorded(APR, "apr-3", ProcedureStage.TRILOGUE, "2023-12-20"),
                new ProcedureStepCorrected(PACT, APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, date("2023-12-20"), null, null,
                        "the trilogue ended in the agreement"),
                new ProcedureStepCorrected(PACT, APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, date("2023-12-20"),
                        "Council press release 20 December 2023", null, "source added")));
        assertThat(apr.steps()).containsExactly(new Step("apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, date("2023-12-20"),
                "Council press release 20 December 2023", null, "source added"));
    }

    @Test
    void foldingTheSameEventsTwiceGivesEqualStates() {
        DossierState once = DossierState.fold(pactHistory());
        DossierState twice = DossierState.fold(pactHistory());
        assertThat(twice).isEqualTo(once).hasSameHashCodeAs(once).isNotSameAs(once);
        assertThat(List.copyOf(twice.measures().keySet())).containsExactly(APR, SCREENING, RCD);
        assertThat(List.copyOf(twice.rights().keySet())).containsExactly("UNCRC-3", "UNCRC-37");
    }

    @Test
    void foldIsApplyingEachEventInTurn() {
        DossierState stepByStep = DossierState.NONE;
        for (DossierEvent event : pactHistory()) {
            stepByStep = stepByStep.apply(event);
        }
        assertThat(stepByStep).isEqualTo(DossierState.fold(pactHistory()));
    }

    @Test
    void theFoldOfTheWholePactHistory() {
        DossierState pact = DossierState.fold(pactHistory());
        assertThat(pact.visibility()).isEqualTo(Visibility.PUBLISHED);
        assertThat(pact.status()).isEqualTo(DossierStatus.OPEN);
        Measure apr = pact.measures().get(APR);
        assertThat(apr.steps()).hasSize(6);
        assertThat(apr.currentStage()).contains(ProcedureStage.IN_FORCE);
        assertThat(apr.entryIntoForce()).isEqualTo(date("2024-06-11"));
        assertThat(apr.application()).isEqualTo(date("2026-06-12"));
        assertThat(pact.measures().get(RCD).transpositionDeadline()).isEqualTo(date("2026-06-12"));
        assertThat(pact.measures().get(SCREENING).currentStage()).isEmpty();
        assertThat(pact.rights().get("UNCRC-37")).isEqualTo(
                new RightAtStake("UNCRC-37", "Screening and border procedures can lead to de facto detention of children."));
        assertThat(pact.recommendations().get(BORDER_PROCEDURES)).isEqualTo(new Recommendation(BORDER_PROCEDURES,
                BORDER_PROCEDURES_REVISED, 2, List.of(Addressee.EUROPEAN_PARLIAMENT, Addressee.COUNCIL), List.of(APR),
                RecommendationStatus.PUBLISHED, null, null, List.of(PICUM, MISSING_CHILDREN_EUROPE), Map.of()));
        assertThat(pact.recommendations().get(NO_DETENTION).status()).isEqualTo(RecommendationStatus.DRAFT);
        assertThat(pact.recommendations().get(NO_DETENTION).measureIds()).containsExactly(SCREENING, RCD);
    }

    @Test
    void theFoldOfAPrefixIsTheStateAsOfThatEvent() {
        List<DossierEvent> history = pactHistory();
        int agreementReached = history.indexOf(aprSteps().get(2)) + 1;   // up to the provisional agreement of 20 December 2023

        DossierState asOfAgreement = DossierState.fold(history.subList(0, agreementReached));
        Measure apr = asOfAgreement.measures().get(APR);
        assertThat(apr.currentStage()).contains(ProcedureStage.PROVISIONAL_AGREEMENT);
        assertThat(apr.steps()).extracting(Step::stepId).containsExactly("apr-1", "apr-2", "apr-3");
        assertThat(apr.entryIntoForce()).isNull();
        assertThat(asOfAgreement.visibility()).isEqualTo(Visibility.DRAFT);
        assertThat(asOfAgreement.rights()).isEmpty();
        assertThat(asOfAgreement.recommendations()).isEmpty();

        DossierState incrementally = DossierState.NONE;
        for (int i = 0; i < history.size(); i++) {
            incrementally = incrementally.apply(history.get(i));
            assertThat(incrementally).as("state after event %d", i + 1).isEqualTo(DossierState.fold(history.subList(0, i + 1)));
        }
    }

    @Test
    void applyingLaterEventsLeavesAnEarlierStateAsItWas() {
        List<DossierEvent> history = pactHistory();
        DossierState early = DossierState.fold(history.subList(0, 6));
        DossierState copy = DossierState.fold(history.subList(0, 6));
        DossierState later = early;
        for (DossierEvent event : history.subList(6, history.size())) {
            later = later.apply(event);
        }
        assertThat(early).isEqualTo(copy).isNotEqualTo(later);
        assertThat(later).isEqualTo(DossierState.fold(history));
    }

    @Test
    void anEditedMeasureKeepsItsStepsAndKeyDates() {
        DossierState pact = DossierState.fold(concat(pactHistory(), new MeasureEdited(PACT, APR, "Asylum Procedure Regulation (APR)",
                MeasureType.REGULATION, APR_PROCEDURE, "COM(2020) 611 final", "32024R1348", "Regulation (EU) 2024/1348")));
        Measure apr = pact.measures().get(APR);
        assertThat(apr.title()).isEqualTo("Asylum Procedure Regulation (APR)");
        assertThat(apr.comReference()).isEqualTo("COM(2020) 611 final");
        assertThat(apr.steps()).hasSize(6);
        assertThat(apr.entryIntoForce()).isEqualTo(date("2024-06-11"));
    }

    @Test
    void recommendationChangesFoldIntoTheRecommendation() {
        DossierState pact = DossierState.fold(concat(pactHistory(),
                new RecommendationAddresseesChanged(PACT, BORDER_PROCEDURES, List.of(Addressee.COUNCIL, Addressee.EUROPEAN_COMMISSION)),
                new RecommendationMeasureLinked(PACT, BORDER_PROCEDURES, SCREENING),
                new RecommendationMeasureUnlinked(PACT, BORDER_PROCEDURES, APR),
                new RecommendationOutcomeRecorded(PACT, BORDER_PROCEDURES, Outcome.PARTIALLY_ADDRESSED, "Unaccompanied children are exempt."),
                new RecommendationEndorsementWithdrawn(PACT, BORDER_PROCEDURES, PICUM),
                new RightUntagged(PACT, "UNCRC-3"),
                new DossierReturnedToDraft(PACT),
                new DossierArchived(PACT)));
        assertThat(pact.recommendations().get(BORDER_PROCEDURES)).isEqualTo(new Recommendation(BORDER_PROCEDURES,
                BORDER_PROCEDURES_REVISED, 2, List.of(Addressee.EUROPEAN_COMMISSION, Addressee.COUNCIL), List.of(SCREENING),
                RecommendationStatus.PUBLISHED, Outcome.PARTIALLY_ADDRESSED, "Unaccompanied children are exempt.",
                List.of(MISSING_CHILDREN_EUROPE), Map.of()));
        assertThat(pact.rights()).containsOnlyKeys("UNCRC-37");
        assertThat(pact.visibility()).isEqualTo(Visibility.DRAFT);
        assertThat(pact.status()).isEqualTo(DossierStatus.ARCHIVED);
    }
}
