package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The members' own pages and the focal points' dead letters, in a real browser on the running platform: a participant
 * of an organisation admitted for this run edits its profile (a refusal first, next to the field, with what was typed
 * kept), marks one notification read while the live feed keeps working, makes and revokes a personal calendar feed; a
 * focal point discards a dead letter made by publishing a poison record, redrives another, and moves the "as of" slider with the keyboard.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembersJourneysIT {

    static final String PASSWORD = "a-long-enough-passphrase";
    final String run = Long.toString(System.currentTimeMillis(), 36);
    final String organisation = "Members Journey Verein " + run;
    final String participantEmail = "member-" + run + "@example.org";
    String participantLink;

    @Test
    @Order(1)
    void aFocalPointAdmitsAnOrganisationAndInvitesAPerson(Platform platform) {
        try (Browser visitor = new Browser(platform)) {
            visitor.open("/join");
            visitor.type("#name", organisation);
            new Select(visitor.find("#kind")).selectByValue("NGO");
            new Select(visitor.find("#scope")).selectByValue("NATIONAL");
            visitor.type("#countries", "BE");
            new Select(visitor.find("#focus")).selectByValue("CHILD_RIGHTS");
            visitor.type("#contactName", "Marie Membre");
            visitor.type("#contactEmail", "marie-" + run + "@example.org");
            visitor.click("#join-form button[type=submit]");
            assertThat(visitor.text("#application-sent")).contains(organisation);
        }
        try (Browser focalPoint = new Browser(platform)) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                focalPoint.open("/admissions");
                assertThat(focalPoint.text("#applications")).contains(organisation);
            });
            focalPoint.click(focalPoint.driver.findElements(By.cssSelector(".application")).stream().filter(card -> card.getText().contains(organisation))
                    .findFirst().orElseThrow().findElement(By.cssSelector("button.admit")));
            assertThat(focalPoint.text(".notice")).isEqualTo(organisation + " is admitted.");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                focalPoint.open("/directory?q=" + run);
                assertThat(focalPoint.all("#organisation-list a")).isNotEmpty();
            });
            focalPoint.click("#organisation-list a");
            focalPoint.type("#invite-email", participantEmail);
            focalPoint.type("#invite-name", "Max Member");
            focalPoint.click("form[action$='/invitations'] button[type=submit]");
            participantLink = focalPoint.find("#invitation-link").getAttribute("href");
        }
    }

    @Test
    @Order(2)
    void aParticipantEditsTheProfileMarksOneReadAndUsesAPersonalCalendarFeed(Platform platform) throws Exception {
        assertThat(participantLink).as("the first journey made the invitation").isNotNull();
        try (Browser participant = new Browser(platform); Browser focalPoint = new Browser(platform)) {
            participant.driver.get(participantLink);
            participant.type("#password", PASSWORD);
            participant.type("#repeat", PASSWORD);
            participant.click("form.form button[type=submit]");
            participant.awaitHeading("Your account is ready");
            participant.signIn(participantEmail, PASSWORD);

            // the profile: a refusal next to the field, with what was typed kept; then saved
            participant.open("/my-organisation");
            participant.click("#edit-profile");
            assertThat(participant.find("#name").getAttribute("value")).isEqualTo(organisation);
            assertThat(participant.find("#countries").getAttribute("value")).isEqualTo("BE");
            participant.screenshotAndCheck("member-edit-profile");
            participant.type("#expertise", "detention monitoring " + run);
            participant.type("#contactEmail", "not an address");
            participant.click("#profile-form button[type=submit]");
            assertThat(participant.text("#contactEmail-error")).isNotBlank();
            assertThat(participant.find("#contactEmail").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(participant.find("#expertise").getAttribute("value")).isEqualTo("detention monitoring " + run);
            participant.screenshotAndCheck("member-edit-profile-refused");
            participant.type("#contactEmail", "marie-" + run + "@example.org");
            participant.click("#profile-form button[type=submit]");
            assertThat(participant.outcome()).isEqualTo("The profile is saved.");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                participant.open("/my-organisation");
                assertThat(participant.text("main")).contains("detention monitoring " + run);
            });

            // a notification (a meeting scheduled), marked read on its own
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            scheduleMeeting(focalPoint, "Members journey meeting " + run);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                participant.open("/feed");
                assertThat(participant.all("#feed-list li.unread")).anySatisfy(item -> assertThat(item.getText()).contains(run));
            });
            participant.screenshotAndCheck("member-feed-mark-read");
            WebElement item = participant.all("#feed-list li.unread").stream().filter(li -> li.getText().contains(run)).findFirst().orElseThrow();
            String itemId = item.getAttribute("id");
            int unreadBefore = participant.all("#feed-list li.unread").size();
            // with the keyboard: focus the button, press Enter
            item.findElement(By.cssSelector("form.mark-read button")).sendKeys(Keys.ENTER);
            assertThat(participant.outcome()).isEqualTo("The notification is marked read.");
            assertThat(participant.find(byId(itemId)).getAttribute("class")).contains("read").doesNotContain("unread");
            assertThat(participant.all(byId(itemId) + " form.mark-read")).isEmpty();
            assertThat(participant.all("#feed-list li.unread")).hasSize(unreadBefore - 1);

            // the live feed still works on the page the mark-read brought back
            String second = "Second members journey meeting " + run;
            scheduleMeeting(focalPoint, second);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(participant.all("#feed-list li.unread")).anySatisfy(li -> assertThat(li.getText()).contains(second)));

            // the personal calendar feed: made, answers iCalendar, revoked, gone
            participant.open("/my-calendar-feed");
            participant.screenshotAndCheck("member-calendar-feed");
            participant.click("#create-feed");
            String feedUrl = participant.find("#feed-url").getAttribute("value");
            assertThat(feedUrl).startsWith(platform.gateway() + "/api/events/calendar/personal/").endsWith(".ics");
            assertThat(participant.find("#feed-url").getAttribute("readonly")).isNotNull();
            participant.screenshotAndCheck("member-calendar-feed-made");
            HttpResponse<String> calendar = get(feedUrl);
            assertThat(calendar.statusCode()).isEqualTo(200);
            assertThat(calendar.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
            assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
            participant.click("#revoke-feed");
            assertThat(participant.outcome()).isEqualTo("Your calendar feed address is revoked: it no longer works.");
            assertThat(get(feedUrl).statusCode()).isEqualTo(404);
        }
    }

    @Test
    @Order(3)
    void aFocalPointSeesADeadLetterAndDiscardsIt(Platform platform) throws Exception {
        String poison = "{\"poison\":\"members journey " + run + "\"}";
        publish(platform, "poison-" + run, poison);
        try (Browser focalPoint = new Browser(platform)) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            assertThat(focalPoint.text("header")).contains("Dead letters");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                focalPoint.open("/dead-letters");
                assertThat(focalPoint.text("#dead-letters")).contains("members journey " + run);
            });
            focalPoint.screenshotAndCheck("focal-point-dead-letters");
            String cardId = deadLetter(focalPoint).getAttribute("id");
            assertThat(focalPoint.text(byId(cardId))).contains("icm.policy.v1").contains("poison-" + run);

            // no reason: refused next to that dead letter's reason field
            focalPoint.click(deadLetter(focalPoint).findElement(By.cssSelector(".discard-form button")));
            assertThat(focalPoint.text(byId(cardId) + " .field-error")).isNotBlank();
            assertThat(focalPoint.find(byId(cardId) + " input[name=reason]").getAttribute("aria-invalid")).isEqualTo("true");
            focalPoint.screenshotAndCheck("focal-point-dead-letters-refused");

            deadLetter(focalPoint).findElement(By.cssSelector("input[name=reason]")).sendKeys("test poison, nothing to recover " + run);
            focalPoint.click(deadLetter(focalPoint).findElement(By.cssSelector(".discard-form button")));
            assertThat(focalPoint.outcome()).startsWith("Dead letter ").endsWith(" is discarded.");
            assertThat(focalPoint.all(byId(cardId))).isEmpty();

            focalPoint.open("/dead-letters?status=DISCARDED");
            assertThat(focalPoint.text(byId(cardId))).contains("Discarded").contains("test poison, nothing to recover " + run);
            assertThat(focalPoint.all(byId(cardId) + " form")).isEmpty();

            // a second poison, redriven: the cause is still there, so it dies again as a new dead letter
            String again = "{\"poison\":\"redriven " + run + "\"}";
            publish(platform, "poison-again-" + run, again);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                focalPoint.open("/dead-letters");
                assertThat(focalPoint.text("#dead-letters")).contains("redriven " + run);
            });
            WebElement redriven = withText(focalPoint, "redriven " + run);
            String redrivenId = redriven.getAttribute("id");
            focalPoint.click(redriven.findElement(By.cssSelector("button.redrive")));
            assertThat(focalPoint.outcome()).startsWith("Dead letter ").endsWith(" is sent back to its topic.");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                focalPoint.open("/dead-letters");
                assertThat(withText(focalPoint, "redriven " + run).getAttribute("id")).isNotEqualTo(redrivenId);
            });
            focalPoint.open("/dead-letters?status=REDRIVEN");
            assertThat(focalPoint.text(byId(redrivenId))).contains("Redriven");

            // at phone width too
            focalPoint.phoneSized();
            focalPoint.open("/dead-letters");
            focalPoint.screenshotAndCheck("focal-point-dead-letters-phone");
            assertThat((Long) focalPoint.driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                    .as("no sideways scrolling").isLessThanOrEqualTo(0L);
        }
    }

    @Test
    @Order(4)
    void theAsOfSliderMovesThroughTheRecordedInstantsWithTheKeyboard(Platform platform) {
        try (Browser focalPoint = new Browser(platform)) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            focalPoint.open("/dossiers?q=Pact");
            focalPoint.click("#dossier-list a");
            String dossier = focalPoint.path();
            focalPoint.open(dossier + "/history/as-of");
            WebElement slider = focalPoint.find("#point");
            assertThat(focalPoint.find("label[for=point]").getText()).isEqualTo("Move through the recorded changes");
            int last = Integer.parseInt(slider.getAttribute("max"));
            assertThat(last).isPositive();
            assertThat(slider.getAttribute("value")).isEqualTo(String.valueOf(last));
            String newest = focalPoint.text("#point-value");
            focalPoint.screenshotAndCheck("analyst-as-of-slider");

            slider.sendKeys(Keys.HOME);
            String oldest = focalPoint.text("#point-value");
            assertThat(oldest).isNotEqualTo(newest);
            assertThat(slider.getAttribute("aria-valuetext")).isEqualTo(oldest);
            assertThat(focalPoint.path()).as("moving with the keys does not reload the page").isEqualTo(dossier + "/history/as-of");
            slider.sendKeys(Keys.ENTER);

            focalPoint.awaitAddressContaining("point=0");
            assertThat(focalPoint.find("#point").getAttribute("value")).isEqualTo("0");
            assertThat(focalPoint.text("#point-value")).isEqualTo(oldest);
            // the date-time picker shows the same instant (in UTC, to the millisecond)
            assertThat(oldest).startsWith(focalPoint.find("#asOf").getAttribute("value").substring(0, 16));
        }
    }

    /** A CSS selector for an element id that may hold dots (a dead letter's is {@code topic-partition-offset}). */
    private static String byId(String id) {
        return "[id='" + id + "']";
    }

    private WebElement deadLetter(Browser focalPoint) {
        return withText(focalPoint, "members journey " + run);
    }

    private static WebElement withText(Browser focalPoint, String text) {
        return focalPoint.all(".dead-letter").stream().filter(card -> card.getText().contains(text)).findFirst().orElseThrow();
    }

    /** A record no consumer can read (JSON, but not a CloudEvent), straight onto the platform's broker. */
    private static void publish(Platform platform, String key, String value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + platform.port("kafka"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("icm.policy.v1", key, value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private static void scheduleMeeting(Browser focalPoint, String title) {
        focalPoint.open("/meetings/new");
        focalPoint.type("#title", title);
        focalPoint.type("#place", "Brussels");
        focalPoint.type("#capacity", "20");
        String day = LocalDate.now().plusDays(40).toString();
        focalPoint.driver.executeScript("arguments[0].value = arguments[1];", focalPoint.find("#start"), day + "T10:00");
        focalPoint.driver.executeScript("arguments[0].value = arguments[1];", focalPoint.find("#end"), day + "T12:00");
        focalPoint.click("form.form button[type=submit]");
        assertThat(focalPoint.text(".notice")).isEqualTo("The meeting is scheduled.");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
