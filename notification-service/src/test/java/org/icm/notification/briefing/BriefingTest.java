package org.icm.notification.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.icm.kernel.events.calendar.CalendarIntegrationEvents;
import org.icm.kernel.events.calendar.MeetingAgendaChanged;
import org.icm.kernel.events.calendar.MeetingCancelled;
import org.icm.kernel.events.calendar.MeetingRescheduled;
import org.icm.kernel.events.calendar.MeetingScheduled;
import org.icm.kernel.events.calendar.RegistrationConfirmed;
import org.icm.kernel.events.policy.MeasureStageChanged;
import org.icm.kernel.events.policy.PolicyIntegrationEvents;
import org.icm.kernel.vocabulary.MeetingType;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A meeting's briefing, two days before it, by e-mail to its registrants who want meeting news by e-mail, in their
 * language: what was told on its agenda's dossiers since the previous meeting held, what took effect before it marked as
 * late news, once even if the meeting moves.
 */
class BriefingTest extends NotificationTestBase {

    private static final String TITLE = "Network meeting on child guardianship";
    private static final PolicyArea AREA = PolicyArea.values()[0];

    @Autowired
    Briefings briefings;

    @Test
    void registrantsWhoWantMeetingNewsByMailGetOneBriefingInTheirLanguage() throws Exception {
        Person english = member();
        Person french = memberIn("fr");
        Person mailOff = member();
        subscribe(mailOff, everythingBy("[\"IN_APP\"]", "IMMEDIATE"));
        Person bystander = member();

        Instant now = clock.instant();
        String onAgenda = dossier("Guardianship Regulation", AREA, true);
        String elsewhere = dossier("Return Directive", AREA, true);
        // the previous meeting ended an hour ago: a step before it is old news, one after it is in the briefing, and one told
        // after it but effective ten days before it is late news
        LocalDate today = LocalDate.ofInstant(now.minus(Duration.ofHours(1)), ZoneId.of("Europe/Brussels"));
        String previous = UUID.randomUUID().toString();
        String previousScheduled = publisher().publish(CalendarIntegrationEvents.MEETING_SCHEDULED, new MeetingScheduled(previous,
                "Previous network meeting", MeetingType.values()[0], now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)),
                "Europe/Brussels", "Brussels", null, 40, List.of(onAgenda)));
        String before = step(onAgenda, "Guardianship Regulation", "Earlier guardianship step", today, now.minus(Duration.ofHours(2)));
        String after = step(onAgenda, "Guardianship Regulation", "Later guardianship step", today, now.minus(Duration.ofMinutes(30)));
        String late = step(onAgenda, "Guardianship Regulation", "Late guardianship step", today.minusDays(10), now.minus(Duration.ofMinutes(20)));
        String unrelated = step(elsewhere, "Return Directive", "Return Directive step", today, now.minus(Duration.ofMinutes(30)));
        List.of(previousScheduled, before, after, late, unrelated).forEach(this::awaitProcessed);

        String meeting = UUID.randomUUID().toString();
        Instant startsAt = now.plus(Duration.ofHours(30));
        try {
            // scheduled with no agenda, which then links the dossier (the same partition: in this order)
            publisher().publish(CalendarIntegrationEvents.MEETING_SCHEDULED, new MeetingScheduled(meeting, TITLE, MeetingType.values()[0],
                    startsAt, startsAt.plus(Duration.ofHours(2)), "Europe/Brussels", "Brussels", null, 40, List.of()));
            publisher().publish(CalendarIntegrationEvents.MEETING_AGENDA_CHANGED, new MeetingAgendaChanged(meeting, TITLE,
                    List.of("Guardianship"), List.of(onAgenda)));
            for (Person registrant : List.of(english, french, mailOff)) {
                publisher().publish(CalendarIntegrationEvents.REGISTRATION_CONFIRMED, new RegistrationConfirmed(meeting, TITLE, startsAt,
                        registrant.id(), registrant.organisation().toString()));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> briefingsTo(english).size() == 1 && briefingsTo(french).size() == 1);

            MimeMessage en = briefingsTo(english).getFirst();
            assertThat(en.getSubject()).startsWith("[ICM] Briefing: " + TITLE + " on ");
            String text = part(en, "text/plain");
            assertThat(text).contains("since the previous meeting")
                    .contains("== Guardianship Regulation ==")
                    .contains("\n- Later guardianship step moved from")
                    .contains("\n- [Late news] Late guardianship step moved from")
                    .contains("\u201cLate news\u201d marks what was told in this period but took effect before it began")
                    .doesNotContain("Earlier guardianship step")
                    .doesNotContain("Return Directive")
                    .contains("The full briefing: https://icm.test/calendar/meetings/" + meeting + "/briefing")
                    .contains("https://icm.test/api/notifications/unsubscribe?token=");
            assertThat(part(en, "text/html")).contains("<li><strong>[Late news]</strong> Late guardianship step moved from")
                    .contains("href=\"https://icm.test/calendar/meetings/" + meeting + "/briefing\"");
            assertThat(en.getHeader("List-Unsubscribe")).isNotEmpty();

            MimeMessage fr = briefingsTo(french).getFirst();
            assertThat(fr.getSubject()).startsWith("[ICM] Note de pr\u00e9paration\u00a0: r\u00e9union \u00ab\u00a0" + TITLE);
            assertThat(part(fr, "text/plain")).contains("depuis la r\u00e9union pr\u00e9c\u00e9dente")
                    .contains("\n- Later guardianship step\u00a0: passage de")
                    .contains("\n- [Nouvelle tardive] Late guardianship step\u00a0: passage de")
                    .contains("\u00ab\u00a0Nouvelle tardive\u00a0\u00bb signale ce qui a \u00e9t\u00e9 annonc\u00e9 pendant cette p\u00e9riode")
                    .doesNotContain("Earlier guardianship step")
                    .contains("La note compl\u00e8te\u00a0: https://icm.test/calendar/meetings/" + meeting + "/briefing");

            // the meeting moves, still within two days: no second briefing
            String moved = publisher().publish(CalendarIntegrationEvents.MEETING_RESCHEDULED, new MeetingRescheduled(meeting, TITLE, startsAt,
                    startsAt.plus(Duration.ofHours(10)), startsAt.plus(Duration.ofHours(12)), "Europe/Brussels"));
            awaitProcessed(moved);
            briefings.run();
            briefings.run();
            Thread.sleep(1500);
            assertThat(briefingsTo(english)).hasSize(1);
            assertThat(briefingsTo(french)).hasSize(1);
            assertThat(briefingsTo(mailOff)).isEmpty();
            assertThat(briefingsTo(bystander)).isEmpty();
        } finally {
            publisher().publish(CalendarIntegrationEvents.MEETING_CANCELLED, new MeetingCancelled(meeting, TITLE, startsAt, "test over"));
            publisher().publish(CalendarIntegrationEvents.MEETING_CANCELLED, new MeetingCancelled(previous, "Previous network meeting",
                    now.minus(Duration.ofHours(3)), "test over"));
        }
    }

    private String step(String dossierId, String dossierTitle, String measureTitle, LocalDate effective, Instant at) {
        return publisher().publishAt(PolicyIntegrationEvents.MEASURE_STAGE_CHANGED, new MeasureStageChanged(dossierId, dossierTitle, AREA,
                "m-" + UUID.randomUUID(), measureTitle, "2024/0001(COD)", ProcedureStage.PROPOSAL_ADOPTED, ProcedureStage.EP_COMMITTEE,
                effective, false), at);
    }

    private static List<MimeMessage> briefingsTo(Person person) {
        return mailsTo(person.email()).stream().filter(mail -> {
            try {
                return mail.getSubject().startsWith("[ICM] Briefing") || mail.getSubject().startsWith("[ICM] Note de pr\u00e9paration");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
