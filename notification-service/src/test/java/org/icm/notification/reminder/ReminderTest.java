package org.icm.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.icm.kernel.events.calendar.CalendarIntegrationEvents;
import org.icm.kernel.events.calendar.ConsultationClosed;
import org.icm.kernel.events.calendar.ConsultationOpened;
import org.icm.kernel.events.calendar.MeetingCancelled;
import org.icm.kernel.events.calendar.MeetingScheduled;
import org.icm.kernel.events.calendar.RegistrationCancelled;
import org.icm.kernel.events.calendar.RegistrationConfirmed;
import org.icm.kernel.vocabulary.ConsultationType;
import org.icm.kernel.vocabulary.MeetingType;
import org.icm.notification.NotificationProperties;
import org.icm.notification.routing.Router;
import org.icm.notification.support.NotificationTestBase;
import org.icm.notification.tracking.Tracking;
import org.icm.service.scheduling.ScheduledJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Consultations closing within 7 days and within 1 day, meetings the day before, to the accounts subscribed or
 * registered; each reminder once, also with a second instance running the same job at the same time.
 */
class ReminderTest extends NotificationTestBase {

    @Autowired
    Reminders reminders;

    @Autowired
    Tracking tracking;

    @Autowired
    Router router;

    @Autowired
    NotificationProperties properties;

    @Autowired
    ScheduledJobs jobs;

    @Test
    void aConsultationIsRemindedOfAWeekAndADayBeforeItClosesOnceEach() {
        Person member = member();
        Person notInterested = member();
        subscribe(notInterested, """
                {"kinds":["MEASURE_STAGE_CHANGED"],"dossiers":[],"policyAreas":[],"rights":[],"channels":["IN_APP"],"emailRhythm":"IMMEDIATE"}""");
        String consultation = UUID.randomUUID().toString();
        Instant closesAt = clock.instant().plus(Duration.ofDays(6));
        publisher().publish(CalendarIntegrationEvents.CONSULTATION_OPENED, new ConsultationOpened(consultation, ConsultationType.values()[0],
                "DG JUST", "Rights of the child strategy", "https://ec.europa.eu/y", clock.instant().minus(Duration.ofDays(30)), closesAt,
                null, null));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> reminders(member).size() == 1);
            assertThat(reminders(member).getFirst().get("explanation").toString())
                    .startsWith("Reminder: consultation \u201cRights of the child strategy\u201d closes within a week, on ");
            assertThat(reminders(member).getFirst().get("link")).isEqualTo("/consultations/" + consultation);

            clock.advanceTo(closesAt.minus(Duration.ofHours(12)));
            await().atMost(Duration.ofSeconds(30)).until(() -> reminders(member).size() == 2);
            // two instances at once, and the scheduled job again: nothing more
            Reminders secondInstance = new Reminders(mongo, tracking, router, clock, jobs);
            CompletableFuture.allOf(CompletableFuture.runAsync(secondInstance::run), CompletableFuture.runAsync(reminders::run)).join();
            secondInstance.run();

            List<Map<String, Object>> received = reminders(member);
            assertThat(received).hasSize(2);
            assertThat(received).extracting(r -> r.get("explanation").toString())
                    .anySatisfy(e -> assertThat(e).contains("closes within a day"));
            assertThat(reminders(notInterested)).isEmpty();
            // reminders do not wait for the digest: a mail at once
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(member.email()).size() >= 2);
        } finally {
            publisher().publish(CalendarIntegrationEvents.CONSULTATION_CLOSED, new ConsultationClosed(consultation, "Rights of the child strategy",
                    closesAt));
        }
    }

    @Test
    void aMeetingIsRemindedTheDayBeforeToThoseRegisteredOnly() {
        Person registered = member();
        Person cancelled = member();
        Person bystander = member();
        String meeting = UUID.randomUUID().toString();
        Instant startsAt = clock.instant().plus(Duration.ofDays(3));
        publisher().publish(CalendarIntegrationEvents.MEETING_SCHEDULED, new MeetingScheduled(meeting, "Network meeting on guardianship",
                MeetingType.values()[0], startsAt, startsAt.plus(Duration.ofHours(2)), "Europe/Brussels", "Brussels", null, 40, List.of()));
        publisher().publish(CalendarIntegrationEvents.REGISTRATION_CONFIRMED, new RegistrationConfirmed(meeting, "Network meeting on guardianship",
                startsAt, registered.id(), registered.organisation().toString()));
        publisher().publish(CalendarIntegrationEvents.REGISTRATION_CONFIRMED, new RegistrationConfirmed(meeting, "Network meeting on guardianship",
                startsAt, cancelled.id(), cancelled.organisation().toString()));
        String cancellation = publisher().publish(CalendarIntegrationEvents.REGISTRATION_CANCELLED, new RegistrationCancelled(meeting,
                "Network meeting on guardianship", cancelled.id(), cancelled.organisation().toString()));
        awaitProcessed(cancellation);
        try {
            // the meeting itself was announced to members
            assertThat(awaitFeed(bystander, 1)).extracting(i -> i.get("link")).contains("/meetings/" + meeting);
            assertThat(reminders(registered)).isEmpty();

            clock.advanceTo(startsAt.minus(Duration.ofHours(20)));
            await().atMost(Duration.ofSeconds(30)).until(() -> reminders(registered).size() == 1);
            reminders.run();

            assertThat(reminders(registered)).singleElement().satisfies(r -> {
                assertThat(r.get("explanation").toString()).startsWith("Reminder: Network meeting on guardianship starts on ");
                assertThat(r.get("link")).isEqualTo("/meetings/" + meeting);
            });
            assertThat(reminders(cancelled)).isEmpty();
            assertThat(reminders(bystander)).isEmpty();
        } finally {
            publisher().publish(CalendarIntegrationEvents.MEETING_CANCELLED, new MeetingCancelled(meeting, "Network meeting on guardianship",
                    startsAt, "test over"));
        }
    }

    private List<Map<String, Object>> reminders(Person person) {
        return feed(person).stream().filter(i -> "REMINDER".equals(i.get("kind"))).toList();
    }

}
