package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The signed-in journeys, in the order the network lives them: a focal point runs the network (admissions, a procedure
 * step, a recommendation revised and published, a meeting, invitations); a participant it invited takes part (registers,
 * endorses, hears of a new meeting live); an analyst it invited replays the dossier's history. Each later journey uses
 * what the focal point made, so the class runs its tests in order on one platform.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignedInJourneysIT {

    static final String PASSWORD = "a-long-enough-passphrase";
    static final String PACT = "Pact on Migration and Asylum";
    final String run = Long.toString(System.currentTimeMillis(), 36);
    final String participantEmail = "participant-" + run + "@example.org";
    final String analystEmail = "analyst-" + run + "@example.org";
    final String meetingTitle = "Border procedures and children " + run;
    String participantLink;
    String analystLink;
    String pactPath;
    String publishedRecommendation;

    @Test
    @Order(1)
    void aFocalPointRunsTheNetwork(Platform platform) {
        String applicant = "Kinderschutz Testverein " + run;
        try (Browser visitor = new Browser(platform)) {
            visitor.open("/join");
            visitor.type("#name", applicant);
            new Select(visitor.find("#kind")).selectByValue("NGO");
            new Select(visitor.find("#scope")).selectByValue("NATIONAL");
            visitor.type("#countries", "AT");
            new Select(visitor.find("#focus")).selectByValue("CHILD_RIGHTS");
            visitor.type("#contactName", "Anna Huber");
            visitor.type("#contactEmail", "anna-" + run + "@example.org");
            visitor.click("#join-form button[type=submit]");
            assertThat(visitor.text("#application-sent")).contains(applicant);
        }
        try (Browser focalPoint = new Browser(platform)) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            assertThat(focalPoint.text("header")).contains("Admissions").contains("focal point");

            // admissions: the application is in the queue (the read model may take a moment), and is admitted
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                focalPoint.open("/admissions");
                assertThat(focalPoint.text("#applications")).contains(applicant);
            });
            focalPoint.screenshotAndCheck("focal-point-admissions");
            WebElement application = focalPoint.driver.findElements(By.cssSelector(".application")).stream()
                    .filter(card -> card.getText().contains(applicant)).findFirst().orElseThrow();
            focalPoint.click(application.findElement(By.cssSelector("button.admit")));
            assertThat(focalPoint.text(".notice")).isEqualTo(applicant + " is admitted.");

            // a procedure step on a measure of the Pact
            focalPoint.open("/dossiers?q=Pact");
            focalPoint.click("#dossier-list a");
            pactPath = focalPoint.path();
            WebElement form = focalPoint.find(".measure .step-form");
            String measureId = form.findElement(By.cssSelector("select[name=stage]")).getAttribute("id").substring("step-stage-".length());
            new Select(form.findElement(By.name("stage"))).selectByValue("EVALUATION");
            focalPoint.driver.executeScript("arguments[0].value = arguments[1];", form.findElement(By.name("effectiveDate")), "2026-11-02");
            form.findElement(By.name("note")).sendKeys("Commission evaluation started " + run);
            focalPoint.screenshotAndCheck("focal-point-dossier");
            focalPoint.click(form.findElement(By.cssSelector("button[type=submit]")));
            assertThat(focalPoint.outcome()).isEqualTo("The procedure step is recorded.");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                focalPoint.open(pactPath);
                assertThat(focalPoint.text("#measure-" + measureId + " .timeline")).contains("Commission evaluation started " + run);
            });

            // a recommendation revised, then published
            focalPoint.find(".recommendation");
            WebElement recommendation = focalPoint.all(".recommendation").stream()
                    .filter(card -> card.findElement(By.cssSelector(".tag")).getText().equals("Draft")).findFirst().orElseThrow();
            publishedRecommendation = recommendation.getAttribute("id").substring("recommendation-".length());
            recommendation.findElement(By.cssSelector("details.revise summary")).click();
            WebElement text = recommendation.findElement(By.cssSelector("textarea[name=text]"));
            String revised = text.getAttribute("value").replaceFirst("^Exempt", "Always exempt") + " Review it every year.";
            text.clear();
            text.sendKeys(revised);
            focalPoint.click(recommendation.findElement(By.cssSelector("details.revise button[type=submit]")));
            assertThat(focalPoint.outcome()).isEqualTo("The recommendation has a new revision.");
            publishWhenTheDossierPageIsCurrent(focalPoint, publishedRecommendation);

            // the outcome of the published recommendation, with evidence
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                focalPoint.open(pactPath);
                WebElement published = focalPoint.find("#recommendation-" + publishedRecommendation);
                published.findElement(By.cssSelector("details.outcome-form summary")).click();
                new Select(published.findElement(By.name("outcome"))).selectByValue("PARTIALLY_ADDRESSED");
                published.findElement(By.name("evidence")).sendKeys("Council mandate exempts families with young children " + run);
                focalPoint.click(published.findElement(By.cssSelector("details.outcome-form button[type=submit]")));
                assertThat(focalPoint.outcome()).isEqualTo("The outcome is recorded.");
            });

            // a right of the catalogue tagged as at stake, with its rationale
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                focalPoint.open(pactPath);
                String tagged = focalPoint.text("section[aria-labelledby=rights-heading] dl.rights");
                Select rights = new Select(focalPoint.find("#right-code"));
                WebElement untagged = rights.getOptions().stream().filter(option -> !option.getAttribute("value").isEmpty())
                        .filter(option -> !tagged.contains(option.getText().substring(0, option.getText().indexOf(" (")))).findFirst().orElseThrow();
                rights.selectByValue(untagged.getAttribute("value"));
                focalPoint.type("#right-rationale", "Children at the border are detained pending screening " + run);
                focalPoint.click("#right-form button[type=submit]");
                assertThat(focalPoint.outcome()).isEqualTo("The right is tagged as at stake.");
            });

            // a meeting, which members can register for
            focalPoint.open("/meetings/new");
            focalPoint.screenshotAndCheck("focal-point-schedule-meeting");
            focalPoint.type("#title", meetingTitle);
            focalPoint.type("#place", "Brussels");
            focalPoint.type("#capacity", "20");
            String day = LocalDate.now().plusDays(30).toString();
            setValue(focalPoint, "#start", day + "T10:00");
            setValue(focalPoint, "#end", day + "T12:00");
            focalPoint.click("form.form button[type=submit]");
            assertThat(focalPoint.text(".notice")).isEqualTo("The meeting is scheduled.");

            // invitations for a participant and an analyst of two sample organisations
            participantLink = invite(focalPoint, "Kinderrechte", participantEmail, "Pat Participant", false);
            focalPoint.screenshotAndCheck("focal-point-invited");
            analystLink = invite(focalPoint, "Asociación", analystEmail, "Ana Analyst", true);
        }
        // the public sees the published recommendation
        try (Browser visitor = new Browser(platform)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                visitor.open(pactPath);
                assertThat(visitor.all("#recommendation-" + publishedRecommendation)).hasSize(1);
                assertThat(visitor.text("#recommendation-" + publishedRecommendation)).contains("Review it every year.")
                        .contains("Partially addressed").contains("Council mandate exempts families with young children " + run);
                assertThat(visitor.text("section[aria-labelledby=rights-heading]")).contains("Children at the border are detained pending screening " + run);
            });
        }
    }

    @Test
    @Order(2)
    void aParticipantTakesPart(Platform platform) {
        assertThat(participantLink).as("the focal point's journey made the invitation").isNotNull();
        try (Browser participant = new Browser(platform); Browser focalPoint = new Browser(platform)) {
            acceptInvitation(participant, participantLink);
            participant.signIn(participantEmail, PASSWORD);
            assertThat(participant.text("header")).contains("My notifications").doesNotContain("Admissions");

            // register for the meeting
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                participant.open("/calendar");
                assertThat(participant.text("#calendar-items")).contains(meetingTitle);
            });
            WebElement meeting = participant.driver.findElements(By.cssSelector("#calendar-items > li")).stream()
                    .filter(item -> item.getText().contains(meetingTitle)).findFirst().orElseThrow();
            String meetingId = meeting.getAttribute("id");
            participant.screenshotAndCheck("member-calendar");
            participant.click(meeting.findElement(By.cssSelector("button.register")));
            assertThat(participant.text(".notice")).isEqualTo("You are registered for the meeting.");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                participant.open("/calendar");
                assertThat(participant.text("#" + meetingId)).contains("You are registered.");
            });

            // endorse the published recommendation for the organisation
            participant.open(pactPath);
            participant.screenshotAndCheck("member-dossier");
            participant.click(participant.find("#recommendation-" + publishedRecommendation + " button.endorse"));
            assertThat(participant.text(".notice")).isEqualTo("Your organisation endorses this recommendation.");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                participant.open(pactPath);
                assertThat(participant.text("#recommendation-" + publishedRecommendation)).contains("one endorsement");
            });

            // my organisation, with partner suggestions
            participant.open("/my-organisation");
            assertThat(participant.text("h1")).contains("Kinderrechte");
            assertThat(participant.all("#partner-list li")).isNotEmpty();
            participant.screenshotAndCheck("member-organisation");

            // a bulletin for the network
            participant.open("/bulletins");
            participant.type("#title", "Guardianship training in Vienna " + run);
            participant.type("#text", "We train forty guardians for unaccompanied children this spring.");
            participant.click("#bulletin-form button[type=submit]");
            assertThat(participant.outcome()).isEqualTo("Your bulletin is posted.");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                participant.open("/bulletins");
                assertThat(participant.text("#bulletin-list")).contains("Guardianship training in Vienna " + run);
            });
            participant.screenshotAndCheck("member-bulletins");

            // subscriptions: a weekly digest
            participant.open("/subscriptions");
            participant.screenshotAndCheck("member-subscriptions");
            participant.click("label[for=rhythm-2]");
            participant.click("form.form button[type=submit]");
            assertThat(participant.text("#subscriptions-saved")).isEqualTo("Your subscriptions are saved.");
            assertThat(participant.find("#rhythm-2").isSelected()).isTrue();

            // the feed, live: a meeting the focal point schedules now appears without a reload
            participant.open("/feed");
            participant.screenshotAndCheck("member-feed");
            String liveTitle = "Live briefing " + run;
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            focalPoint.open("/meetings/new");
            focalPoint.type("#title", liveTitle);
            focalPoint.type("#place", "Online");
            focalPoint.type("#capacity", "50");
            String day = LocalDate.now().plusDays(40).toString();
            setValue(focalPoint, "#start", day + "T09:00");
            setValue(focalPoint, "#end", day + "T10:00");
            focalPoint.click("form.form button[type=submit]");
            assertThat(focalPoint.text(".notice")).isEqualTo("The meeting is scheduled.");
            new org.openqa.selenium.support.ui.WebDriverWait(participant.driver, Duration.ofSeconds(90))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed-list"), liveTitle));
            assertThat(participant.path()).isEqualTo("/feed");
            participant.screenshotAndCheck("member-feed-live");
        }
    }

    @Test
    @Order(3)
    void anAnalystReplaysTheHistory(Platform platform) throws Exception {
        assertThat(analystLink).as("the focal point's journey made the invitation").isNotNull();
        try (Browser analyst = new Browser(platform)) {
            acceptInvitation(analyst, analystLink);
            analyst.signIn(analystEmail, PASSWORD);
            assertThat(analyst.text("header")).contains("analyst");

            analyst.open(pactPath);
            analyst.click("a[href$='/history']");
            analyst.awaitHeading("History of " + PACT);
            assertThat(analyst.all("#timeline tbody tr").size()).isGreaterThan(5);
            assertThat(analyst.all(".chart svg circle")).isNotEmpty();
            // the chart's figures open as a table from the keyboard: one row per dot
            analyst.find(".chart-data summary").sendKeys(Keys.ENTER);
            assertThat(analyst.all(".chart-data tbody tr")).hasSameSizeAs(analyst.all(".chart svg circle"))
                    .allSatisfy(row -> assertThat(row.isDisplayed()).isTrue());
            analyst.screenshotAndCheck("analyst-timeline");

            // filter: only the revisions of recommendation texts
            new Select(analyst.find("#kind")).selectByValue("RecommendationRevised");
            analyst.click("form.filters button[type=submit]");
            analyst.wait.until(ExpectedConditions.urlContains("kind=RecommendationRevised"));
            List<WebElement> revisions = analyst.all("#timeline tbody tr");
            assertThat(revisions).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("RecommendationRevised"));

            // what the focal point's revision changed, word by word (the last revision of the filtered timeline)
            analyst.click(revisions.getLast().findElement(By.cssSelector("a.what-changed")));
            analyst.find("#diff-summary");
            assertThat(analyst.all(".words ins").stream().map(WebElement::getText)).anyMatch(words -> words.contains("every year."));
            // word by word: the words both revisions share are shown as they were, not struck out and inserted again
            assertThat(analyst.all(".words span").stream().map(WebElement::getText)).anyMatch(words -> words.contains("children"));
            // the changed fields read as what they are, the technical path beside them
            assertThat(analyst.all("#changes .field-label").stream().map(WebElement::getText))
                    .anyMatch(label -> label.startsWith("Recommendation «") && label.endsWith("»: text"));
            assertThat(analyst.all("#changes code.path").stream().map(WebElement::getText)).anyMatch(path -> path.matches("/recommendations/.+/text"));
            analyst.screenshotAndCheck("analyst-diff");

            // the dossier as of the first recorded change
            analyst.driver.navigate().back();
            analyst.open(pactPath + "/history");
            analyst.click(analyst.find("#timeline tbody tr a"));
            assertThat(analyst.text("#state-version")).matches("Version \\d+");
            assertThat(analyst.text("main")).contains(PACT);
            analyst.screenshotAndCheck("analyst-as-of");

            // exports, fetched with the same web session the browser holds
            HttpClient http = HttpClient.newHttpClient();
            for (String format : List.of("csv", "json")) {
                analyst.open(pactPath + "/history");
                String href = analyst.find("#exports a[href*='format=" + format + "']").getAttribute("href");
                HttpResponse<String> export = http.send(HttpRequest.newBuilder(java.net.URI.create(href)).header("Cookie", analyst.sessionCookie()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(export.statusCode()).isEqualTo(200);
                assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("timeline." + format);
                assertThat(export.body()).contains(format.equals("csv") ? "sequence,recorded_at" : "\"kind\":\"RecommendationRevised\"");
            }
        }
    }

    @Test
    @Order(4)
    void aVisitorIsSentToSignInForMemberPages(Platform platform) {
        try (Browser visitor = new Browser(platform)) {
            visitor.open("/feed");
            visitor.find("#username");
            // the issuer's sign-in page, at the front door: the gateway routes it to membership-service
            assertThat(visitor.driver.getCurrentUrl()).isEqualTo(platform.url("/login").toString());
        }
    }

    /**
     * Publishes a recommendation from the dossier page, through the statuses the rules ask for (in review, adopted,
     * published). The page names the dossier version it shows (If-Match); right after a write the catalogue may still
     * show the one before, and the service then refuses: the page is read again.
     */
    private void publishWhenTheDossierPageIsCurrent(Browser focalPoint, String recommendationId) {
        for (String status : List.of("IN_REVIEW", "ADOPTED", "PUBLISHED")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                focalPoint.open(pactPath);
                WebElement form = focalPoint.find("#recommendation-" + recommendationId + " form.status-form");
                new Select(form.findElement(By.name("status"))).selectByValue(status);
                focalPoint.click(form.findElement(By.cssSelector("button[type=submit]")));
                assertThat(focalPoint.outcome()).isEqualTo("The status of the recommendation has changed.");
            });
        }
    }

    private static String invite(Browser focalPoint, String organisation, String email, String name, boolean analyst) {
        focalPoint.open("/directory?q=" + organisation);
        focalPoint.click("#organisation-list a");
        focalPoint.type("#invite-email", email);
        focalPoint.type("#invite-name", name);
        if (analyst) {
            focalPoint.click("#invite-analyst");
        }
        focalPoint.click("form[action$='/invitations'] button[type=submit]");
        return focalPoint.find("#invitation-link").getAttribute("href");
    }

    private static void acceptInvitation(Browser browser, String link) {
        browser.driver.get(link);
        browser.screenshotAndCheck("invitation");
        browser.type("#password", PASSWORD);
        browser.type("#repeat", PASSWORD);
        browser.click("form.form button[type=submit]");
        browser.awaitHeading("Your account is ready");
    }

    /** Sets a date-time input's value the way a picker would (typing into one depends on the browser's locale). */
    private static void setValue(Browser browser, String css, String value) {
        browser.driver.executeScript("arguments[0].value = arguments[1];", browser.find(css), value);
    }
}
