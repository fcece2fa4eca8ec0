package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A focal point runs the network's calendar and its machinery through the web client, on the whole platform: posts and
 * corrects an EU event and cancels another, opens a consultation and moves its deadline, runs a meeting from its agenda
 * to its minutes and cancels another; the public calendar follows; the e-mail delivery log shows what was sent; a read
 * model is replayed and the dossier list is as complete as before.
 */
@ExtendWith(RunningPlatform.class)
class OperationsJourneysIT {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    final String run = Long.toString(System.currentTimeMillis(), 36);

    @Test
    void aFocalPointRunsMeetingsEuEventsConsultationsAndTheServices(Platform platform) {
        String euEvent = "LIBE hearing on child detention " + run;
        String cancelledEuEvent = "Council working party briefing " + run;
        String consultation = "Evaluation of the Return Directive " + run;
        String meeting = "Guardianship working group " + run;
        String cancelledMeeting = "Plenary on the Pact " + run;
        try (Browser focalPoint = new Browser(platform)) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());

            // e-mail at once rather than in a digest, so the meeting notices reach the delivery log during this journey
            focalPoint.open("/subscriptions");
            focalPoint.click("input[name=emailRhythm][value=IMMEDIATE]");
            focalPoint.click("form.form button[type=submit]");
            assertThat(focalPoint.text("#subscriptions-saved")).isEqualTo("Your subscriptions are saved.");

            focalPoint.open("/operations");
            assertThat(focalPoint.text("h1")).isEqualTo("Operations");
            focalPoint.screenshotAndCheck("operations");

            // an EU event: refused without a title (the reason next to the field, what was typed kept), then posted, then corrected
            focalPoint.click("#new-eu-event");
            new Select(focalPoint.find("#institution")).selectByValue("EUROPEAN_PARLIAMENT");
            setValue(focalPoint, "#start", LocalDateTime.now(BRUSSELS).plusDays(20).truncatedTo(ChronoUnit.DAYS).plusHours(14).toString());
            focalPoint.type("#link", "https://www.europarl.europa.eu/committees/en/libe/home");
            focalPoint.click("#eu-event-form button[type=submit]");
            assertThat(focalPoint.outcome()).startsWith("refused");
            assertThat(focalPoint.find("#title-error").getText()).isNotBlank();
            assertThat(focalPoint.find("#link").getAttribute("value")).isEqualTo("https://www.europarl.europa.eu/committees/en/libe/home");
            focalPoint.screenshotAndCheck("operations-eu-event-refused");
            focalPoint.type("#title", euEvent + " (draft)");
            focalPoint.click("#eu-event-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The EU event is posted.");
            focalPoint.type("#title", euEvent);
            focalPoint.click("#eu-event-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The EU event is updated.");
            assertThat(focalPoint.find("#title").getAttribute("value")).isEqualTo(euEvent);
            focalPoint.screenshotAndCheck("operations-eu-event");

            // another EU event, cancelled with a reason
            focalPoint.open("/operations/eu-events/new");
            new Select(focalPoint.find("#institution")).selectByValue("COUNCIL_OF_THE_EU");
            focalPoint.type("#title", cancelledEuEvent);
            focalPoint.type("#link", "https://www.consilium.europa.eu/en/council-eu/preparatory-bodies/");
            setValue(focalPoint, "#start", LocalDateTime.now(BRUSSELS).plusDays(21).truncatedTo(ChronoUnit.DAYS).plusHours(10).toString());
            focalPoint.click("#eu-event-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The EU event is posted.");
            focalPoint.type("#reason", "Postponed by the Council presidency");
            focalPoint.click("#cancel-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The EU event is cancelled.");
            assertThat(focalPoint.text("#eu-event-cancelled")).contains("Postponed by the Council presidency");

            // a consultation, then a later deadline
            focalPoint.open("/operations/consultations/new");
            focalPoint.screenshotAndCheck("operations-consultation-new");
            new Select(focalPoint.find("#type")).selectByValue("PUBLIC_CONSULTATION");
            focalPoint.type("#directorateGeneral", "HOME");
            focalPoint.type("#title", consultation);
            focalPoint.type("#link", "https://ec.europa.eu/info/law/better-regulation/have-your-say/initiatives/return-" + run);
            LocalDateTime today = LocalDateTime.now(BRUSSELS).truncatedTo(ChronoUnit.DAYS);
            setValue(focalPoint, "#opensAt", today.minusDays(2).plusHours(9).toString());
            setValue(focalPoint, "#closesAt", today.plusDays(20).plusHours(23).plusMinutes(59).toString());
            focalPoint.click("#consultation-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The consultation is open.");
            String deadline = focalPoint.text("#consultation-deadline");
            assertThat(focalPoint.text("#joint-response")).isEqualTo("None planned");
            setValue(focalPoint, "#closesAt", today.plusDays(27).plusHours(23).plusMinutes(59).toString());
            focalPoint.click("#deadline-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The deadline is changed.");
            assertThat(focalPoint.text("#consultation-deadline")).isNotEqualTo(deadline);
            focalPoint.screenshotAndCheck("operations-consultation");

            // two meetings: one is run from agenda to minutes (it starts in a few minutes, so it can be marked held), one is cancelled
            schedule(focalPoint, meeting, LocalDateTime.now(BRUSSELS).plusMinutes(15).truncatedTo(ChronoUnit.MINUTES));
            schedule(focalPoint, cancelledMeeting, LocalDateTime.now(BRUSSELS).plusDays(30).truncatedTo(ChronoUnit.DAYS).plusHours(10));
            openMeeting(focalPoint, meeting);
            String meetingPath = focalPoint.path();
            focalPoint.type("#agenda", "Guardianship standards\nAge assessment safeguards\nAny other business");
            focalPoint.click("#agenda-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The agenda is saved.");
            assertThat(focalPoint.find("#agenda").getAttribute("value")).contains("Age assessment safeguards");
            // under a minute ahead (to the second): the journey waits for it to start before marking it held
            LocalDateTime earlier = LocalDateTime.now(BRUSSELS).plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
            setValue(focalPoint, "#start", earlier.toString());
            setValue(focalPoint, "#end", earlier.plusHours(1).toString());
            focalPoint.click("#reschedule-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The meeting is rescheduled.");
            focalPoint.type("#capacity", "35");
            focalPoint.click("#capacity-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The number of places is changed.");
            assertThat(focalPoint.text("#meeting-facts")).contains("of 35");
            focalPoint.screenshotAndCheck("operations-meeting");

            // held once it has started (the service refuses before: the page says so, and the test tries again)
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                focalPoint.open(meetingPath);
                focalPoint.click("#held-form button[type=submit]");
                assertThat(focalPoint.outcome()).isEqualTo("The meeting is marked as held.");
            });
            focalPoint.type("#minutes", "Agreed: a shared guardianship standard by March. " + run);
            focalPoint.type("#actionPoints", "Draft the guardianship standard | Kinderrechte | " + today.plusDays(60).toLocalDate());
            focalPoint.click("#minutes-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The minutes are saved.");
            focalPoint.screenshotAndCheck("operations-meeting-held");

            // members see the agenda and the minutes on the meeting's page
            focalPoint.click("a[href^='/calendar/meetings/']");
            assertThat(focalPoint.text("#meeting-status")).isEqualTo("Held");
            assertThat(focalPoint.text("#agenda")).contains("Guardianship standards").contains("Age assessment safeguards");
            assertThat(focalPoint.text("#minutes")).contains("Agreed: a shared guardianship standard by March. " + run);
            assertThat(focalPoint.text("#action-points")).contains("Draft the guardianship standard (Kinderrechte, by");
            focalPoint.screenshotAndCheck("meeting-view-member");
            String publicMeetingPath = focalPoint.path();
            try (Browser visitor = new Browser(platform)) {
                visitor.open(publicMeetingPath);
                assertThat(visitor.text("#agenda")).contains("Guardianship standards");
                assertThat(visitor.all("#minutes")).isEmpty();
                visitor.screenshotAndCheck("meeting-view-public");
            }

            // the other meeting is cancelled
            openMeeting(focalPoint, cancelledMeeting);
            focalPoint.type("#reason", "The venue is not available");
            focalPoint.click("#cancel-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The meeting is cancelled.");
            assertThat(focalPoint.text("#meeting-status")).isEqualTo("Cancelled");

            // the public calendar: the corrected EU event and the consultation; what was cancelled or held is gone from it
            try (Browser visitor = new Browser(platform)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    visitor.open("/calendar");
                    String calendar = visitor.text("main");
                    assertThat(calendar).contains(euEvent).contains(consultation).doesNotContain(euEvent + " (draft)")
                            .doesNotContain(cancelledEuEvent).doesNotContain(cancelledMeeting).doesNotContain(meeting);
                });
            }

            // the delivery log lists the mails the meeting notices sent, and reads on a phone
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
                focalPoint.open("/operations/deliveries");
                assertThat(focalPoint.all("#deliveries .delivery")).isNotEmpty();
            });
            focalPoint.screenshotAndCheck("operations-deliveries");
            focalPoint.phoneSized();
            focalPoint.screenshotAndCheck("operations-deliveries-phone");
            focalPoint.driver.manage().window().setSize(new Dimension(1280, 1400));
            new Select(focalPoint.find("#status")).selectByValue("SENT");
            focalPoint.click("#delivery-filters button[type=submit]");
            focalPoint.awaitAddressContaining("status=SENT");
            focalPoint.all("#deliveries .delivery .tag").forEach(tag -> assertThat(tag.getText()).isEqualTo("Sent"));

            // a read model replayed; the dossier list is as complete after it as before
            focalPoint.open("/dossiers");
            String dossiersBefore = focalPoint.text("#result-count");
            focalPoint.open("/operations/read-models");
            assertThat(focalPoint.text("#service-policy")).contains("dossier-catalogue");
            assertThat(focalPoint.text("#service-policy")).contains("integration-event-publisher").contains("Cannot be replayed");
            focalPoint.screenshotAndCheck("operations-read-models");
            focalPoint.click("#read-model-policy-dossier-catalogue a.replay");
            assertThat(focalPoint.text("#replay-confirmation")).contains("dossier-catalogue");
            focalPoint.screenshotAndCheck("operations-read-model");
            focalPoint.click("#replay-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The replay of dossier-catalogue has started.");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                focalPoint.open("/operations/read-models/policy/dossier-catalogue");
                assertThat(focalPoint.text("#read-model-status")).isEqualTo("Running");
                focalPoint.open("/dossiers");
                assertThat(focalPoint.text("#result-count")).isEqualTo(dossiersBefore);
            });

            // the same pages in French
            focalPoint.open("/operations?lang=fr");
            assertThat(focalPoint.text("h1")).isEqualTo("Coordination");
            focalPoint.screenshotAndCheck("operations-fr");
            focalPoint.open(meetingPath);
            assertThat(focalPoint.text("h1")).isEqualTo("Conduire la réunion : " + meeting);
            focalPoint.screenshotAndCheck("operations-meeting-fr");
            focalPoint.open("/operations/read-models");
            assertThat(focalPoint.text("h1")).isEqualTo("Reconstruction des modèles de lecture");
            focalPoint.screenshotAndCheck("operations-read-models-fr");
        }
    }

    private static void schedule(Browser focalPoint, String title, LocalDateTime start) {
        focalPoint.open("/meetings/new");
        focalPoint.type("#title", title);
        focalPoint.type("#place", "Brussels");
        focalPoint.type("#capacity", "20");
        setValue(focalPoint, "#start", start.toString());
        setValue(focalPoint, "#end", start.plusHours(2).toString());
        focalPoint.click("form.form button[type=submit]");
        assertThat(focalPoint.outcome()).isEqualTo("The meeting is scheduled.");
    }

    /** From the operations page, once the calendar's read model lists the meeting. */
    private static void openMeeting(Browser focalPoint, String title) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            focalPoint.open("/operations");
            assertThat(focalPoint.text("#ops-meetings")).contains(title);
        });
        WebElement link = focalPoint.driver.findElements(By.cssSelector("#ops-meetings a")).stream()
                .filter(a -> a.getText().equals(title)).findFirst().orElseThrow();
        focalPoint.click(link);
        focalPoint.awaitHeading("Run the meeting: " + title);
    }

    /** Sets a date-time input's value the way a picker would (typing into one depends on the browser's locale). */
    private static void setValue(Browser browser, String css, String value) {
        browser.driver.executeScript("arguments[0].value = arguments[1];", browser.find(css), value);
    }
}
