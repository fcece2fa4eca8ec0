package org.icm.policy.dossier;

import static org.icm.policy.dossier.PactTestData.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.kernel.vocabulary.Uptake;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.dossier.DossierCommand.*;
import org.icm.policy.dossier.DossierEvent.*;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening, editing, publishing, returning to draft and archiving a dossier; an archived dossier refuses every change. */
class DossierLifecycleTest {

    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
    }

    @Nested
    class Opening {

        @Test
        void aFocalPointOpensThePactOnMigrationAndAsylumAsADraftAndGetsItsId() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDossier(PACT, "  " + PACT_TITLE + " ", PolicyArea.ASYLUM, PACT_SUMMARY, PICUM))
                    .expectEvents(new DossierOpened(PACT, PACT_TITLE, PolicyArea.ASYLUM, PACT_SUMMARY, PICUM))
                    .expectResultMessagePayload(PACT);
        }

        @Test
        void aBlankSummaryIsStoredAsNoSummary() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDossier(PACT, PACT_TITLE, PolicyArea.ASYLUM, "   ", PICUM))
                    .expectEvents(new DossierOpened(PACT, PACT_TITLE, PolicyArea.ASYLUM, null, PICUM));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void aBlankTitleIsRefused(String title) {
            fixture.givenNoPriorActivity()
                    .when(new OpenDossier(PACT, title, PolicyArea.ASYLUM, PACT_SUMMARY, PICUM))
                    .expectException(invalid("title", "required"))
                    .expectNoEvents();
        }

        @Test
        void aTitleLongerThan300CharactersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDossier(PACT, "P".repeat(Dossier.TITLE_MAX + 1), PolicyArea.ASYLUM, null, PICUM))
                    .expectException(invalid("title", "too-long"))
                    .expectNoEvents();
        }

        @Test
        void aTitleOfExactly300CharactersIsAccepted() {
            String title = "P".repeat(Dossier.TITLE_MAX);
            fixture.givenNoPriorActivity()
                    .when(new OpenDossier(PACT, title, PolicyArea.ASYLUM, null, PICUM))
                    .expectEvents(new DossierOpened(PACT, title, PolicyArea.ASYLUM, null, PICUM));
        }

        @Test
        void aMissingPolicyAreaIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDossier(PACT, PACT_TITLE, null, PACT_SUMMARY, PICUM))
                    .expectException(invalid("policyArea", "required"))
                    .expectExceptionMessage("policyArea is required")
                    .expectNoEvents();
        }

        @Test
        void aMissingIdIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDossier(null, PACT_TITLE, PolicyArea.ASYLUM, PACT_SUMMARY, PICUM))
                    .expectException(invalid("id", "required"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Editing {

        @Test
        void editingReplacesTitlePolicyAreaAndSummaryAndAnswersTheNewVersion() {
            fixture.given(pactOpened())
                    .when(new EditDossier(PACT, 0L, "Pact on Migration and Asylum (2024 package) ", PolicyArea.BORDERS, "  "))
                    .expectEvents(new DossierEdited(PACT, "Pact on Migration and Asylum (2024 package)", PolicyArea.BORDERS, null))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void anEditThatChangesNothingRecordsNothingAndAnswersTheSameVersion() {
            fixture.given(pactOpened())
                    .when(new EditDossier(PACT, 0L, " " + PACT_TITLE + " ", PolicyArea.ASYLUM, PACT_SUMMARY))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void aBlankTitleIsRefused(String title) {
            fixture.given(pactOpened())
                    .when(new EditDossier(PACT, null, title, PolicyArea.ASYLUM, PACT_SUMMARY))
                    .expectException(invalid("title", "required"))
                    .expectNoEvents();
        }

        @Test
        void aMissingPolicyAreaIsRefused() {
            fixture.given(pactOpened())
                    .when(new EditDossier(PACT, null, PACT_TITLE, null, PACT_SUMMARY))
                    .expectException(invalid("policyArea", "required"))
                    .expectNoEvents();
        }

        @Test
        void aStaleExpectedVersionIsRefusedSoNoUpdateIsLost() {
            fixture.given(pactOpened(), new DossierPublished(PACT))
                    .when(new EditDossier(PACT, 0L, "Pact on Migration and Asylum (2024 package)", PolicyArea.ASYLUM, null))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Visibility {

        @Test
        void aDraftDossierIsPublished() {
            fixture.given(pactOpened())
                    .when(new PublishDossier(PACT, 0L))
                    .expectEvents(new DossierPublished(PACT))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void publishingTwiceRecordsNothing() {
            fixture.given(pactOpened(), new DossierPublished(PACT))
                    .when(new PublishDossier(PACT, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aPublishedDossierReturnsToDraft() {
            fixture.given(pactOpened(), new DossierPublished(PACT))
                    .when(new ReturnDossierToDraft(PACT, 1L))
                    .expectEvents(new DossierReturnedToDraft(PACT))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void returningADraftToDraftRecordsNothing() {
            fixture.given(pactOpened())
                    .when(new ReturnDossierToDraft(PACT, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void aDossierReturnedToDraftCanBePublishedAgain() {
            fixture.given(pactOpened(), new DossierPublished(PACT), new DossierReturnedToDraft(PACT))
                    .when(new PublishDossier(PACT, 2L))
                    .expectEvents(new DossierPublished(PACT))
                    .expectResultMessagePayload(3L);
        }
    }

    @Nested
    class Archiving {

        @Test
        void anOpenDossierIsArchived() {
            fixture.given(pactOpened(), new DossierPublished(PACT))
                    .when(new ArchiveDossier(PACT, 1L))
                    .expectEvents(new DossierArchived(PACT))
                    .expectResultMessagePayload(2L);
        }

        /**
         * Each command below succeeds on the open dossier (checked first, so the refusal is due to the archive alone), and is
         * refused once the dossier is archived.
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.icm.policy.dossier.DossierLifecycleTest#everyChange")
        void anArchivedDossierRefusesEveryChange(String name, List<DossierEvent> history, Object command) {
            new AggregateTestFixture<>(Dossier.class)
                    .given(history)
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload((long) history.size());

            fixture.given(concat(history, new DossierArchived(PACT)))
                    .when(command)
                    .expectException(conflict("dossier-archived"))
                    .expectExceptionMessage("the dossier is archived; its history is kept, and nothing changes any more")
                    .expectNoEvents();
        }
    }

    /**
     * The Pact dossier with the Asylum Procedure Regulation (one step), the Screening Regulation, UNCRC-3 tagged, the
     * border-procedures recommendation adopted and endorsed by PICUM, and the no-detention recommendation published.
     */
    static List<DossierEvent> busyPact() {
        List<DossierEvent> events = new ArrayList<>(List.of(pactOpened(), aprAdded(), screeningAdded(),
                stepRecorded(APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED, "2016-07-13"),
                new RightTagged(PACT, "UNCRC-3", "Border and accelerated procedures must assess each child's best interests."),
                borderProceduresDrafted()));
        events.addAll(statusPath(BORDER_PROCEDURES, RecommendationStatus.ADOPTED));
        events.add(new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM));
        events.add(new RecommendationDrafted(PACT, NO_DETENTION, NO_DETENTION_TEXT, List.of(Addressee.MEMBER_STATES), List.of(SCREENING)));
        events.addAll(statusPath(NO_DETENTION, RecommendationStatus.PUBLISHED));
        return events;
    }

    static Stream<Arguments> everyChange() {
        List<DossierEvent> pact = busyPact();
        return Stream.of(
                Arguments.of("EditDossier", pact, new EditDossier(PACT, null, PACT_TITLE + " (2024)", PolicyArea.ASYLUM, null)),
                Arguments.of("PublishDossier", pact, new PublishDossier(PACT, null)),
                Arguments.of("ReturnDossierToDraft", concat(pact, new DossierPublished(PACT)), new ReturnDossierToDraft(PACT, null)),
                Arguments.of("ArchiveDossier (again)", pact, new ArchiveDossier(PACT, null)),
                Arguments.of("AddMeasure", pact, new AddMeasure(PACT, null, RCD, RCD_TITLE, MeasureType.DIRECTIVE, RCD_PROCEDURE, null,
                        "32024L1346", "Directive (EU) 2024/1346")),
                Arguments.of("EditMeasure", pact, new EditMeasure(PACT, null, APR, "Asylum Procedure Regulation (APR)",
                        MeasureType.REGULATION, APR_PROCEDURE, "COM(2020)611", "32024R1348", "Regulation (EU) 2024/1348")),
                Arguments.of("RecordProcedureStep", pact, new RecordProcedureStep(PACT, null, APR, "apr-2", ProcedureStage.PROPOSAL_ADOPTED,
                        date("2020-09-23"), "amended proposal COM(2020)611", null, TODAY)),
                Arguments.of("CorrectProcedureStep", pact, new CorrectProcedureStep(PACT, null, APR, "apr-1", ProcedureStage.PROPOSAL_ADOPTED,
                        date("2016-07-13"), null, "COM(2016)467", "the original proposal's COM number was missing", TODAY)),
                Arguments.of("SetMeasureKeyDates", pact, new SetMeasureKeyDates(PACT, null, APR, date("2024-06-11"), date("2026-06-12"), null)),
                Arguments.of("TagRight", pact, new TagRight(PACT, null, "UNCRC-37",
                        "Screening and border procedures can lead to de facto detention of children.")),
                Arguments.of("UntagRight", pact, new UntagRight(PACT, null, "UNCRC-3")),
                Arguments.of("DraftRecommendation", pact, new DraftRecommendation(PACT, null, "rec-hearing",
                        "Hear every child in the asylum procedure in a child-friendly way.", Set.of(Addressee.MEMBER_STATES), List.of(APR))),
                Arguments.of("ReviseRecommendation", pact, new ReviseRecommendation(PACT, null, BORDER_PROCEDURES, BORDER_PROCEDURES_REVISED)),
                Arguments.of("ChangeRecommendationAddressees", pact, new ChangeRecommendationAddressees(PACT, null, BORDER_PROCEDURES,
                        Set.of(Addressee.COUNCIL))),
                Arguments.of("LinkRecommendationToMeasure", pact, new LinkRecommendationToMeasure(PACT, null, BORDER_PROCEDURES, SCREENING)),
                Arguments.of("UnlinkRecommendationFromMeasure", pact, new UnlinkRecommendationFromMeasure(PACT, null, BORDER_PROCEDURES, APR)),
                Arguments.of("MoveRecommendationStatus", pact, new MoveRecommendationStatus(PACT, null, BORDER_PROCEDURES,
                        RecommendationStatus.PUBLISHED)),
                Arguments.of("RecordRecommendationOutcome", pact, new RecordRecommendationOutcome(PACT, null, NO_DETENTION,
                        Outcome.PARTIALLY_ADDRESSED, "The Reception Conditions Directive lets Member States detain applicants, children included.")),
                Arguments.of("EndorseRecommendation", pact, new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, MISSING_CHILDREN_EUROPE)),
                Arguments.of("WithdrawEndorsement", pact, new WithdrawEndorsement(PACT, null, BORDER_PROCEDURES, PICUM)),
                Arguments.of("RecordNationalMeasure", pact, new RecordNationalMeasure(PACT, null, APR, "GR", "gr-plan",
                        NationalMeasureKind.IMPLEMENTATION_PLAN, "National implementation plan (fictional)", null, date("2025-12-01"), null,
                        PICUM, date("2026-01-01"))),
                Arguments.of("CorrectNationalMeasure", concat(pact, new NationalMeasureRecorded(PACT, APR, "GR", "gr-plan",
                        NationalMeasureKind.IMPLEMENTATION_PLAN, "National implementation plan (fictional)", null, date("2025-12-01"), null,
                        PICUM)), new CorrectNationalMeasure(PACT, null, APR, "GR", "gr-plan",
                        NationalMeasureKind.IMPLEMENTATION_PLAN, "National implementation plan (fictional)", null, date("2025-12-02"), null,
                        PICUM, "adopted a day later", date("2026-01-01"))),
                Arguments.of("DeclareTransposition", concat(pact, rcdAdded()), new DeclareTransposition(PACT, null, RCD, "GR", TranspositionStatus.PARTIAL,
                        date("2025-12-01"), "Notification (fictional)", PICUM, date("2026-01-01"))),
                Arguments.of("RecordInfringementStep", pact, new RecordInfringementStep(PACT, null, APR, "GR", "infr-1",
                        InfringementStage.LETTER_OF_FORMAL_NOTICE, "INFR(2026)0001", date("2025-12-01"), PICUM, date("2026-01-01"))),
                Arguments.of("RecordUptake", concat(pact, new RecommendationMeasureLinked(PACT, NO_DETENTION, APR),
                        stepRecorded(APR, "apr-2", ProcedureStage.EP_MANDATE, "2018-05-22")), new RecordUptake(PACT, null, NO_DETENTION, "apr-2",
                        Uptake.NOT_REFLECTED, null, "A8-0171/2018", null, null)),
                Arguments.of("AddNationalNote", pact, new AddNationalNote(PACT, null, APR, "GR", "note-1", "Guardians are late.", null, PICUM)));
    }

    @Test
    void everyCommandAfterTheFirstIsCoveredByTheArchiveTest() {
        long covered = everyChange().map(arguments -> arguments.get()[2].getClass()).distinct().count();
        long commands = Stream.of(DossierCommand.class.getPermittedSubclasses()).filter(type -> type != OpenDossier.class).count();
        org.junit.jupiter.api.Assertions.assertEquals(commands, covered);
    }
}
