package org.icm.policy.dossier;

import static org.hamcrest.Matchers.containsString;
import static org.icm.policy.dossier.PactTestData.*;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.policy.dossier.DossierCommand.AddMeasure;
import org.icm.policy.dossier.DossierCommand.EditMeasure;
import org.icm.policy.dossier.DossierCommand.SetMeasureKeyDates;
import org.icm.policy.dossier.DossierEvent.MeasureAdded;
import org.icm.policy.dossier.DossierEvent.MeasureEdited;
import org.icm.policy.dossier.DossierEvent.MeasureKeyDatesSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Measures of a dossier: adding and editing them (procedure, COM and CELEX references) and their key dates. */
class MeasureTest {

    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
    }

    private static AddMeasure addApr(String procedureReference) {
        return new AddMeasure(PACT, null, APR, APR_TITLE, MeasureType.REGULATION, procedureReference, "COM(2020)611", "32024R1348",
                "Regulation (EU) 2024/1348");
    }

    private static EditMeasure editApr(MeasureType type, String procedureReference) {
        return new EditMeasure(PACT, null, APR, APR_TITLE, type, procedureReference, "COM(2020)611", "32024R1348",
                "Regulation (EU) 2024/1348");
    }

    @Nested
    class Adding {

        @Test
        void theAsylumProcedureRegulationIsAddedWithItsProcedureComAndCelexReferences() {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, 0L, APR, " " + APR_TITLE + " ", MeasureType.REGULATION, " 2016/0224(COD) ",
                            " COM(2020)611 ", "32024R1348", "Regulation (EU) 2024/1348"))
                    .expectEvents(aprAdded())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aNonLegislativeMeasureNeedsNoReferences() {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, "communication-children-in-migration",
                            "Communication on the protection of children in migration", MeasureType.COMMUNICATION, null, "  ", "", null))
                    .expectEvents(new MeasureAdded(PACT, "communication-children-in-migration",
                            "Communication on the protection of children in migration", MeasureType.COMMUNICATION, null, null, null, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2016/0224(COD)", "2020/0279(COD)", "2018/0329(COD)", "2016/0222(COD)", "2020/0277(COD)", "2016/0132(COD)"})
        void aWellFormedProcedureReferenceIsAccepted(String reference) {
            fixture.given(pactOpened())
                    .when(addApr(reference))
                    .expectEvents(new MeasureAdded(PACT, APR, APR_TITLE, MeasureType.REGULATION, reference, "COM(2020)611", "32024R1348",
                            "Regulation (EU) 2024/1348"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "2016/224(COD)",      // number of three digits
                "16/0224(COD)",       // two-digit year
                "2016-0224(COD)",     // dash instead of slash
                "2016/0224 (COD)",    // space before the type
                "2016/0224(cod)",     // lower-case type
                "2016/0224",          // no type
                "2016/0224()",        // empty type
                "(COD) 2016/0224",    // type first
                "COM(2016)467",       // a COM number, not a procedure
                "2016/0224(CODE)",    // four-letter type
                "1949/0001(COD)",     // before EU procedures began
        })
        void aMalformedProcedureReferenceIsRefused(String reference) {
            fixture.given(pactOpened())
                    .when(addApr(reference))
                    .expectException(invalid("procedureReference", "malformed-procedure-reference"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2016/0224(XYZ)", "2016/0224(ABC)", "2016/0224(EUR)"})
        void aProcedureReferenceOfAnUnknownTypeIsRefused(String reference) {
            fixture.given(pactOpened())
                    .when(addApr(reference))
                    .expectException(invalid("procedureReference", "malformed-procedure-reference"))
                    .expectExceptionMessage(containsString("is not a procedure type"))
                    .expectNoEvents();
        }

        @Test
        void aSecondMeasureWithTheSameIdIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new AddMeasure(PACT, null, APR, "Screening Regulation", MeasureType.REGULATION, SCREENING_PROCEDURE, null, null, null))
                    .expectException(conflict("measureId", "duplicate-measure"))
                    .expectNoEvents();
        }

        @Test
        void aSecondMeasureFollowingTheSameProcedureIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new AddMeasure(PACT, null, "apr-duplicate", "Asylum Procedure Regulation (amended proposal)",
                            MeasureType.REGULATION, " 2016/0224(COD)", null, null, null))
                    .expectException(conflict("procedureReference", "duplicate-procedure-reference"))
                    .expectExceptionMessage("measure 'Asylum Procedure Regulation' of this dossier already follows procedure 2016/0224(COD)")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"COM(2020)611", "COM(2020) 611", "COM(2020)611 final", "COM(2020) 611 final", "COM(2017)211"})
        void aWellFormedComReferenceIsAccepted(String com) {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, com, null, null))
                    .expectEvents(new MeasureAdded(PACT, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, com, null, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"COM 2020/611", "COM(20)611", "com(2020)611", "SWD(2020)611", "COM(2020)", "COM(2020)61100", "2020/611"})
        void aMalformedComReferenceIsRefused(String com) {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, com, null, null))
                    .expectException(invalid("comReference", "malformed-com-reference"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"32024R1348", "32024L1346", "52020PC0611", "32024R1348(01)"})
        void aWellFormedCelexNumberIsAccepted(String celex) {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, null, celex, null))
                    .expectEvents(new MeasureAdded(PACT, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, null, celex, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024R1348", "32024/1348", "Regulation (EU) 2024/1348", "32024r1348", "X2024R1348", "32024R13"})
        void aMalformedCelexNumberIsRefused(String celex) {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, null, celex, null))
                    .expectException(invalid("celexNumber", "malformed-celex-number"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aBlankTitleIsRefused(String title) {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, APR, title, MeasureType.REGULATION, APR_PROCEDURE, null, null, null))
                    .expectException(invalid("title", "required"))
                    .expectNoEvents();
        }

        @Test
        void aMissingTypeIsRefused() {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, APR, APR_TITLE, null, APR_PROCEDURE, null, null, null))
                    .expectException(invalid("type", "required"))
                    .expectNoEvents();
        }

        @Test
        void aMissingMeasureIdIsRefused() {
            fixture.given(pactOpened())
                    .when(new AddMeasure(PACT, null, null, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, null, null, null))
                    .expectException(invalid("measureId", "required"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Editing {

        @Test
        void editingAMeasureKeepingItsOwnProcedureReferenceIsAccepted() {
            fixture.given(pactOpened(), aprAdded(), screeningAdded())
                    .when(new EditMeasure(PACT, 2L, APR, "Asylum Procedure Regulation (APR)", MeasureType.REGULATION, APR_PROCEDURE,
                            "COM(2020) 611 final", "32024R1348", "Regulation (EU) 2024/1348"))
                    .expectEvents(new MeasureEdited(PACT, APR, "Asylum Procedure Regulation (APR)", MeasureType.REGULATION, APR_PROCEDURE,
                            "COM(2020) 611 final", "32024R1348", "Regulation (EU) 2024/1348"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void anEditThatChangesNothingRecordsNothingAndAnswersTheSameVersion() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new EditMeasure(PACT, 1L, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, "COM(2020)611", "32024R1348",
                            "Regulation (EU) 2024/1348"))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void editingAMeasureOntoAnotherMeasuresProcedureIsRefused() {
            fixture.given(pactOpened(), aprAdded(), screeningAdded())
                    .when(editApr(MeasureType.REGULATION, SCREENING_PROCEDURE))
                    .expectException(conflict("procedureReference", "duplicate-procedure-reference"))
                    .expectNoEvents();
        }

        @Test
        void editingAnUnknownMeasureIsRefused() {
            fixture.given(pactOpened(), screeningAdded())
                    .when(editApr(MeasureType.REGULATION, APR_PROCEDURE))
                    .expectException(conflict("measureId", "unknown-measure"))
                    .expectExceptionMessage("the dossier has no measure " + APR)
                    .expectNoEvents();
        }

        @Test
        void editingAMeasureWithAMalformedProcedureReferenceIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(editApr(MeasureType.REGULATION, "2016/0224"))
                    .expectException(invalid("procedureReference", "malformed-procedure-reference"))
                    .expectNoEvents();
        }

        @Test
        void editingAMeasureWithAMalformedComReferenceIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new EditMeasure(PACT, null, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, "COM 2020/611", null, null))
                    .expectException(invalid("comReference", "malformed-com-reference"))
                    .expectNoEvents();
        }

        @Test
        void editingAMeasureWithAMalformedCelexNumberIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new EditMeasure(PACT, null, APR, APR_TITLE, MeasureType.REGULATION, APR_PROCEDURE, null, "2024/1348", null))
                    .expectException(invalid("celexNumber", "malformed-celex-number"))
                    .expectNoEvents();
        }

        @Test
        void editingAMeasureWithABlankTitleIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new EditMeasure(PACT, null, APR, " ", MeasureType.REGULATION, APR_PROCEDURE, null, null, null))
                    .expectException(invalid("title", "required"))
                    .expectNoEvents();
        }

        @Test
        void editingTheTypeOfADirectiveWithATranspositionDeadlineAwayFromDirectiveIsRefused() {
            fixture.given(pactOpened(), rcdAdded(), new MeasureKeyDatesSet(PACT, RCD, date("2024-06-11"), null, date("2026-06-12")))
                    .when(new EditMeasure(PACT, null, RCD, RCD_TITLE, MeasureType.REGULATION, RCD_PROCEDURE, null, "32024L1346",
                            "Directive (EU) 2024/1346"))
                    .expectException(conflict("type", "transposition-needs-directive"))
                    .expectNoEvents();
        }

        @Test
        void aDirectiveWhoseTranspositionDeadlineWasClearedMayChangeType() {
            fixture.given(pactOpened(), rcdAdded(), new MeasureKeyDatesSet(PACT, RCD, date("2024-06-11"), null, date("2026-06-12")),
                            new MeasureKeyDatesSet(PACT, RCD, date("2024-06-11"), null, null))
                    .when(new EditMeasure(PACT, null, RCD, RCD_TITLE, MeasureType.REGULATION, RCD_PROCEDURE, null, null, null))
                    .expectEvents(new MeasureEdited(PACT, RCD, RCD_TITLE, MeasureType.REGULATION, RCD_PROCEDURE, null, null, null));
        }

        @Test
        void aDirectiveWithATranspositionDeadlineStaysEditableAsADirective() {
            fixture.given(pactOpened(), rcdAdded(), new MeasureKeyDatesSet(PACT, RCD, date("2024-06-11"), null, date("2026-06-12")))
                    .when(new EditMeasure(PACT, null, RCD, "Reception Conditions Directive", MeasureType.DIRECTIVE, RCD_PROCEDURE, null,
                            "32024L1346", "Directive (EU) 2024/1346"))
                    .expectEvents(new MeasureEdited(PACT, RCD, "Reception Conditions Directive", MeasureType.DIRECTIVE, RCD_PROCEDURE, null,
                            "32024L1346", "Directive (EU) 2024/1346"));
        }
    }

    @Nested
    class KeyDates {

        @Test
        void theAsylumProcedureRegulationEntersIntoForceOn11June2024AndAppliesFrom12June2026() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new SetMeasureKeyDates(PACT, 1L, APR, date("2024-06-11"), date("2026-06-12"), null))
                    .expectEvents(new MeasureKeyDatesSet(PACT, APR, date("2024-06-11"), date("2026-06-12"), null))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void theReceptionConditionsDirectiveMustBeTransposedBy12June2026() {
            fixture.given(pactOpened(), rcdAdded())
                    .when(new SetMeasureKeyDates(PACT, null, RCD, date("2024-06-11"), null, date("2026-06-12")))
                    .expectEvents(new MeasureKeyDatesSet(PACT, RCD, date("2024-06-11"), null, date("2026-06-12")));
        }

        @Test
        void theSameKeyDatesAgainRecordNothingAndAnswerTheSameVersion() {
            fixture.given(pactOpened(), aprAdded(), new MeasureKeyDatesSet(PACT, APR, date("2024-06-11"), date("2026-06-12"), null))
                    .when(new SetMeasureKeyDates(PACT, 2L, APR, date("2024-06-11"), date("2026-06-12"), null))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
            new org.axonframework.test.aggregate.AggregateTestFixture<>(Dossier.class).given(pactOpened(), aprAdded())
                    .when(new SetMeasureKeyDates(PACT, null, APR, null, null, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void keyDatesMayLieInTheFutureAndMayBeClearedAgain() {
            fixture.given(pactOpened(), aprAdded(), new MeasureKeyDatesSet(PACT, APR, date("2024-06-11"), date("2026-06-12"), null))
                    .when(new SetMeasureKeyDates(PACT, null, APR, null, null, null))
                    .expectEvents(new MeasureKeyDatesSet(PACT, APR, null, null, null));
        }

        @Test
        void applicationOnTheDayOfEntryIntoForceIsAccepted() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new SetMeasureKeyDates(PACT, null, APR, date("2024-06-11"), date("2024-06-11"), null))
                    .expectEvents(new MeasureKeyDatesSet(PACT, APR, date("2024-06-11"), date("2024-06-11"), null));
        }

        @ParameterizedTest
        @EnumSource(value = MeasureType.class, names = "DIRECTIVE", mode = EnumSource.Mode.EXCLUDE)
        void aTranspositionDeadlineOnAnythingButADirectiveIsRefused(MeasureType type) {
            fixture.given(pactOpened(), new MeasureAdded(PACT, APR, APR_TITLE, type, APR_PROCEDURE, null, null, null))
                    .when(new SetMeasureKeyDates(PACT, null, APR, date("2024-06-11"), null, date("2026-06-12")))
                    .expectException(invalid("transpositionDeadline", "transposition-needs-directive"))
                    .expectExceptionMessage("only directives are transposed; 'Asylum Procedure Regulation' is a " + type)
                    .expectNoEvents();
        }

        @Test
        void applicationBeforeEntryIntoForceIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new SetMeasureKeyDates(PACT, null, APR, date("2024-06-11"), date("2024-05-22"), null))
                    .expectException(invalid("application", "application-before-entry-into-force"))
                    .expectNoEvents();
        }

        @Test
        void aTranspositionDeadlineBeforeEntryIntoForceIsRefused() {
            fixture.given(pactOpened(), rcdAdded())
                    .when(new SetMeasureKeyDates(PACT, null, RCD, date("2024-06-11"), null, date("2024-06-10")))
                    .expectException(invalid("transpositionDeadline", "transposition-before-entry-into-force"))
                    .expectNoEvents();
        }

        @Test
        void keyDatesOfAnUnknownMeasureAreRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new SetMeasureKeyDates(PACT, null, RCD, date("2024-06-11"), null, date("2026-06-12")))
                    .expectException(conflict("measureId", "unknown-measure"))
                    .expectNoEvents();
        }
    }
}
