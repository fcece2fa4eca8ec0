package org.icm.events.consultation;

import static org.icm.events.common.Violations.conflict;
import static org.icm.events.common.Violations.invalid;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.icm.events.consultation.ConsultationCommand.*;
import org.icm.events.consultation.ConsultationEvent.*;
import org.icm.kernel.vocabulary.ConsultationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of a consultation and each rejection, closing included. */
class ConsultationTest {

    static final String C = "return-cfe";
    static final String LINK = "https://ec.europa.eu/info/law/better-regulation/have-your-say/initiatives/1234";
    static final Instant OPENS = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-15T23:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final ConsultationOpened OPENED = new ConsultationOpened(C, ConsultationType.CALL_FOR_EVIDENCE, "HOME", "Return regulation",
            LINK, OPENS, CLOSES, "return", "m-1");

    AggregateTestFixture<Consultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
    }

    static OpenConsultation open(String dg, String link, Instant closesAt, String dossierId, String measureId) {
        return new OpenConsultation(C, ConsultationType.CALL_FOR_EVIDENCE, dg, " Return regulation ", link, OPENS, closesAt, dossierId,
                measureId, NOW);
    }

    @Test
    void aFocalPointOpensAConsultation() {
        fixture.givenNoPriorActivity().when(open("home", LINK, CLOSES, "return", "m-1")).expectEvents(OPENED);
    }

    @Test
    void aMalformedDirectorateGeneralIsRefused() {
        fixture.givenNoPriorActivity().when(open("DG HOME!", LINK, CLOSES, null, null))
                .expectException(invalid("directorateGeneral", "malformed-directorate-general")).expectNoEvents();
    }

    @Test
    void aMissingLinkIsRefused() {
        fixture.givenNoPriorActivity().when(open("HOME", null, CLOSES, null, null))
                .expectException(invalid("link", "required")).expectNoEvents();
    }

    @Test
    void closingBeforeOpeningIsRefused() {
        fixture.givenNoPriorActivity().when(open("HOME", LINK, OPENS.minusSeconds(1), null, null))
                .expectException(invalid("closesAt", "closes-before-opens")).expectNoEvents();
    }

    @Test
    void aDeadlineInThePastIsRefused() {
        fixture.givenNoPriorActivity().when(open("HOME", LINK, NOW.minusSeconds(60), null, null))
                .expectException(invalid("closesAt", "deadline-in-past")).expectNoEvents();
    }

    @Test
    void aMeasureWithoutItsDossierIsRefused() {
        fixture.givenNoPriorActivity().when(open("HOME", LINK, CLOSES, null, "m-1"))
                .expectException(invalid("measureId", "measure-needs-dossier")).expectNoEvents();
    }

    @Test
    void theDeadlineIsExtended() {
        Instant later = CLOSES.plusSeconds(7 * 86400);
        fixture.given(OPENED).when(new ChangeConsultationDeadline(C, 0L, later, NOW))
                .expectEvents(new ConsultationDeadlineChanged(C, later)).expectResultMessagePayload(1L);
    }

    @Test
    void theSameDeadlineRecordsNothing() {
        fixture.given(OPENED).when(new ChangeConsultationDeadline(C, null, CLOSES, NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
    }

    @Test
    void aNewDeadlineInThePastIsRefused() {
        fixture.given(OPENED).when(new ChangeConsultationDeadline(C, null, NOW.minusSeconds(1), NOW))
                .expectException(invalid("closesAt", "deadline-in-past")).expectNoEvents();
    }

    @Test
    void theDeadlineOfAClosedConsultationCannotChange() {
        fixture.given(OPENED, new ConsultationClosed(C, CLOSES))
                .when(new ChangeConsultationDeadline(C, null, CLOSES.plusSeconds(86400), CLOSES))
                .expectException(conflict("consultation-closed")).expectNoEvents();
    }

    @Test
    void aJointResponseIsPlannedThenRecordedAsSubmitted() {
        fixture.given(OPENED, new JointResponsePlanned(C, "picum"))
                .when(new RecordJointResponseSubmitted(C, null, "https://picum.org/icm-response.pdf"))
                .expectEvents(new JointResponseSubmitted(C, "https://picum.org/icm-response.pdf"));
    }

    @Test
    void aJointResponseIsPlannedOnce() {
        fixture.given(OPENED).when(new PlanJointResponse(C, null, "picum")).expectEvents(new JointResponsePlanned(C, "picum"));
        fixture.given(OPENED, new JointResponsePlanned(C, "picum")).when(new PlanJointResponse(C, null, "mce"))
                .expectException(conflict("joint-response-planned")).expectNoEvents();
    }

    @Test
    void anUnplannedResponseCannotBeSubmitted() {
        fixture.given(OPENED).when(new RecordJointResponseSubmitted(C, null, "https://picum.org/r.pdf"))
                .expectException(conflict("no-joint-response-planned")).expectNoEvents();
    }

    @Test
    void aSubmittedResponseIsRecordedOnce() {
        fixture.given(OPENED, new JointResponsePlanned(C, "picum"), new JointResponseSubmitted(C, "https://picum.org/r.pdf"))
                .when(new RecordJointResponseSubmitted(C, null, "https://picum.org/r2.pdf"))
                .expectException(conflict("joint-response-submitted")).expectNoEvents();
    }

    @Test
    void itClosesOnceTheDeadlineHasPassed() {
        fixture.given(OPENED).when(new CloseConsultation(C, CLOSES)).expectEvents(new ConsultationClosed(C, CLOSES));
    }

    @Test
    void itDoesNotCloseBeforeTheDeadline() {
        fixture.given(OPENED).when(new CloseConsultation(C, CLOSES.minusSeconds(1)))
                .expectException(conflict("deadline-not-passed")).expectNoEvents();
    }

    @Test
    void closingTwiceIsRefused() {
        fixture.given(OPENED, new ConsultationClosed(C, CLOSES)).when(new CloseConsultation(C, CLOSES.plusSeconds(60)))
                .expectException(conflict("consultation-closed")).expectNoEvents();
    }
}
