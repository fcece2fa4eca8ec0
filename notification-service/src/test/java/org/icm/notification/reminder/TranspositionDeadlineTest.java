package org.icm.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * second instance running the same job; a state that declared COMPLETE is not alerted of.
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
        TranspositionDeadlines secondInstance = new TranspositionDeadlines(mongo, tracking, recipients, router, properties, clock, jobs);
        CompletableFuture.allOf(CompletableFuture.runAsync(secondInstance::run), CompletableFuture.runAsync(deadlines::run)).join();
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
