package org.icm.events.meeting;

import static org.icm.events.common.Violations.conflict;
import static org.icm.events.common.Violations.invalid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.events.meeting.MeetingCommand.*;
import org.icm.events.meeting.MeetingEvent.*;
import org.icm.kernel.vocabulary.MeetingType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule of a meeting, and each rejection, as given/when/then. The plenary is held in Brussels on
 * 3 December 2026 from 10:00 to 16:00 local time (09:00-15:00 UTC); "now" is a week before.
 */
class MeetingTest {

    static final String M = "plenary-2026-12";
    static final String TITLE = "ICM plenary, December 2026";
    static final String BRUSSELS = "Europe/Brussels";
    static final LocalDateTime START = LocalDateTime.of(2026, 12, 3, 10, 0);
    static final LocalDateTime END = LocalDateTime.of(2026, 12, 3, 16, 0);
    static final Instant STARTS_AT = Instant.parse("2026-12-03T09:00:00Z");
    static final Instant ENDS_AT = Instant.parse("2026-12-03T15:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String PLACE = "Rue Royale 146, Brussels";
    static final List<AgendaItem> AGENDA = List.of(new AgendaItem("Pact implementation: national plans", "pact"));

    static final MeetingScheduled SCHEDULED = new MeetingScheduled(M, TITLE, MeetingType.PLENARY, STARTS_AT, ENDS_AT, BRUSSELS, PLACE, null,
            2, AGENDA);

    AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
    }

    static ScheduleMeeting schedule(LocalDateTime start, LocalDateTime end, String zone, String place, String link, Integer capacity) {
        return new ScheduleMeeting(M, TITLE, MeetingType.PLENARY, start, end, zone, place, link, capacity,
                List.of(new AgendaItemFields("Pact implementation: national plans", "pact")), NOW);
    }

    @Nested
    class Scheduling {

        @Test
        void aFocalPointSchedulesAPlenaryInBrusselsLocalTime() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, BRUSSELS, PLACE, null, 2))
                    .expectEvents(SCHEDULED);
        }

        @Test
        void anOnlineMeetingNeedsNoPlace() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, BRUSSELS, null, "https://meet.example.org/icm", 300))
                    .expectEvents(new MeetingScheduled(M, TITLE, MeetingType.PLENARY, STARTS_AT, ENDS_AT, BRUSSELS, null,
                            "https://meet.example.org/icm", 300, AGENDA));
        }

        @Test
        void theEndBeforeTheStartIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, START.minusHours(1), BRUSSELS, PLACE, null, 2))
                    .expectException(invalid("end", "end-before-start")).expectNoEvents();
        }

        @Test
        void anEndEqualToTheStartIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, START, BRUSSELS, PLACE, null, 2))
                    .expectException(invalid("end", "end-before-start")).expectNoEvents();
        }

        @Test
        void aStartInThePastIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(LocalDateTime.of(2026, 11, 1, 10, 0), LocalDateTime.of(2026, 11, 1, 12, 0), BRUSSELS, PLACE, null, 2))
                    .expectException(invalid("start", "start-in-past")).expectNoEvents();
        }

        @Test
        void anUnknownTimeZoneIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, "Europe/Atlantis", PLACE, null, 2))
                    .expectException(invalid("timeZone", "unknown-time-zone")).expectNoEvents();
        }

        @Test
        void anOffsetIsNotATimeZone() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, "+01:00", PLACE, null, 2))
                    .expectException(invalid("timeZone", "unknown-time-zone")).expectNoEvents();
        }

        @Test
        void aLocalTimeTheClocksSkipIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(LocalDateTime.of(2027, 3, 28, 2, 30), LocalDateTime.of(2027, 3, 28, 5, 0), BRUSSELS, PLACE, null, 2))
                    .expectException(invalid("start", "skipped-local-time")).expectNoEvents();
        }

        @Test
        void neitherPlaceNorLinkIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, BRUSSELS, " ", null, 2))
                    .expectException(invalid("place", "place-or-link-required")).expectNoEvents();
        }

        @Test
        void aLinkThatIsNotHttpIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, BRUSSELS, null, "javascript:alert(1)", 2))
                    .expectException(invalid("onlineLink", "malformed-link")).expectNoEvents();
        }

        @Test
        void aCapacityBelowOneIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, BRUSSELS, PLACE, null, 0))
                    .expectException(invalid("capacity", "capacity-out-of-range")).expectNoEvents();
        }

        @Test
        void aMissingCapacityIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(schedule(START, END, BRUSSELS, PLACE, null, null))
                    .expectException(invalid("capacity", "required")).expectNoEvents();
        }

        @Test
        void aBlankTitleIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(M, " ", MeetingType.PLENARY, START, END, BRUSSELS, PLACE, null, 2, List.of(), NOW))
                    .expectException(invalid("title", "required")).expectNoEvents();
        }

        @Test
        void anAgendaItemWithoutTitleIsRefusedNamingIt() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(M, TITLE, MeetingType.PLENARY, START, END, BRUSSELS, PLACE, null, 2,
                            List.of(new AgendaItemFields("Welcome", null), new AgendaItemFields("", "pact")), NOW))
                    .expectException(invalid("agenda[1].title", "required")).expectNoEvents();
        }
    }

    @Nested
    class Changing {

        @Test
        void theAgendaChanges() {
            List<AgendaItem> agenda = List.of(new AgendaItem("Return regulation", "return"), new AgendaItem("AOB", null));
            fixture.given(SCHEDULED)
                    .when(new ChangeAgenda(M, 0L, List.of(new AgendaItemFields("Return regulation", "return"), new AgendaItemFields("AOB", " "))))
                    .expectEvents(new MeetingAgendaChanged(M, agenda)).expectResultMessagePayload(1L);
        }

        @Test
        void theSameAgendaRecordsNothing() {
            fixture.given(SCHEDULED)
                    .when(new ChangeAgenda(M, null, List.of(new AgendaItemFields("Pact implementation: national plans", "pact"))))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(SCHEDULED, new MeetingCapacityChanged(M, 3))
                    .when(new ChangeAgenda(M, 0L, List.of()))
                    .expectException(ConflictingAggregateVersionException.class).expectNoEvents();
        }

        @Test
        void theMeetingMovesToAnotherDay() {
            fixture.given(SCHEDULED)
                    .when(new RescheduleMeeting(M, null, START.plusDays(7), END.plusDays(7), BRUSSELS, NOW))
                    .expectEvents(new MeetingRescheduled(M, STARTS_AT.plusSeconds(7 * 86400), ENDS_AT.plusSeconds(7 * 86400), BRUSSELS));
        }

        @Test
        void reschedulingToTheSameTimeRecordsNothing() {
            fixture.given(SCHEDULED)
                    .when(new RescheduleMeeting(M, null, START, END, BRUSSELS, NOW))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void reschedulingWithTheEndBeforeTheStartIsRefused() {
            fixture.given(SCHEDULED)
                    .when(new RescheduleMeeting(M, null, END, START, BRUSSELS, NOW))
                    .expectException(invalid("end", "end-before-start")).expectNoEvents();
        }

        @Test
        void aCancelledMeetingCannotBeRescheduled() {
            fixture.given(SCHEDULED, new MeetingCancelled(M, "venue unavailable"))
                    .when(new RescheduleMeeting(M, null, START.plusDays(1), END.plusDays(1), BRUSSELS, NOW))
                    .expectException(conflict("meeting-cancelled")).expectNoEvents();
        }

        @Test
        void theMeetingIsCancelledWithAReason() {
            fixture.given(SCHEDULED)
                    .when(new CancelMeeting(M, null, " venue unavailable "))
                    .expectEvents(new MeetingCancelled(M, "venue unavailable"));
        }

        @Test
        void cancellingWithoutAReasonIsRefused() {
            fixture.given(SCHEDULED)
                    .when(new CancelMeeting(M, null, ""))
                    .expectException(invalid("reason", "required")).expectNoEvents();
        }

        @Test
        void cancellingTwiceIsRefused() {
            fixture.given(SCHEDULED, new MeetingCancelled(M, "venue unavailable"))
                    .when(new CancelMeeting(M, null, "again"))
                    .expectException(conflict("meeting-cancelled")).expectNoEvents();
        }

        @Test
        void aHeldMeetingCannotBeCancelled() {
            fixture.given(SCHEDULED, new MeetingHeld(M))
                    .when(new CancelMeeting(M, null, "too late"))
                    .expectException(conflict("meeting-held")).expectNoEvents();
        }
    }

    @Nested
    class Registrations {

        @Test
        void aParticipantGetsAPlace() {
            fixture.given(SCHEDULED)
                    .when(new RegisterParticipant(M, "ana", "picum", NOW))
                    .expectEvents(new ParticipantRegistered(M, "ana", "picum"));
        }

        @Test
        void whenFullTheNextGoesOnTheWaitingListInOrder() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"), new ParticipantRegistered(M, "ben", "mce"),
                            new ParticipantWaitlisted(M, "cleo", "cc", 1))
                    .when(new RegisterParticipant(M, "dan", "picum", NOW))
                    .expectEvents(new ParticipantWaitlisted(M, "dan", "picum", 2));
        }

        @Test
        void aFreedPlaceGoesToTheFirstOnTheWaitingList() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"), new ParticipantRegistered(M, "ben", "mce"),
                            new ParticipantWaitlisted(M, "cleo", "cc", 1), new ParticipantWaitlisted(M, "dan", "picum", 2))
                    .when(new UnregisterParticipant(M, "ben", NOW))
                    .expectEvents(new ParticipantUnregistered(M, "ben", "mce", true), new ParticipantPromoted(M, "cleo", "cc"));
        }

        @Test
        void leavingTheWaitingListPromotesNobody() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"), new ParticipantRegistered(M, "ben", "mce"),
                            new ParticipantWaitlisted(M, "cleo", "cc", 1))
                    .when(new UnregisterParticipant(M, "cleo", NOW))
                    .expectEvents(new ParticipantUnregistered(M, "cleo", "cc", false));
        }

        @Test
        void registeringTwiceRecordsNothing() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"))
                    .when(new RegisterParticipant(M, "ana", "picum", NOW))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(1L);
        }

        @Test
        void registeringTwiceWhileWaitingRecordsNothing() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"), new ParticipantRegistered(M, "ben", "mce"),
                            new ParticipantWaitlisted(M, "cleo", "cc", 1))
                    .when(new RegisterParticipant(M, "cleo", "cc", NOW))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(3L);
        }

        @Test
        void registeringAfterTheStartIsRefused() {
            fixture.given(SCHEDULED)
                    .when(new RegisterParticipant(M, "ana", "picum", STARTS_AT))
                    .expectException(conflict("registration-closed")).expectNoEvents();
        }

        @Test
        void registeringForACancelledMeetingIsRefused() {
            fixture.given(SCHEDULED, new MeetingCancelled(M, "venue unavailable"))
                    .when(new RegisterParticipant(M, "ana", "picum", NOW))
                    .expectException(conflict("meeting-cancelled")).expectNoEvents();
        }

        @Test
        void unregisteringWithoutARegistrationIsRefused() {
            fixture.given(SCHEDULED)
                    .when(new UnregisterParticipant(M, "ana", NOW))
                    .expectException(conflict("not-registered")).expectNoEvents();
        }

        @Test
        void unregisteringAfterTheStartIsRefused() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"))
                    .when(new UnregisterParticipant(M, "ana", STARTS_AT.plusSeconds(60)))
                    .expectException(conflict("registration-closed")).expectNoEvents();
        }

        @Test
        void moreCapacityPromotesTheWaitingListInOrder() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"), new ParticipantRegistered(M, "ben", "mce"),
                            new ParticipantWaitlisted(M, "cleo", "cc", 1), new ParticipantWaitlisted(M, "dan", "picum", 2),
                            new ParticipantWaitlisted(M, "eva", "mce", 3))
                    .when(new ChangeCapacity(M, null, 4))
                    .expectEvents(new MeetingCapacityChanged(M, 4), new ParticipantPromoted(M, "cleo", "cc"),
                            new ParticipantPromoted(M, "dan", "picum"));
        }

        @Test
        void aCapacityBelowTheConfirmedRegistrationsIsRefused() {
            fixture.given(SCHEDULED, new ParticipantRegistered(M, "ana", "picum"), new ParticipantRegistered(M, "ben", "mce"))
                    .when(new ChangeCapacity(M, null, 1))
                    .expectException(conflict("capacity", "capacity-below-confirmed")).expectNoEvents();
        }

        @Test
        void theSameCapacityRecordsNothing() {
            fixture.given(SCHEDULED)
                    .when(new ChangeCapacity(M, null, 2))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
        }
    }

    @Nested
    class Minutes {

        static final List<ActionPointFields> POINTS = List.of(
                new ActionPointFields("Draft a joint response on the Return regulation", "picum", LocalDate.of(2027, 1, 15)));

        @Test
        void aMeetingIsMarkedHeldOnceItHasStarted() {
            fixture.given(SCHEDULED)
                    .when(new MarkMeetingHeld(M, null, STARTS_AT))
                    .expectEvents(new MeetingHeld(M));
        }

        @Test
        void aMeetingCannotBeMarkedHeldBeforeItStarts() {
            fixture.given(SCHEDULED)
                    .when(new MarkMeetingHeld(M, null, NOW))
                    .expectException(conflict("not-started-yet")).expectNoEvents();
        }

        @Test
        void aCancelledMeetingCannotBeMarkedHeld() {
            fixture.given(SCHEDULED, new MeetingCancelled(M, "strike"))
                    .when(new MarkMeetingHeld(M, null, STARTS_AT))
                    .expectException(conflict("meeting-cancelled")).expectNoEvents();
        }

        @Test
        void markingHeldTwiceIsRefused() {
            fixture.given(SCHEDULED, new MeetingHeld(M))
                    .when(new MarkMeetingHeld(M, null, STARTS_AT))
                    .expectException(conflict("meeting-held")).expectNoEvents();
        }

        @Test
        void minutesAndActionPointsAreRecordedForAHeldMeeting() {
            fixture.given(SCHEDULED, new MeetingHeld(M))
                    .when(new RecordMinutes(M, null, "We agreed on a joint response.", POINTS))
                    .expectEvents(new MinutesRecorded(M, "We agreed on a joint response.", List.of(
                            new ActionPoint("Draft a joint response on the Return regulation", "picum", LocalDate.of(2027, 1, 15)))));
        }

        @Test
        void minutesBeforeTheMeetingIsHeldAreRefused() {
            fixture.given(SCHEDULED)
                    .when(new RecordMinutes(M, null, "Premature", POINTS))
                    .expectException(conflict("meeting-not-held")).expectNoEvents();
        }

        @Test
        void anActionPointWithoutDueDateIsRefusedNamingIt() {
            fixture.given(SCHEDULED, new MeetingHeld(M))
                    .when(new RecordMinutes(M, null, "Minutes", List.of(new ActionPointFields("Write", "picum", null))))
                    .expectException(invalid("actionPoints[0].dueDate", "required")).expectNoEvents();
        }

        @Test
        void anActionPointWithoutOwnerIsRefusedNamingIt() {
            fixture.given(SCHEDULED, new MeetingHeld(M))
                    .when(new RecordMinutes(M, null, "Minutes", List.of(new ActionPointFields("Write", " ", LocalDate.of(2027, 1, 1)))))
                    .expectException(invalid("actionPoints[0].owningOrganisation", "required")).expectNoEvents();
        }
    }
}
