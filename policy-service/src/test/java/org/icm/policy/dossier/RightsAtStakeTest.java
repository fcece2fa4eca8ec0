package org.icm.policy.dossier;

import static org.icm.policy.dossier.PactTestData.*;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.policy.dossier.DossierCommand.TagRight;
import org.icm.policy.dossier.DossierCommand.UntagRight;
import org.icm.policy.dossier.DossierEvent.RightTagged;
import org.icm.policy.dossier.DossierEvent.RightUntagged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rights at stake: tags from the fixed catalogue, each with a rationale. */
class RightsAtStakeTest {

    static final String BEST_INTERESTS = "Border and accelerated procedures must assess each child's best interests.";
    static final String DETENTION = "Screening and border procedures can lead to de facto detention of children.";

    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
    }

    @Test
    void theChildsBestInterestsAreTaggedOnThePactWithTheirRationale() {
        fixture.given(pactOpened())
                .when(new TagRight(PACT, 0L, "UNCRC-3", "  " + BEST_INTERESTS + "\n"))
                .expectEvents(new RightTagged(PACT, "UNCRC-3", BEST_INTERESTS))
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNCRC-37", "UNCRC-12", "CHARTER-24", "ECHR-5"})
    void everyRightOfTheCatalogueCanBeTagged(String code) {
        fixture.given(pactOpened(), new RightTagged(PACT, "UNCRC-3", BEST_INTERESTS))
                .when(new TagRight(PACT, null, code, DETENTION))
                .expectEvents(new RightTagged(PACT, code, DETENTION))
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"UNCRC-99", "uncrc-3", "CRC-3", "UNCRC 3", " UNCRC-3", "CHARTER-8", "ECHR-14", "UNCRC-3 "})
    void aRightOutsideTheCatalogueIsRefused(String code) {
        fixture.given(pactOpened())
                .when(new TagRight(PACT, null, code, BEST_INTERESTS))
                .expectException(invalid("rightCode", "unknown-right"))
                .expectNoEvents();
    }

    @Test
    void aRightAlreadyTaggedIsRefused() {
        fixture.given(pactOpened(), new RightTagged(PACT, "UNCRC-3", BEST_INTERESTS))
                .when(new TagRight(PACT, null, "UNCRC-3", "Children's best interests are a primary consideration."))
                .expectException(conflict("rightCode", "right-already-tagged"))
                .expectExceptionMessage("UNCRC-3 is already tagged on this dossier")
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void aBlankRationaleIsRefused(String rationale) {
        fixture.given(pactOpened())
                .when(new TagRight(PACT, null, "UNCRC-37", rationale))
                .expectException(invalid("rationale", "required"))
                .expectNoEvents();
    }

    @Test
    void aRationaleLongerThan2000CharactersIsRefused() {
        fixture.given(pactOpened())
                .when(new TagRight(PACT, null, "UNCRC-37", "r".repeat(Dossier.NOTE_MAX + 1)))
                .expectException(invalid("rationale", "too-long"))
                .expectNoEvents();
    }

    @Test
    void aTaggedRightIsUntagged() {
        fixture.given(pactOpened(), new RightTagged(PACT, "UNCRC-3", BEST_INTERESTS), new RightTagged(PACT, "UNCRC-37", DETENTION))
                .when(new UntagRight(PACT, 2L, "UNCRC-37"))
                .expectEvents(new RightUntagged(PACT, "UNCRC-37"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void anUntaggedRightCanBeTaggedAgain() {
        fixture.given(pactOpened(), new RightTagged(PACT, "UNCRC-37", DETENTION), new RightUntagged(PACT, "UNCRC-37"))
                .when(new TagRight(PACT, null, "UNCRC-37", DETENTION))
                .expectEvents(new RightTagged(PACT, "UNCRC-37", DETENTION));
    }

    @Test
    void untaggingARightThatIsNotTaggedIsRefused() {
        fixture.given(pactOpened(), new RightTagged(PACT, "UNCRC-3", BEST_INTERESTS))
                .when(new UntagRight(PACT, null, "UNCRC-37"))
                .expectException(conflict("rightCode", "right-not-tagged"))
                .expectExceptionMessage("UNCRC-37 is not tagged on this dossier")
                .expectNoEvents();
    }

    @Test
    void untaggingARightOutsideTheCatalogueIsRefused() {
        fixture.given(pactOpened(), new RightTagged(PACT, "UNCRC-3", BEST_INTERESTS))
                .when(new UntagRight(PACT, null, "UNCRC-99"))
                .expectException(invalid("rightCode", "unknown-right"))
                .expectNoEvents();
    }
}
