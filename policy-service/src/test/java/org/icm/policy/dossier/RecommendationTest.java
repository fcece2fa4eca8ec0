package org.icm.policy.dossier;

import static org.icm.policy.dossier.PactTestData.*;

import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.policy.dossier.DossierCommand.ChangeRecommendationAddressees;
import org.icm.policy.dossier.DossierCommand.DraftRecommendation;
import org.icm.policy.dossier.DossierCommand.EndorseRecommendation;
import org.icm.policy.dossier.DossierCommand.LinkRecommendationToMeasure;
import org.icm.policy.dossier.DossierCommand.MoveRecommendationStatus;
import org.icm.policy.dossier.DossierCommand.RecordRecommendationOutcome;
import org.icm.policy.dossier.DossierCommand.ReviseRecommendation;
import org.icm.policy.dossier.DossierCommand.UnlinkRecommendationFromMeasure;
import org.icm.policy.dossier.DossierCommand.WithdrawEndorsement;
import org.icm.policy.dossier.DossierEvent.RecommendationAddresseesChanged;
import org.icm.policy.dossier.DossierEvent.RecommendationDrafted;
import org.icm.policy.dossier.DossierEvent.RecommendationEndorsed;
import org.icm.policy.dossier.DossierEvent.RecommendationEndorsementWithdrawn;
import org.icm.policy.dossier.DossierEvent.RecommendationMeasureLinked;
import org.icm.policy.dossier.DossierEvent.RecommendationMeasureUnlinked;
import org.icm.policy.dossier.DossierEvent.RecommendationOutcomeRecorded;
import org.icm.policy.dossier.DossierEvent.RecommendationRevised;
import org.icm.policy.dossier.DossierEvent.RecommendationStatusChanged;
import org.icm.policy.dossier.Vocabulary.Addressee;
import org.icm.policy.dossier.Vocabulary.Outcome;
import org.icm.policy.dossier.Vocabulary.RecommendationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ICM's recommendations: drafted, revised, addressed, linked to the dossier's measures, moved through
 * DRAFT -> IN_REVIEW -> ADOPTED -> PUBLISHED (or WITHDRAWN at any point), tracked for outcome, endorsed by organisations.
 */
class RecommendationTest {

    static final String EVIDENCE = "Regulation (EU) 2024/1348 exempts unaccompanied children from the border procedure, "
            + "but not families with children.";

    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
    }

    @Nested
    class Drafting {

        @Test
        void theBorderProceduresRecommendationIsDraftedWithAddresseesInVocabularyOrderAndEachMeasureOnce() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new DraftRecommendation(PACT, 1L, BORDER_PROCEDURES, " " + BORDER_PROCEDURES_TEXT + " ",
                            Set.of(Addressee.COUNCIL, Addressee.EUROPEAN_PARLIAMENT), List.of(APR, APR)))
                    .expectEvents(new RecommendationDrafted(PACT, BORDER_PROCEDURES, BORDER_PROCEDURES_TEXT,
                            List.of(Addressee.EUROPEAN_PARLIAMENT, Addressee.COUNCIL), List.of(APR)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void theNoDetentionRecommendationLinksTwoMeasuresInTheOrderGiven() {
            fixture.given(pactOpened(), rcdAdded(), screeningAdded())
                    .when(new DraftRecommendation(PACT, null, NO_DETENTION, NO_DETENTION_TEXT, Set.of(Addressee.MEMBER_STATES),
                            List.of(SCREENING, RCD)))
                    .expectEvents(noDetentionDrafted());
        }

        @Test
        void aRecommendationMayBeDraftedBeforeItIsLinkedToAnyMeasure() {
            fixture.given(pactOpened())
                    .when(new DraftRecommendation(PACT, null, NO_DETENTION, NO_DETENTION_TEXT, Set.of(Addressee.MEMBER_STATES), null))
                    .expectEvents(new RecommendationDrafted(PACT, NO_DETENTION, NO_DETENTION_TEXT, List.of(Addressee.MEMBER_STATES), List.of()));
        }

        @Test
        void aSecondRecommendationWithTheSameIdIsRefused() {
            fixture.given(pactOpened(), aprAdded(), borderProceduresDrafted())
                    .when(new DraftRecommendation(PACT, null, BORDER_PROCEDURES, NO_DETENTION_TEXT, Set.of(Addressee.MEMBER_STATES), List.of()))
                    .expectException(conflict("recommendationId", "duplicate-recommendation"))
                    .expectNoEvents();
        }

        @Test
        void aRecommendationWithoutIdIsRefused() {
            fixture.given(pactOpened())
                    .when(new DraftRecommendation(PACT, null, null, NO_DETENTION_TEXT, Set.of(Addressee.MEMBER_STATES), List.of()))
                    .expectException(invalid("recommendationId", "required"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void aRecommendationWithoutAddresseesIsRefused(Set<Addressee> addressees) {
            fixture.given(pactOpened(), aprAdded())
                    .when(new DraftRecommendation(PACT, null, BORDER_PROCEDURES, BORDER_PROCEDURES_TEXT, addressees, List.of(APR)))
                    .expectException(invalid("addressees", "required"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " \n ")
        void aRecommendationWithBlankTextIsRefused(String text) {
            fixture.given(pactOpened(), aprAdded())
                    .when(new DraftRecommendation(PACT, null, BORDER_PROCEDURES, text, Set.of(Addressee.COUNCIL), List.of(APR)))
                    .expectException(invalid("text", "required"))
                    .expectNoEvents();
        }

        @Test
        void aRecommendationTextLongerThan20000CharactersIsRefused() {
            fixture.given(pactOpened())
                    .when(new DraftRecommendation(PACT, null, BORDER_PROCEDURES, "t".repeat(Dossier.TEXT_MAX + 1), Set.of(Addressee.COUNCIL), null))
                    .expectException(invalid("text", "too-long"))
                    .expectNoEvents();
        }

        @Test
        void aRecommendationLinkingAMeasureTheDossierDoesNotHaveIsRefused() {
            fixture.given(pactOpened(), aprAdded())
                    .when(new DraftRecommendation(PACT, null, BORDER_PROCEDURES, BORDER_PROCEDURES_TEXT, Set.of(Addressee.COUNCIL),
                            List.of(APR, SCREENING)))
                    .expectException(conflict("measureIds", "unknown-measure"))
                    .expectExceptionMessage("the dossier has no measure " + SCREENING)
                    .expectNoEvents();
        }
    }

    @Nested
    class Revising {

        @Test
        void theBorderProceduresRecommendationIsRevisedToItsSecondRevision() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new ReviseRecommendation(PACT, 2L, BORDER_PROCEDURES, BORDER_PROCEDURES_REVISED + "  "))
                    .expectEvents(new RecommendationRevised(PACT, BORDER_PROCEDURES, 2, BORDER_PROCEDURES_REVISED))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void eachRevisionCountsOnFromTheLast() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.IN_REVIEW),
                            new RecommendationRevised(PACT, BORDER_PROCEDURES, 2, BORDER_PROCEDURES_REVISED)))
                    .when(new ReviseRecommendation(PACT, null, BORDER_PROCEDURES, BORDER_PROCEDURES_TEXT))
                    .expectEvents(new RecommendationRevised(PACT, BORDER_PROCEDURES, 3, BORDER_PROCEDURES_TEXT));
        }

        @Test
        void aRevisionThatChangesNothingRecordsNothing() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new ReviseRecommendation(PACT, null, BORDER_PROCEDURES, "  " + BORDER_PROCEDURES_TEXT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aBlankRevisionIsRefused(String text) {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new ReviseRecommendation(PACT, null, BORDER_PROCEDURES, text))
                    .expectException(invalid("text", "required"))
                    .expectNoEvents();
        }

        @Test
        void revisingAWithdrawnRecommendationIsRefused() {
            fixture.given(borderProceduresAt(RecommendationStatus.WITHDRAWN))
                    .when(new ReviseRecommendation(PACT, null, BORDER_PROCEDURES, BORDER_PROCEDURES_REVISED))
                    .expectException(conflict("recommendation-withdrawn"))
                    .expectExceptionMessage("the recommendation is withdrawn; its history is kept, and nothing changes any more")
                    .expectNoEvents();
        }

        @Test
        void revisingAnUnknownRecommendationIsRefused() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new ReviseRecommendation(PACT, null, NO_DETENTION, NO_DETENTION_TEXT))
                    .expectException(conflict("recommendationId", "unknown-recommendation"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Addressees {

        @Test
        void theAddresseesAreReplacedAndStoredInVocabularyOrder() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new ChangeRecommendationAddressees(PACT, null, BORDER_PROCEDURES,
                            Set.of(Addressee.MEMBER_STATES, Addressee.COUNCIL, Addressee.EUROPEAN_COMMISSION)))
                    .expectEvents(new RecommendationAddresseesChanged(PACT, BORDER_PROCEDURES,
                            List.of(Addressee.EUROPEAN_COMMISSION, Addressee.COUNCIL, Addressee.MEMBER_STATES)))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void theSameAddresseesRecordNothing() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new ChangeRecommendationAddressees(PACT, null, BORDER_PROCEDURES,
                            Set.of(Addressee.COUNCIL, Addressee.EUROPEAN_PARLIAMENT)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void noAddresseesAreRefused(Set<Addressee> addressees) {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new ChangeRecommendationAddressees(PACT, null, BORDER_PROCEDURES, addressees))
                    .expectException(invalid("addressees", "required"))
                    .expectNoEvents();
        }

        @Test
        void theAddresseesOfAWithdrawnRecommendationStay() {
            fixture.given(borderProceduresAt(RecommendationStatus.WITHDRAWN))
                    .when(new ChangeRecommendationAddressees(PACT, null, BORDER_PROCEDURES, Set.of(Addressee.COUNCIL)))
                    .expectException(conflict("recommendation-withdrawn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class MeasureLinks {

        @Test
        void theRecommendationIsLinkedToTheScreeningRegulation() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.DRAFT), screeningAdded()))
                    .when(new LinkRecommendationToMeasure(PACT, 3L, BORDER_PROCEDURES, SCREENING))
                    .expectEvents(new RecommendationMeasureLinked(PACT, BORDER_PROCEDURES, SCREENING))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void linkingAMeasureTheDossierDoesNotHaveIsRefused() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new LinkRecommendationToMeasure(PACT, null, BORDER_PROCEDURES, SCREENING))
                    .expectException(conflict("measureId", "unknown-measure"))
                    .expectNoEvents();
        }

        @Test
        void linkingAMeasureAlreadyLinkedRecordsNothing() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new LinkRecommendationToMeasure(PACT, null, BORDER_PROCEDURES, APR))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aLinkedMeasureIsUnlinked() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new UnlinkRecommendationFromMeasure(PACT, null, BORDER_PROCEDURES, APR))
                    .expectEvents(new RecommendationMeasureUnlinked(PACT, BORDER_PROCEDURES, APR))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void unlinkingAMeasureThatIsNotLinkedIsRefused() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.DRAFT), screeningAdded()))
                    .when(new UnlinkRecommendationFromMeasure(PACT, null, BORDER_PROCEDURES, SCREENING))
                    .expectException(conflict("measureId", "not-linked"))
                    .expectNoEvents();
        }

        @Test
        void linkingToAWithdrawnRecommendationIsRefused() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.WITHDRAWN), screeningAdded()))
                    .when(new LinkRecommendationToMeasure(PACT, null, BORDER_PROCEDURES, SCREENING))
                    .expectException(conflict("recommendation-withdrawn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Status {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "DRAFT, IN_REVIEW",
                "IN_REVIEW, DRAFT",
                "IN_REVIEW, ADOPTED",
                "ADOPTED, PUBLISHED",
                "DRAFT, WITHDRAWN",
                "IN_REVIEW, WITHDRAWN",
                "ADOPTED, WITHDRAWN",
                "PUBLISHED, WITHDRAWN",
        })
        void anAllowedTransitionIsRecordedWithWhereItCameFrom(RecommendationStatus from, RecommendationStatus to) {
            List<DossierEvent> given = borderProceduresAt(from);
            fixture.given(given)
                    .when(new MoveRecommendationStatus(PACT, (long) given.size() - 1, BORDER_PROCEDURES, to))
                    .expectEvents(new RecommendationStatusChanged(PACT, BORDER_PROCEDURES, from, to))
                    .expectResultMessagePayload((long) given.size());
        }

        @Test
        void aRecommendationSentBackFromReviewGoesThroughReviewAgain() {
            List<DossierEvent> given = concat(borderProceduresAt(RecommendationStatus.IN_REVIEW),
                    new RecommendationStatusChanged(PACT, BORDER_PROCEDURES, RecommendationStatus.IN_REVIEW, RecommendationStatus.DRAFT),
                    new RecommendationRevised(PACT, BORDER_PROCEDURES, 2, BORDER_PROCEDURES_REVISED));
            fixture.given(given)
                    .when(new MoveRecommendationStatus(PACT, null, BORDER_PROCEDURES, RecommendationStatus.IN_REVIEW))
                    .expectEvents(new RecommendationStatusChanged(PACT, BORDER_PROCEDURES, RecommendationStatus.DRAFT,
                            RecommendationStatus.IN_REVIEW))
                    .expectResultMessagePayload(6L);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "DRAFT, DRAFT",
                "DRAFT, ADOPTED",
                "DRAFT, PUBLISHED",
                "IN_REVIEW, IN_REVIEW",
                "IN_REVIEW, PUBLISHED",
                "ADOPTED, DRAFT",
                "ADOPTED, IN_REVIEW",
                "ADOPTED, ADOPTED",
                "PUBLISHED, DRAFT",
                "PUBLISHED, IN_REVIEW",
                "PUBLISHED, ADOPTED",
                "PUBLISHED, PUBLISHED",
        })
        void aDisallowedTransitionIsRefused(RecommendationStatus from, RecommendationStatus to) {
            fixture.given(borderProceduresAt(from))
                    .when(new MoveRecommendationStatus(PACT, null, BORDER_PROCEDURES, to))
                    .expectException(conflict("status", "status-not-allowed"))
                    .expectNoEvents();
        }

        @Test
        void aDraftCannotBePublishedWithoutReviewAndAdoption() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new MoveRecommendationStatus(PACT, null, BORDER_PROCEDURES, RecommendationStatus.PUBLISHED))
                    .expectException(conflict("status", "status-not-allowed"))
                    .expectExceptionMessage("a DRAFT recommendation cannot become PUBLISHED; it can become [IN_REVIEW, WITHDRAWN]")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(RecommendationStatus.class)
        void aWithdrawnRecommendationMovesNowhere(RecommendationStatus to) {
            fixture.given(borderProceduresAt(RecommendationStatus.WITHDRAWN))
                    .when(new MoveRecommendationStatus(PACT, null, BORDER_PROCEDURES, to))
                    .expectException(conflict("recommendation-withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void aMoveWithoutStatusIsRefused() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new MoveRecommendationStatus(PACT, null, BORDER_PROCEDURES, null))
                    .expectException(invalid("status", "required"))
                    .expectNoEvents();
        }

        @Test
        void movingAnUnknownRecommendationIsRefused() {
            fixture.given(borderProceduresAt(RecommendationStatus.DRAFT))
                    .when(new MoveRecommendationStatus(PACT, null, NO_DETENTION, RecommendationStatus.IN_REVIEW))
                    .expectException(conflict("recommendationId", "unknown-recommendation"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Outcomes {

        @Test
        void theOutcomeOfAPublishedRecommendationIsRecordedWithItsEvidence() {
            fixture.given(borderProceduresAt(RecommendationStatus.PUBLISHED))
                    .when(new RecordRecommendationOutcome(PACT, 5L, BORDER_PROCEDURES, Outcome.PARTIALLY_ADDRESSED, " " + EVIDENCE))
                    .expectEvents(new RecommendationOutcomeRecorded(PACT, BORDER_PROCEDURES, Outcome.PARTIALLY_ADDRESSED, EVIDENCE))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void aLaterOutcomeIsRecordedOverAnEarlierOne() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.PUBLISHED),
                            new RecommendationOutcomeRecorded(PACT, BORDER_PROCEDURES, Outcome.NOT_ADDRESSED, "The Council general approach ignores it.")))
                    .when(new RecordRecommendationOutcome(PACT, null, BORDER_PROCEDURES, Outcome.PARTIALLY_ADDRESSED, EVIDENCE))
                    .expectEvents(new RecommendationOutcomeRecorded(PACT, BORDER_PROCEDURES, Outcome.PARTIALLY_ADDRESSED, EVIDENCE));
        }

        @ParameterizedTest
        @EnumSource(value = RecommendationStatus.class, names = {"DRAFT", "IN_REVIEW", "ADOPTED"})
        void anOutcomeBeforePublicationIsRefused(RecommendationStatus status) {
            fixture.given(borderProceduresAt(status))
                    .when(new RecordRecommendationOutcome(PACT, null, BORDER_PROCEDURES, Outcome.NOT_ADDRESSED, EVIDENCE))
                    .expectException(conflict("outcome-before-publication"))
                    .expectExceptionMessage("an outcome is tracked once the recommendation is published; it is " + status)
                    .expectNoEvents();
        }

        @Test
        void anOutcomeOfAWithdrawnRecommendationIsRefused() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.PUBLISHED),
                            new RecommendationStatusChanged(PACT, BORDER_PROCEDURES, RecommendationStatus.PUBLISHED, RecommendationStatus.WITHDRAWN)))
                    .when(new RecordRecommendationOutcome(PACT, null, BORDER_PROCEDURES, Outcome.ADDRESSED, EVIDENCE))
                    .expectException(conflict("recommendation-withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void anOutcomeWithoutValueIsRefused() {
            fixture.given(borderProceduresAt(RecommendationStatus.PUBLISHED))
                    .when(new RecordRecommendationOutcome(PACT, null, BORDER_PROCEDURES, null, EVIDENCE))
                    .expectException(invalid("outcome", "required"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void anOutcomeWithoutEvidenceIsRefused(String evidence) {
            fixture.given(borderProceduresAt(RecommendationStatus.PUBLISHED))
                    .when(new RecordRecommendationOutcome(PACT, null, BORDER_PROCEDURES, Outcome.ADDRESSED, evidence))
                    .expectException(invalid("evidence", "required"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Endorsements {

        @ParameterizedTest
        @EnumSource(value = RecommendationStatus.class, names = {"ADOPTED", "PUBLISHED"})
        void anOrganisationEndorsesAnAdoptedOrPublishedRecommendation(RecommendationStatus status) {
            List<DossierEvent> given = borderProceduresAt(status);
            fixture.given(given)
                    .when(new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, MISSING_CHILDREN_EUROPE))
                    .expectEvents(new RecommendationEndorsed(PACT, BORDER_PROCEDURES, MISSING_CHILDREN_EUROPE))
                    .expectResultMessagePayload((long) given.size());
        }

        @Test
        void aSecondOrganisationEndorsesToo() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.PUBLISHED), new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM)))
                    .when(new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, CHILD_CIRCLE))
                    .expectEvents(new RecommendationEndorsed(PACT, BORDER_PROCEDURES, CHILD_CIRCLE));
        }

        @ParameterizedTest
        @EnumSource(value = RecommendationStatus.class, names = {"DRAFT", "IN_REVIEW"})
        void anEndorsementBeforeAdoptionIsRefused(RecommendationStatus status) {
            fixture.given(borderProceduresAt(status))
                    .when(new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, PICUM))
                    .expectException(conflict("endorsement-before-adoption"))
                    .expectNoEvents();
        }

        @Test
        void aDuplicateEndorsementIsRefused() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.ADOPTED), new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM)))
                    .when(new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, PICUM))
                    .expectException(conflict("duplicate-endorsement"))
                    .expectExceptionMessage("your organisation already endorses this recommendation")
                    .expectNoEvents();
        }

        @Test
        void endorsingAWithdrawnRecommendationIsRefused() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.ADOPTED),
                            new RecommendationStatusChanged(PACT, BORDER_PROCEDURES, RecommendationStatus.ADOPTED, RecommendationStatus.WITHDRAWN)))
                    .when(new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, PICUM))
                    .expectException(conflict("recommendation-withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void anEndorsementWithoutOrganisationIsRefused() {
            fixture.given(borderProceduresAt(RecommendationStatus.ADOPTED))
                    .when(new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, null))
                    .expectException(invalid("organisationId", "required"))
                    .expectNoEvents();
        }

        @Test
        void anEndorsementIsWithdrawn() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.PUBLISHED), new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM),
                            new RecommendationEndorsed(PACT, BORDER_PROCEDURES, CHILD_CIRCLE)))
                    .when(new WithdrawEndorsement(PACT, 7L, BORDER_PROCEDURES, PICUM))
                    .expectEvents(new RecommendationEndorsementWithdrawn(PACT, BORDER_PROCEDURES, PICUM))
                    .expectResultMessagePayload(8L);
        }

        @Test
        void anOrganisationMayEndorseAgainAfterWithdrawingItsEndorsement() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.PUBLISHED), new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM),
                            new RecommendationEndorsementWithdrawn(PACT, BORDER_PROCEDURES, PICUM)))
                    .when(new EndorseRecommendation(PACT, null, BORDER_PROCEDURES, PICUM))
                    .expectEvents(new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM));
        }

        @Test
        void withdrawingAnEndorsementThatWasNeverGivenIsRefused() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.PUBLISHED), new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM)))
                    .when(new WithdrawEndorsement(PACT, null, BORDER_PROCEDURES, CHILD_CIRCLE))
                    .expectException(conflict("not-endorsed"))
                    .expectExceptionMessage("your organisation does not endorse this recommendation")
                    .expectNoEvents();
        }

        @Test
        void withdrawingAnEndorsementTwiceIsRefused() {
            fixture.given(concat(borderProceduresAt(RecommendationStatus.PUBLISHED), new RecommendationEndorsed(PACT, BORDER_PROCEDURES, PICUM),
                            new RecommendationEndorsementWithdrawn(PACT, BORDER_PROCEDURES, PICUM)))
                    .when(new WithdrawEndorsement(PACT, null, BORDER_PROCEDURES, PICUM))
                    .expectException(conflict("not-endorsed"))
                    .expectNoEvents();
        }
    }
}
