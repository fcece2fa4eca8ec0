package org.icm.policy.dossier;

import static org.hamcrest.Matchers.containsString;
import static org.icm.policy.dossier.PactTestData.*;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierCommand.CorrectProcedureStep;
import org.icm.policy.dossier.DossierCommand.RecordProcedureStep;
import org.icm.policy.dossier.DossierEvent.ProcedureStepCorrected;
import org.icm.policy.dossier.DossierEvent.ProcedureStepRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Procedure steps: recorded with the date they happened (never in the future), never after an exit, and fixed only by a
 * correction with a reason.
 */
class ProcedureStepTest {

    /** An illustrative exit for the Return Directive recast (the dataset holds none): its withdrawal on 11 March 2025. */
    static final String EXIT_DAY = "2025-03-11";

    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
    }

    /** The Pact dossier with the Asylum Procedure Regulation and its first {@code count} real steps. */
    static List<DossierEvent> aprWithSteps(int count) {
        List<DossierEvent> events = new ArrayList<>(List.of(pactOpened(), aprAdded()));
        events.addAll(aprSteps().subList(0, count));
        return events;
    }

    /** The Return Directive recast with its two real steps, then (if {@code withdrawn}) withdrawn on {@link #EXIT_DAY}. */
    static List<DossierEvent> returnRecast(boolean withdrawn) {
        List<DossierEvent> events = new ArrayList<>(List.of(pactOpened(), returnRecastAdded()));
        events.addAll(returnRecastSteps());
        if (withdrawn) {
            events.add(stepRecorded(RETURN_RECAST, "ret-exit", ProcedureStage.WITHDRAWN, EXIT_DAY, "proposal withdrawn by the Commission"));
        }
        return events;
    }

    static RecordProcedureStep record(String measureId, String stepId, ProcedureStage stage, String effectiveDate) {
        return new RecordProcedureStep(PACT, null, measureId, stepId, stage, date(effectiveDate), null, null, TODAY);
    }

    static CorrectProcedureStep correct(String measureId, String stepId, ProcedureStage stage, String effectiveDate, String note,
                                        String reason) {
        return new CorrectProcedureStep(PACT, null, measureId, stepId, stage, date(effectiveDate), note, null, reason, TODAY);
    }

    @Nested
    class Recording {

        @Test
        void theAmendedProposalOfTheAsylumProcedureRegulationIsRecordedAsASecondProposalStep() {
            fixture.given(aprWithSteps(1))
                    .when(new RecordProcedureStep(PACT, 2L, APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, date("2020-09-23"),
                            " amended proposal COM(2020)611 ", "COM(2020)611", TODAY))
                    .expectEvents(new ProcedureStepRecorded(PACT, APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, date("2020-09-23"),
                            "amended proposal COM(2020)611", "COM(2020)611"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aStepThatHappenedLongAgoIsRecordedAfterLaterOnes() {
            List<DossierEvent> given = new ArrayList<>(List.of(pactOpened(), aprAdded()));
            given.addAll(aprSteps().subList(1, 6));
            fixture.given(given)
                    .when(record(APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13"))
                    .expectEvents(stepRecorded(APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13"))
                    .expectResultMessagePayload(7L);
        }

        @Test
        void aStepThatHappenedTodayIsAccepted() {
            fixture.given(aprWithSteps(6))
                    .when(new RecordProcedureStep(PACT, null, APR, "apr-7", ProcedureStage.EVALUATION, TODAY, null, null, TODAY))
                    .expectEvents(new ProcedureStepRecorded(PACT, APR, "apr-7", ProcedureStage.EVALUATION, TODAY, null, null));
        }

        @Test
        void theApplicationOfTheAsylumProcedureRegulationOn12June2026CannotBeRecordedBeforeItHappens() {
            fixture.given(aprWithSteps(6))
                    .when(record(APR, "apr-7", ProcedureStage.IN_APPLICATION, "2026-06-12"))
                    .expectException(invalid("effectiveDate", "effective-date-in-future"))
                    .expectExceptionMessage("effectiveDate 2026-06-12 lies in the future (today is 2025-06-30); record a step once it has happened")
                    .expectNoEvents();
        }

        @Test
        void aStepDatedTomorrowIsRefused() {
            fixture.given(aprWithSteps(6))
                    .when(new RecordProcedureStep(PACT, null, APR, "apr-7", ProcedureStage.EVALUATION, TODAY.plusDays(1), null, null, TODAY))
                    .expectException(invalid("effectiveDate", "effective-date-in-future"))
                    .expectNoEvents();
        }

        @Test
        void aStepWithoutEffectiveDateIsRefused() {
            fixture.given(aprWithSteps(1))
                    .when(new RecordProcedureStep(PACT, null, APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, null, null, null, TODAY))
                    .expectException(invalid("effectiveDate", "required"))
                    .expectNoEvents();
        }

        @Test
        void aStepWithoutTodayIsRefused() {
            fixture.given(aprWithSteps(1))
                    .when(new RecordProcedureStep(PACT, null, APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, date("2020-09-23"), null, null, null))
                    .expectException(invalid("today", "required"))
                    .expectNoEvents();
        }

        @Test
        void aStepWithoutStageIsRefused() {
            fixture.given(aprWithSteps(1))
                    .when(record(APR, "apr-2", null, "2020-09-23"))
                    .expectException(invalid("stage", "required"))
                    .expectNoEvents();
        }

        @Test
        void aStepWithoutIdIsRefused() {
            fixture.given(aprWithSteps(1))
                    .when(record(APR, null, ProcedureStage.PROPOSAL_ADOPTED, "2020-09-23"))
                    .expectException(invalid("stepId", "required"))
                    .expectNoEvents();
        }

        @Test
        void aStepWithAnIdTheMeasureAlreadyHasIsRefused() {
            fixture.given(aprWithSteps(3))
                    .when(record(APR, "apr-3", ProcedureStage.ADOPTED, "2024-05-14"))
                    .expectException(conflict("stepId", "duplicate-step"))
                    .expectExceptionMessage("the measure already has step apr-3")
                    .expectNoEvents();
        }

        @Test
        void theSameStepIdOnAnotherMeasureIsAccepted() {
            fixture.given(concat(aprWithSteps(1), screeningAdded()))
                    .when(record(SCREENING, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2020-09-23"))
                    .expectEvents(stepRecorded(SCREENING, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2020-09-23"));
        }

        @Test
        void aStepOfAnUnknownMeasureIsRefused() {
            fixture.given(aprWithSteps(1))
                    .when(record(SCREENING, "scr-1", ProcedureStage.PROPOSAL_ADOPTED, "2020-09-23"))
                    .expectException(conflict("measureId", "unknown-measure"))
                    .expectNoEvents();
        }

        @Test
        void aNoteLongerThan2000CharactersIsRefused() {
            fixture.given(aprWithSteps(1))
                    .when(new RecordProcedureStep(PACT, null, APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, date("2020-09-23"),
                            "n".repeat(Dossier.NOTE_MAX + 1), null, TODAY))
                    .expectException(invalid("note", "too-long"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Exits {

        @ParameterizedTest
        @EnumSource(value = ProcedureStage.class, names = {"WITHDRAWN", "LAPSED"})
        void anExitAfterEveryStepIsAccepted(ProcedureStage exit) {
            fixture.given(returnRecast(false))
                    .when(record(RETURN_RECAST, "ret-exit", exit, EXIT_DAY))
                    .expectEvents(stepRecorded(RETURN_RECAST, "ret-exit", exit, EXIT_DAY))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void aStepDatedAfterTheWithdrawalIsRefused() {
            fixture.given(returnRecast(true))
                    .when(record(RETURN_RECAST, "ret-3", ProcedureStage.EP_MANDATE, "2025-04-01"))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectExceptionMessage("the procedure of 'Return Directive (recast)' ended with WITHDRAWN on 2025-03-11; "
                            + "no step can follow it (EP_MANDATE on 2025-04-01)")
                    .expectNoEvents();
        }

        @Test
        void aStepDatedOnTheDayOfTheWithdrawalRecordedAfterItIsRefused() {
            fixture.given(returnRecast(true))
                    .when(record(RETURN_RECAST, "ret-3", ProcedureStage.EP_MANDATE, EXIT_DAY))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectNoEvents();
        }

        @Test
        void aSecondExitAfterTheFirstIsRefused() {
            fixture.given(returnRecast(true))
                    .when(record(RETURN_RECAST, "ret-lapsed", ProcedureStage.LAPSED, "2025-06-01"))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectNoEvents();
        }

        @Test
        void aStepThatHappenedBeforeTheWithdrawalMayStillBeRecorded() {
            fixture.given(returnRecast(true))
                    .when(record(RETURN_RECAST, "ret-council", ProcedureStage.COUNCIL_MANDATE, "2019-06-07"))
                    .expectEvents(stepRecorded(RETURN_RECAST, "ret-council", ProcedureStage.COUNCIL_MANDATE, "2019-06-07"))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void anExitDatedBeforeExistingStepsIsRefused() {
            fixture.given(returnRecast(false))
                    .when(record(RETURN_RECAST, "ret-exit", ProcedureStage.WITHDRAWN, "2019-01-15"))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectExceptionMessage(containsString("ended with WITHDRAWN on 2019-01-15; no step can follow it (EP_COMMITTEE on 2019-09-04)"))
                    .expectNoEvents();
        }

        /** Of two steps on one day the later recorded comes later: an exit recorded after a step of its own day ends the procedure. */
        @Test
        void anExitOnTheDayOfAnEarlierRecordedStepIsAccepted() {
            fixture.given(returnRecast(false))
                    .when(record(RETURN_RECAST, "ret-exit", ProcedureStage.LAPSED, "2019-09-04"))
                    .expectEvents(stepRecorded(RETURN_RECAST, "ret-exit", ProcedureStage.LAPSED, "2019-09-04"))
                    .expectResultMessagePayload(4L);
        }
    }

    @Nested
    class Corrections {

        @Test
        void anEntryIntoForceRecordedADayLateIsCorrectedWithItsReason() {
            List<DossierEvent> given = aprWithSteps(5);
            given.add(stepRecorded(APR, "apr-6", ProcedureStage.IN_FORCE, "2024-06-12"));
            fixture.given(given)
                    .when(new CorrectProcedureStep(PACT, 7L, APR, "apr-6", ProcedureStage.IN_FORCE, date("2024-06-11"), null, "OJ L, 2024/1348",
                            "  in force on the twentieth day after publication on 22 May 2024: 11 June  ", TODAY))
                    .expectEvents(new ProcedureStepCorrected(PACT, APR, "apr-6", ProcedureStage.IN_FORCE, date("2024-06-11"), null,
                            "OJ L, 2024/1348", "in force on the twentieth day after publication on 22 May 2024: 11 June"))
                    .expectResultMessagePayload(8L);
        }

        @Test
        void aCorrectionOfTheNoteAloneIsAccepted() {
            fixture.given(aprWithSteps(2))
                    .when(correct(APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, "2020-09-23", "amended proposal COM(2020) 611 final",
                            "the COM number as the Commission publishes it"))
                    .expectEvents(new ProcedureStepCorrected(PACT, APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, date("2020-09-23"),
                            "amended proposal COM(2020) 611 final", null, "the COM number as the Commission publishes it"));
        }

        @Test
        void aStepCorrectedOnceMayBeCorrectedAgain() {
            fixture.given(concat(aprWithSteps(3), new ProcedureStepCorrected(PACT, APR, "apr-3", ProcedureStage.TRILOGUE,
                            date("2023-12-20"), null, null, "first recorded as the agreement")))
                    .when(correct(APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, "2023-12-20", null,
                            "the trilogue of 18-20 December did end in the provisional agreement"))
                    .expectEvents(new ProcedureStepCorrected(PACT, APR, "apr-3", ProcedureStage.PROVISIONAL_AGREEMENT, date("2023-12-20"),
                            null, null, "the trilogue of 18-20 December did end in the provisional agreement"))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void aCorrectionOfAnUnknownStepIsRefused() {
            fixture.given(aprWithSteps(2))
                    .when(correct(APR, "apr-9", ProcedureStage.ADOPTED, "2024-05-14", null, "wrong date"))
                    .expectException(conflict("stepId", "unknown-step"))
                    .expectExceptionMessage("the measure has no step apr-9")
                    .expectNoEvents();
        }

        @Test
        void aCorrectionOfAStepOfAnUnknownMeasureIsRefused() {
            fixture.given(aprWithSteps(2))
                    .when(correct(RCD, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13", null, "wrong measure"))
                    .expectException(conflict("measureId", "unknown-measure"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n"})
        void aCorrectionWithoutAReasonIsRefused(String reason) {
            fixture.given(aprWithSteps(2))
                    .when(correct(APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, "2020-09-24", null, reason))
                    .expectException(invalid("reason", "required"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionThatChangesNothingRecordsNothing() {
            fixture.given(aprWithSteps(2))
                    .when(correct(APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED, "2020-09-23", "  amended proposal COM(2020)611 ",
                            "checked against the Legislative Observatory"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCorrectionToAFutureDateIsRefused() {
            fixture.given(aprWithSteps(6))
                    .when(correct(APR, "apr-6", ProcedureStage.IN_APPLICATION, "2026-06-12", null, "it is the application date"))
                    .expectException(invalid("effectiveDate", "effective-date-in-future"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionWithoutStageIsRefused() {
            fixture.given(aprWithSteps(2))
                    .when(correct(APR, "apr-2", null, "2020-09-23", null, "stage unknown"))
                    .expectException(invalid("stage", "required"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionThatWouldPutAStepAfterTheWithdrawalIsRefused() {
            fixture.given(returnRecast(true))
                    .when(correct(RETURN_RECAST, "ret-2", ProcedureStage.EP_COMMITTEE, "2025-04-01", null, "the committee vote was later"))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionThatWouldMoveTheWithdrawalBeforeAnExistingStepIsRefused() {
            fixture.given(returnRecast(true))
                    .when(correct(RETURN_RECAST, "ret-exit", ProcedureStage.WITHDRAWN, "2019-01-15", null, "withdrawn earlier"))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionThatWouldTurnTheProposalIntoAnExitBeforeTheCommitteeStepIsRefused() {
            fixture.given(returnRecast(false))
                    .when(correct(RETURN_RECAST, "ret-1", ProcedureStage.WITHDRAWN, "2018-09-12", null, "it was a withdrawal"))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionMovingAStepRecordedBeforeTheWithdrawalOntoItsDayIsAccepted() {
            fixture.given(returnRecast(true))
                    .when(correct(RETURN_RECAST, "ret-2", ProcedureStage.EP_COMMITTEE, EXIT_DAY, null, "the committee met that morning"))
                    .expectEvents(new ProcedureStepCorrected(PACT, RETURN_RECAST, "ret-2", ProcedureStage.EP_COMMITTEE, date(EXIT_DAY), null,
                            null, "the committee met that morning"))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void aCorrectionMovingAStepRecordedAfterTheWithdrawalOntoItsDayIsRefused() {
            fixture.given(concat(returnRecast(true), stepRecorded(RETURN_RECAST, "ret-council", ProcedureStage.COUNCIL_MANDATE, "2019-06-07")))
                    .when(correct(RETURN_RECAST, "ret-council", ProcedureStage.COUNCIL_MANDATE, EXIT_DAY, null, "wrong day"))
                    .expectException(conflict("effectiveDate", "step-after-exit"))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionThatKeepsTheWithdrawalLastIsAccepted() {
            fixture.given(returnRecast(true))
                    .when(correct(RETURN_RECAST, "ret-exit", ProcedureStage.WITHDRAWN, "2025-02-11", "announced in the Commission work programme",
                            "the withdrawal was announced a month earlier"))
                    .expectEvents(new ProcedureStepCorrected(PACT, RETURN_RECAST, "ret-exit", ProcedureStage.WITHDRAWN, date("2025-02-11"),
                            "announced in the Commission work programme", null, "the withdrawal was announced a month earlier"))
                    .expectResultMessagePayload(5L);
        }
    }
}
