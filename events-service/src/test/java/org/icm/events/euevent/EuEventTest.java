package org.icm.events.euevent;

import static org.icm.events.common.Violations.conflict;
import static org.icm.events.common.Violations.invalid;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.events.euevent.EuEventCommand.*;
import org.icm.events.euevent.EuEventEvent.*;
import org.icm.kernel.vocabulary.EuInstitution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Announcing, updating and cancelling an EU event, and each rejection. */
class EuEventTest {

    static final String E = "libe-hearing";
    static final String LINK = "https://www.europarl.europa.eu/committees/en/libe/events";
    static final LocalDateTime START = LocalDateTime.of(2026, 12, 9, 14, 30);
    static final EuEventFields FIELDS = new EuEventFields(EuInstitution.EUROPEAN_PARLIAMENT, "LIBE hearing on child detention", START,
            START.plusHours(2), "Europe/Brussels", LINK, List.of("pact", " ", "pact", "return"));
    static final EuEventAnnounced ANNOUNCED = new EuEventAnnounced(E, EuInstitution.EUROPEAN_PARLIAMENT, "LIBE hearing on child detention",
            Instant.parse("2026-12-09T13:30:00Z"), Instant.parse("2026-12-09T15:30:00Z"), "Europe/Brussels", LINK, List.of("pact", "return"));

    AggregateTestFixture<EuEvent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EuEvent.class);
    }

    @Test
    void aFocalPointAnnouncesAnEuEventLinkedToDossiers() {
        fixture.givenNoPriorActivity().when(new AnnounceEuEvent(E, FIELDS)).expectEvents(ANNOUNCED);
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        fixture.givenNoPriorActivity().when(new AnnounceEuEvent(E, new EuEventFields(EuInstitution.COUNCIL_OF_THE_EU, "JHA Council", START,
                        START.minusHours(1), "Europe/Brussels", LINK, List.of())))
                .expectException(invalid("end", "end-before-start")).expectNoEvents();
    }

    @Test
    void aMissingInstitutionIsRefused() {
        fixture.givenNoPriorActivity().when(new AnnounceEuEvent(E, new EuEventFields(null, "JHA Council", START, null, "Europe/Brussels",
                        LINK, List.of())))
                .expectException(invalid("institution", "required")).expectNoEvents();
    }

    @Test
    void anUpdateCarriesTheWholeEvent() {
        EuEventFields moved = new EuEventFields(EuInstitution.EUROPEAN_PARLIAMENT, "LIBE hearing on child detention", START.plusDays(1),
                null, "Europe/Brussels", LINK, List.of("pact"));
        fixture.given(ANNOUNCED).when(new UpdateEuEvent(E, 0L, moved))
                .expectEvents(new EuEventUpdated(E, EuInstitution.EUROPEAN_PARLIAMENT, "LIBE hearing on child detention",
                        Instant.parse("2026-12-10T13:30:00Z"), null, "Europe/Brussels", LINK, List.of("pact")));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothingAndAnswersTheSameVersion() {
        fixture.given(ANNOUNCED).when(new UpdateEuEvent(E, null, FIELDS)).expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void itIsCancelledWithAReasonOnce() {
        fixture.given(ANNOUNCED).when(new CancelEuEvent(E, null, "postponed by the committee"))
                .expectEvents(new EuEventCancelled(E, "postponed by the committee"));
        fixture.given(ANNOUNCED, new EuEventCancelled(E, "postponed")).when(new CancelEuEvent(E, null, "again"))
                .expectException(conflict("eu-event-cancelled")).expectNoEvents();
    }

    @Test
    void aCancelledEventCannotBeUpdated() {
        fixture.given(ANNOUNCED, new EuEventCancelled(E, "postponed")).when(new UpdateEuEvent(E, null, FIELDS))
                .expectException(conflict("eu-event-cancelled")).expectNoEvents();
    }

    @Test
    void cancellingWithoutReasonIsRefused() {
        fixture.given(ANNOUNCED).when(new CancelEuEvent(E, null, " ")).expectException(invalid("reason", "required")).expectNoEvents();
    }
}
