package org.icm.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Daily and weekly digests go out at the configured local time (08:00 in Brussels, weekly on Mondays), grouped by
 * dossier, newest first, once; what arrives after the hour waits for the next digest.
 */
class DigestTest extends NotificationTestBase {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Autowired
    LockProvider locks;

    @Test
    void digestsGroupByDossierNewestFirstAtTheConfiguredLocalTime() throws Exception {
        Person daily = member();
        // signed up in French: their digest is in French
        Person weekly = memberIn("fr");
        Person leaving = member();
        subscribe(weekly, everythingBy("[\"IN_APP\",\"EMAIL\"]", "WEEKLY_DIGEST"));
        String asylum = dossier("Asylum Procedure Regulation", PolicyArea.ASYLUM, true);
        String reception = dossier("Reception Conditions Directive", PolicyArea.RECEPTION, true);
        Instant base = Instant.parse("2026-01-10T10:00:00Z");

        change(asylum, "Asylum Procedure Regulation", "APR step 1", ProcedureStage.EP_MANDATE, ProcedureStage.TRILOGUE, base);
        change(reception, "Reception Conditions Directive", "RCD step", ProcedureStage.TRILOGUE, ProcedureStage.ADOPTED, base.plusSeconds(60));
        change(asylum, "Asylum Procedure Regulation", "APR step 2", ProcedureStage.TRILOGUE, ProcedureStage.PROVISIONAL_AGREEMENT,
                base.plusSeconds(120));
        awaitFeed(daily, 3);
        awaitFeed(weekly, 3);
        awaitFeed(leaving, 3);
        assertThat(digestsTo(daily.email())).isEmpty();
        // their organisation withdraws from the network before the digest's hour: what was queued for them stays unsent
        awaitProcessed(publisher().publish(org.icm.kernel.events.membership.MembershipIntegrationEvents.ORGANISATION_WITHDREW,
                new org.icm.kernel.events.membership.OrganisationWithdrew(leaving.organisation().toString(), "Org " + leaving.organisation())));

        // the next Monday, 08:00 in Brussels: both the daily and the weekly digest go out
        ZonedDateTime now = clock.instant().atZone(BRUSSELS);
        ZonedDateTime monday = now.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(LocalTime.of(8, 0)).atZone(BRUSSELS);
        clock.advanceTo(monday.minusMinutes(1).toInstant());
        Thread.sleep(600);
        assertThat(digestsTo(daily.email())).as("nothing before the hour").isEmpty();
        clock.advanceTo(monday.plusSeconds(1).toInstant());

        MimeMessage digest = awaitDigests(daily.email(), 1).getFirst();
        assertThat(digest.getSubject()).isEqualTo("[ICM] Your daily digest (3 notifications)");
        String text = part(digest, "text/plain");
        // the asylum section first (its newest notification is the newest of all), newest first within it
        assertThat(text).containsSubsequence("== Asylum Procedure Regulation ==",
                "- APR step 2 moved from Trilogue to Provisional agreement on 1 January 2026",
                "- APR step 1 moved from European Parliament mandate to Trilogue on 1 January 2026",
                "== Reception Conditions Directive ==",
                "- RCD step moved from Trilogue to Adopted on 1 January 2026");
        assertThat(part(digest, "text/html")).containsSubsequence("<h2>Asylum Procedure Regulation</h2>", "APR step 2", "APR step 1",
                "<h2>Reception Conditions Directive</h2>");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        MimeMessage weeklyDigest = awaitDigests(weekly.email(), 1).getFirst();
        assertThat(weeklyDigest.getSubject()).isEqualTo("[ICM] Votre r\u00e9sum\u00e9 hebdomadaire (3 notifications)");
        assertThat(part(weeklyDigest, "text/plain")).contains("Bonjour Person ", "Votre r\u00e9sum\u00e9 hebdomadaire\u00a0: 3 notifications.",
                "- APR step 2\u00a0: passage de \u00ab\u00a0Trilogue\u00a0\u00bb \u00e0 \u00ab\u00a0Accord provisoire\u00a0\u00bb le 1 janvier 2026",
                "Ne plus recevoir ces e-mails\u00a0: https://").doesNotContain("moved from", "Hello");
        assertThat(digestsTo(leaving.email())).as("no digest for the staff of an organisation that withdrew").isEmpty();

        // after the hour: the next day's digest, and only that one
        change(reception, "Reception Conditions Directive", "RCD later step", ProcedureStage.ADOPTED, ProcedureStage.PUBLISHED_IN_OJ,
                base.plusSeconds(180));
        awaitFeed(daily, 4);
        Thread.sleep(600);
        assertThat(digestsTo(daily.email())).hasSize(1);
        // another instance of the service is sending the digests: this one leaves them to it
        SimpleLock otherInstance = org.awaitility.Awaitility.await().until(() -> locks.lock(new LockConfiguration(Instant.now(), "digests",
                java.time.Duration.ofMinutes(1), java.time.Duration.ZERO)), Optional::isPresent).orElseThrow();
        clock.advanceTo(monday.plusDays(1).plusSeconds(1).toInstant());
        Thread.sleep(600);
        assertThat(digestsTo(daily.email())).as("while the other instance has the digests").hasSize(1);
        // ... and stops without sending them (its lock ends): this one sends the day's digest, once
        otherInstance.unlock();
        MimeMessage next = awaitDigests(daily.email(), 2).get(1);
        assertThat(next.getSubject()).isEqualTo("[ICM] Your daily digest (1 notification)");
        assertThat(part(next, "text/plain")).contains("RCD later step").doesNotContain("APR step");
        Thread.sleep(600);
        assertThat(digestsTo(daily.email())).hasSize(2);
        assertThat(digestsTo(weekly.email())).hasSize(1);
    }

    /** Digests only: a reminder (an immediate mail) is not this test's business. */
    private static java.util.List<MimeMessage> digestsTo(String email) {
        return mailsTo(email).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("[ICM] Your ") || m.getSubject().startsWith("[ICM] Votre ");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static java.util.List<MimeMessage> awaitDigests(String email, int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> digestsTo(email).size() >= count);
        return digestsTo(email);
    }

    private void change(String dossier, String title, String measure, ProcedureStage from, ProcedureStage to, Instant at) {
        publisher().publishAt(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, new MeasureStageChanged(dossier, title, PolicyArea.ASYLUM,
                "m-" + measure, measure, "2024/0002(COD)", from, to, java.time.LocalDate.parse("2026-01-01"), false), at);
    }

}
