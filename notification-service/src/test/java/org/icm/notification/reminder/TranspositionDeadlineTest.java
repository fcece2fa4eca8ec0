package org.icm.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.icm.kernel.events.policy.NationalImplementationRecorded;
import org.icm.kernel.events.policy.NationalImplementationRecorded.Fact;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.TranspositionStatus;
import org.icm.notification.NotificationProperties;
import org.icm.notification.routing.Recipients;
import org.icm.notification.routing.Router;
import org.icm.notification.support.NotificationTestBase;
import org.icm.notification.tracking.Tracking;
import org.icm.service.scheduling.ScheduledJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A directive's transposition deadline passes while a member state's last declared status (as the national facts
 * consumed told it) is PARTIAL: those who follow that state hear of it the day after the deadline, once, also with a
 * second instance running the same job; a state that declared COMPLETE is not alerted of. Fourteen days before a
 * deadline, those who follow a state by name with reminders on are reminded of it, once, unless it declared COMPLETE
 * (nothing declared included); following every state prompts for none.
 */
class TranspositionDeadlineTest extends NotificationTestBase {

    private static final String DIRECTIVE = "Reception Conditions Directive (recast)";

    @Autowired
    TranspositionDeadlines deadlines;

    @Autowired
    Tracking tracking;

    @Autowired
    Recipients recipients;

    @Autowired
    Router router;

    @Autowired
    NotificationProperties properties;

    @Autowired
    ScheduledJobs jobs;

    @Test
    void aDeadlinePassedWhileGreeceHadTransposedInPartIsToldTheDayAfterOnceToThoseFollowingGreece() {
        Person followsGreece = member();
        Person followsFrance = member();
        Person followsEverything = member();
        subscribe(followsGreece, following("GR"));
        subscribe(followsFrance, following("FR"));
        ZoneId zone = properties.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate deadline = today.plusDays(2);
        String dossier = dossier(DIRECTIVE, PolicyArea.RECEPTION, true);

        declared(dossier, "GR", TranspositionStatus.NOT_NOTIFIED, TranspositionStatus.PARTIAL, today.minusDays(1), deadline);
        // the same dossier, hence the same partition: once France's declaration was handled, Greece's had been
        awaitProcessed(declared(dossier, "FR", null, TranspositionStatus.COMPLETE, today.minusDays(1), deadline));

        // the deadline's own last hour: not passed yet
        clock.advanceTo(deadline.atTime(23, 30).atZone(zone).toInstant());
        deadlines.run();
        assertThat(deadlineAlerts(followsGreece)).isEmpty();

        // the day after
        clock.advanceTo(deadline.plusDays(1).atTime(7, 0).atZone(zone).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadlineAlerts(followsGreece).size() == 1);
        CompletableFuture.allOf(CompletableFuture.runAsync(secondInstance()::run), CompletableFuture.runAsync(deadlines::run)).join();
        deadlines.run();

        String passed = "Greece: the transposition deadline of Reception Conditions Directive (recast) ("
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(deadline) + ") has passed; declared transposition: Partly transposed";
        assertThat(deadlineAlerts(followsGreece)).singleElement().satisfies(alert -> {
            assertThat(alert.get("explanation")).isEqualTo(passed);
            assertThat(alert.get("link")).isEqualTo("/dossiers/" + dossier);
            assertThat(alert.get("kind")).isEqualTo("NATIONAL_IMPLEMENTATION");
        });
        assertThat(deadlineAlerts(followsEverything)).extracting(alert -> alert.get("explanation")).as("France declared COMPLETE")
                .containsExactly(passed);
        assertThat(deadlineAlerts(followsFrance)).isEmpty();
        // what each heard besides: the declarations of their countries
        assertThat(feed(followsFrance)).extracting(item -> item.get("explanation")).containsExactly(
                "France declared its transposition of Reception Conditions Directive (recast): Complete, as of "
                        + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(today.minusDays(1)));
    }

    @Test
    void fourteenDaysBeforeTheDeadlineThoseFollowingACountryNotDoneAreRemindedOnceWithItsStatus() {
        Person followsGreecePortugalSweden = member();
        Person followsFranceInFrench = memberIn("fr");
        Person remindersOff = member();
        Person followsEveryCountry = member();
        subscribe(followsGreecePortugalSweden, remindedOf("[\"GR\",\"PT\",\"SE\"]", "[\"IN_APP\"]"));
        subscribe(followsFranceInFrench, remindedOf("[\"FR\"]", "[\"IN_APP\",\"EMAIL\"]"));
        subscribe(remindersOff, following("GR"));
        ZoneId zone = properties.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate deadline = today.plusDays(30);
        String dossier = dossier(DIRECTIVE, PolicyArea.RECEPTION, true);

        // Greece partly transposed, Sweden complete; Portugal and France declared nothing
        declared(dossier, "GR", TranspositionStatus.NOT_NOTIFIED, TranspositionStatus.PARTIAL, today.minusDays(1), deadline);
        awaitProcessed(declared(dossier, "SE", null, TranspositionStatus.COMPLETE, today.minusDays(1), deadline));

        clock.advanceTo(deadline.minusDays(15).atTime(8, 0).atZone(zone).toInstant());
        deadlines.run();
        assertThat(transpositionReminders(followsGreecePortugalSweden, dossier)).as("fifteen days before").isEmpty();

        clock.advanceTo(deadline.minusDays(14).atTime(8, 0).atZone(zone).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> transpositionReminders(followsGreecePortugalSweden, dossier).size() == 2);
        CompletableFuture.allOf(CompletableFuture.runAsync(secondInstance()::run), CompletableFuture.runAsync(deadlines::run)).join();
        clock.advanceTo(deadline.minusDays(13).atTime(8, 0).atZone(zone).toInstant());
        deadlines.run();

        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(deadline);
        assertThat(transpositionReminders(followsGreecePortugalSweden, dossier)).as("once each, none for Sweden (complete)")
                .extracting(reminder -> reminder.get("explanation")).containsExactlyInAnyOrder(
                        "Reminder, Greece: the transposition deadline of Reception Conditions Directive (recast) is " + date
                                + "; declared transposition: Partly transposed",
                        "Reminder, Portugal: the transposition deadline of Reception Conditions Directive (recast) is " + date
                                + "; no status declared yet");
        assertThat(transpositionReminders(followsGreecePortugalSweden, dossier)).extracting(reminder -> reminder.get("link"))
                .containsExactlyInAnyOrder("/countries/GR", "/countries/PT");
        assertThat(transpositionReminders(followsFranceInFrench, dossier)).as("France only").singleElement()
                .satisfies(reminder -> assertThat(reminder.get("link")).isEqualTo("/countries/FR"));
        String french = "Rappel, France\u00a0: le d\u00e9lai de transposition de Reception Conditions Directive (recast) expire le "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(deadline)
                + "\u00a0; aucun statut d\u00e9clar\u00e9 pour l\u2019instant";
        // a reminder does not wait for a digest: a mail at once, in the member's language
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(followsFranceInFrench).contains("[ICM] " + french));
        assertThat(transpositionReminders(remindersOff, dossier)).as("reminders not among its kinds").isEmpty();
        assertThat(transpositionReminders(followsEveryCountry, dossier)).as("no country followed by name: not prompted for all 27").isEmpty();

        // the day after the deadline, Greece still partly transposed: the alert comes besides (and within this test, so
        // that no account of a later test hears of it)
        clock.advanceTo(deadline.plusDays(1).atTime(7, 0).atZone(zone).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadlineAlerts(followsGreecePortugalSweden).stream()
                .anyMatch(alert -> dossier.equals(alert.get("dossierId"))));
        assertThat(transpositionReminders(followsGreecePortugalSweden, dossier)).hasSize(2);
    }

    private static List<String> subjects(Person person) throws MessagingException {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage mail : mailsTo(person.email())) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    private TranspositionDeadlines secondInstance() {
        return new TranspositionDeadlines(mongo, tracking, recipients, router, properties, clock, jobs, 14);
    }

    /** National news and reminders of these countries, by these channels at once. */
    private static String remindedOf(String countries, String channels) {
        return """
                {"kinds":["NATIONAL_IMPLEMENTATION","REMINDER"],"dossiers":[],"policyAreas":[],"rights":[],"countries":%s,"channels":%s,
                 "emailRhythm":"IMMEDIATE"}""".formatted(countries, channels);
    }

    private List<Map<String, Object>> transpositionReminders(Person person, String dossier) {
        return feed(person).stream().filter(item -> dossier.equals(item.get("dossierId")) && "REMINDER".equals(item.get("kind"))).toList();
    }

    private static String following(String country) {
        return """
                {"kinds":["NATIONAL_IMPLEMENTATION"],"dossiers":[],"policyAreas":[],"rights":[],"countries":["%s"],"channels":["IN_APP"],
                 "emailRhythm":"IMMEDIATE"}""".formatted(country);
    }

    private String declared(String dossier, String country, TranspositionStatus previous, TranspositionStatus status, LocalDate from,
                            LocalDate deadline) {
        return publisher().publish(PolicyIntegrationEvents.NATIONAL_IMPLEMENTATION_RECORDED, new NationalImplementationRecorded(dossier,
                DIRECTIVE, PolicyArea.RECEPTION, "m-" + dossier, DIRECTIVE, MeasureType.DIRECTIVE, country, Fact.TRANSPOSITION_STATUS, null,
                null, null, null, previous, status, null, from, deadline, "org-" + country, false));
    }

    private List<Map<String, Object>> deadlineAlerts(Person person) {
        return feed(person).stream()
                .filter(item -> item.get("story") instanceof Map<?, ?> story && "national.deadline-passed".equals(story.get("key"))).toList();
    }
}
