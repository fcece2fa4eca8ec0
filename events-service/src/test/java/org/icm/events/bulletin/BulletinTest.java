package org.icm.events.bulletin;

import static org.icm.events.common.Violations.conflict;
import static org.icm.events.common.Violations.invalid;
import static org.icm.events.common.Violations.notYours;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.events.bulletin.BulletinCommand.*;
import org.icm.events.bulletin.BulletinEvent.*;
import org.icm.kernel.vocabulary.BulletinKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posting, editing and retracting a bulletin; who may change it; each rejection. */
class BulletinTest {

    static final String B = "b-1";
    static final BulletinPosted POSTED = new BulletinPosted(B, BulletinKind.ACTIVITY_UPDATE, "Our report on guardianship",
            "We published a report on guardianship in Greece.", List.of("pact"), "ana", "picum");

    AggregateTestFixture<Bulletin> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bulletin.class);
    }

    @Test
    void aParticipantPostsAnActivityUpdate() {
        fixture.givenNoPriorActivity().when(new PostBulletin(B, BulletinKind.ACTIVITY_UPDATE, "Our report on guardianship",
                "We published a report on guardianship in Greece.", List.of("pact"), "ana", "picum")).expectEvents(POSTED);
    }

    @Test
    void aBulletinWithoutTextIsRefused() {
        fixture.givenNoPriorActivity().when(new PostBulletin(B, BulletinKind.EU_DEVELOPMENT, "News", " ", List.of(), "ana", "picum"))
                .expectException(invalid("text", "required")).expectNoEvents();
    }

    @Test
    void aBulletinWithoutKindIsRefused() {
        fixture.givenNoPriorActivity().when(new PostBulletin(B, null, "News", "text", List.of(), "ana", "picum"))
                .expectException(invalid("kind", "required")).expectNoEvents();
    }

    @Test
    void theAuthorsOrganisationEditsIt() {
        fixture.given(POSTED).when(new EditBulletin(B, 0L, "Our report on guardianship", "Now in French too.", List.of(), "picum", false))
                .expectEvents(new BulletinEdited(B, "Our report on guardianship", "Now in French too.", List.of()));
    }

    @Test
    void anotherOrganisationCannotEditIt() {
        fixture.given(POSTED).when(new EditBulletin(B, null, "Mine now", "text", List.of(), "mce", false))
                .expectException(notYours("not-your-bulletin")).expectNoEvents();
    }

    @Test
    void aFocalPointMayRetractAnyBulletin() {
        fixture.given(POSTED).when(new RetractBulletin(B, null, "posted twice", "child-circle", true))
                .expectEvents(new BulletinRetracted(B, "posted twice"));
    }

    @Test
    void anEditThatChangesNothingRecordsNothingAndAnswersTheSameVersion() {
        fixture.given(POSTED).when(new EditBulletin(B, null, POSTED.title(), POSTED.text(), List.of("pact"), "picum", false))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
    }

    @Test
    void aRetractedBulletinCannotChange() {
        fixture.given(POSTED, new BulletinRetracted(B, null)).when(new RetractBulletin(B, null, null, "picum", false))
                .expectException(conflict("bulletin-retracted")).expectNoEvents();
    }
}
