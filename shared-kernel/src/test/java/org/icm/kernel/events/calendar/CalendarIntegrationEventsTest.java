package org.icm.kernel.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;
import org.icm.kernel.vocabulary.BulletinKind;
import org.icm.kernel.vocabulary.ConsultationType;
import org.icm.kernel.vocabulary.EuInstitution;
import org.icm.kernel.vocabulary.MeetingType;
import org.junit.jupiter.api.Test;

class CalendarIntegrationEventsTest {

    static final Instant START = Instant.parse("2025-03-12T09:00:00Z");
    static final Instant END = Instant.parse("2025-03-12T12:00:00Z");

    final IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/events-service"), CalendarIntegrationEvents.ALL);

    /** One sample of every type, in the order of the catalogue, each with its subject. */
    static final List<CalendarIntegrationEvent> SAMPLES = List.of(
            new MeetingScheduled("mtg-1", "Plenary", MeetingType.PLENARY, START, END, "Europe/Brussels", "Rue Royale 146", null, 40,
                    List.of("dos-1")),
            new MeetingRescheduled("mtg-1", "Plenary", START, START.plusSeconds(86_400), END.plusSeconds(86_400), "Europe/Brussels"),
            new MeetingCancelled("mtg-1", "Plenary", START, "strike"),
            new MeetingAgendaChanged("mtg-1", "Plenary", List.of("Pact implementation"), List.of("dos-1")),
            new MeetingMinutesPublished("mtg-1", "Plenary", 3),
            new RegistrationConfirmed("mtg-1", "Plenary", START, "acc-1", "org-1"),
            new RegistrationWaitlisted("mtg-1", "Plenary", START, "acc-2", "org-2", 1),
            new RegistrationPromoted("mtg-1", "Plenary", START, "acc-2", "org-2"),
            new RegistrationCancelled("mtg-1", "Plenary", "acc-1", "org-1"),
            new EuEventAnnounced("eue-1", EuInstitution.EUROPEAN_PARLIAMENT, "LIBE hearing", START, "https://europarl.europa.eu",
                    List.of("dos-1")),
            new EuEventUpdated("eue-1", EuInstitution.EUROPEAN_PARLIAMENT, "LIBE hearing", END, "https://europarl.europa.eu", List.of()),
            new EuEventCancelled("eue-1", "LIBE hearing", "postponed"),
            new ConsultationOpened("con-1", ConsultationType.CALL_FOR_EVIDENCE, "HOME", "Return", "https://ec.europa.eu", START, END,
                    "dos-1", null),
            new ConsultationDeadlineChanged("con-1", "Return", "dos-1", END, END.plusSeconds(86_400)),
            new ConsultationClosed("con-1", "Return", END),
            new BulletinPosted("bul-1", BulletinKind.EU_DEVELOPMENT, "Council mandate", "Text", "acc-1", "org-1", List.of("dos-1")));

    @Test
    void everyTypeIsVersionedOnTheEventsTopicAndNamedAfterItsRecord() {
        assertThat(CalendarIntegrationEvents.ALL).extracting(IntegrationEventType::name).doesNotHaveDuplicates();
        for (IntegrationEventType<?> type : CalendarIntegrationEvents.ALL) {
            assertThat(type.topic()).isEqualTo(Topic.EVENTS);
            assertThat(type.name()).isEqualTo("org.icm.events." + type.payloadType().getSimpleName() + ".v1");
        }
        assertThat(SAMPLES).extracting(Object::getClass)
                .containsExactlyElementsOf(CalendarIntegrationEvents.ALL.stream().map(IntegrationEventType::payloadType).toList());
    }

    @Test
    void everyEventIsKeyedByItsAggregateAndSurvivesTheEnvelope() {
        for (int i = 0; i < SAMPLES.size(); i++) {
            var read = codec.decode(codec.encode(envelope(CalendarIntegrationEvents.ALL.get(i), SAMPLES.get(i))));

            assertThat(read.getSubject()).isEqualTo(SAMPLES.get(i).subject()).matches("(mtg|eue|con|bul)-1");
            assertThat(codec.payload(read)).as(read.getType()).contains(SAMPLES.get(i));
        }
    }

    @Test
    void timesAreIsoInstantsAndTheSubjectIsNotRepeatedInTheData() {
        var envelope = envelope(CalendarIntegrationEvents.MEETING_SCHEDULED, SAMPLES.get(0));
        String data = new String(envelope.getData().toBytes(), StandardCharsets.UTF_8);

        assertThat(data).contains("\"startsAt\":\"2025-03-12T09:00:00Z\"", "\"timeZone\":\"Europe/Brussels\"")
                .doesNotContain("subject");
    }

    @SuppressWarnings("unchecked")
    private <E extends IntegrationEvent> io.cloudevents.CloudEvent envelope(IntegrationEventType<E> type, IntegrationEvent event) {
        return codec.envelope(type, (E) event, "evt-1", Instant.parse("2024-05-15T08:00:00Z"));
    }
}
