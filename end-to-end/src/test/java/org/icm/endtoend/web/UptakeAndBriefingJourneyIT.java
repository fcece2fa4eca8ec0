package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.icm.endtoend.SignIn;
import org.icm.testing.ApiClient;
import org.icm.testing.Mailbox;
import org.icm.testing.Mailbox.Mail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 21 on the whole platform, on the sample Pact dossier: a focal point traces the sample recommendation on the
 * Asylum Procedure Regulation through two of its texts, each passage found among a pasted text's paragraphs by the
 * suggestions; the trail and the dossier's report show it. Then an old step is corrected: the next meeting's briefing
 * lists the correction with its reason, marked as late news; the meeting's registrant gets its briefing by mail, once.
 */
@ExtendWith(RunningPlatform.class)
class UptakeAndBriefingJourneyIT {

    private static final String ASYLUM_PROCEDURE_REGULATION = "2016/0224(COD)";

    @Test
    void aFocalPointTracesARecommendationThroughTwoTextsAndTheBriefingMarksALateCorrection(Platform platform) {
        ApiClient gateway = new ApiClient(platform.port("gateway"), Duration.ofSeconds(60));
        String focalPoint = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> pacts = gateway.awaitGet("/api/policy/dossiers?q=" + URLEncoder.encode("Pact on Migration", StandardCharsets.UTF_8),
                null, response -> !JsonPath.<List<String>>read(response.body(), "$.items[*].id").isEmpty());
        String pact = JsonPath.read(pacts.body(), "$.items[0].id");
        String apr = JsonPath.<List<String>>read(gateway.get("/api/policy/dossiers/" + pact, null).body(),
                "$.measures[?(@.procedureReference == '" + ASYLUM_PROCEDURE_REGULATION + "')].id").getFirst();
        // the sample recommendation on the Asylum Procedure Regulation, published first if still a draft (as a focal point
        // would, before tracing it; SignedInJourneysIT may have revised and published it already)
        HttpResponse<String> pactForMembers = gateway.get("/api/policy/dossiers/" + pact, focalPoint);
        String recommendation = JsonPath.<List<String>>read(pactForMembers.body(),
                "$.recommendations[?(@.text =~ /.*[Ee]xempt unaccompanied children.*/)].id").getFirst();
        String sampleStatus = JsonPath.<List<String>>read(pactForMembers.body(),
                "$.recommendations[?(@.id == '" + recommendation + "')].status").getFirst();
        List<String> toPublish = List.of("IN_REVIEW", "ADOPTED", "PUBLISHED");
        for (String next : toPublish.subList(toPublish.indexOf(sampleStatus) + 1, toPublish.size())) {
            assertThat(gateway.put("/api/policy/dossiers/" + pact + "/recommendations/" + recommendation + "/status", focalPoint,
                    "{\"status\":\"" + next + "\"}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> trail = gateway.awaitGet("/api/policy/dossiers/" + pact + "/recommendations/" + recommendation + "/uptake", null,
                response -> response.statusCode() == 200);
        String proposal = JsonPath.<List<String>>read(trail.body(), "$.steps[?(@.effectiveDate == '2016-07-13')].stepId").getFirst();
        String agreement = JsonPath.<List<String>>read(trail.body(), "$.steps[?(@.stage == 'PROVISIONAL_AGREEMENT')].stepId").getFirst();

        // a meeting tomorrow on the Pact, the focal point registered: within the two days before it, its briefing goes by mail
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusDays(1).withHour(10).withMinute(0).withSecond(0).withNano(0);
        HttpResponse<String> meeting = gateway.post("/admin/events/meetings", focalPoint, """
                {"title":"Briefing journey %s","type":"PLENARY","start":"%s","end":"%s","timeZone":"Europe/Brussels","place":"Brussels",
                 "capacity":20,"agenda":[{"title":"The Pact","dossierId":"%s"}]}""".formatted(run, start, start.plusHours(3), pact));
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
        String meetingId = JsonPath.read(meeting.body(), "$.id");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> gateway.post("/api/events/meetings/" + meetingId + "/registrations",
                focalPoint, null).statusCode(), status -> status == 200 || status == 201);

        String trailPage = "/dossiers/" + pact + "/recommendations/" + recommendation + "/uptake";
        try (Browser browser = new Browser(platform)) {
            browser.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            browser.open(trailPage);
            record(browser, proposal, "Article 40. Member States may detain applicants during the border procedure.\n\n"
                    + "Article 41. Families with children and children " + run + " shall be exempted from border procedures.\n\n"
                    + "Article 42. Appeals shall be lodged within one week.", "Article 41. Families with children", "REFLECTED");
            record(browser, agreement, "Recital 12. The border procedure applies to every applicant at the external border.\n\n"
                    + "Article 53. Families with children below twelve may be exempted from border procedures where possible.",
                    "Article 53. Families with children below twelve", "PARTIALLY_REFLECTED");
            assertThat(browser.text("#uptake-" + proposal + "-shown")).contains("Reflected");
            assertThat(browser.text("#passage-" + proposal)).startsWith("Article 41. Families with children and children " + run);
            assertThat(browser.text("#uptake-" + agreement + "-shown")).contains("Partly reflected");
            browser.screenshotAndCheck("uptake-trail-recorded");

            browser.open("/dossiers/" + pact + "/uptake");
            assertThat(browser.text("#report-line-" + recommendation)).contains("Reflected").contains("Partly reflected");
            browser.screenshotAndCheck("uptake-dossier-report");

            // an old step corrected today: late news in the briefing of the next meeting, with its reason
            String aprSteps = "/api/policy/dossiers/" + pact + "/measures/" + apr + "/steps/" + agreement;
            String reason = "the provisional agreement was reached on 20 December, recorded " + run;
            assertThat(gateway.put(aprSteps, focalPoint, "{\"stage\":\"PROVISIONAL_AGREEMENT\",\"effectiveDate\":\"2023-12-20\",\"note\":\"Corrected "
                    + run + "\",\"reason\":\"" + reason + "\"}").statusCode()).isEqualTo(200);
            String today = LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
            gateway.awaitGet("/api/policy/meetings/" + meetingId + "/briefing?since=" + today, null, response -> response.statusCode() == 200);
            browser.open("/calendar/meetings/" + meetingId);
            assertThat(browser.all("#briefing-link")).hasSize(1);
            browser.open("/calendar/meetings/" + meetingId + "/briefing?since=" + today);
            WebElement correction = browser.all("[id^='change-" + pact + "-']").stream()
                    .filter(item -> item.getText().contains(reason)).findFirst().orElseThrow();
            assertThat(correction.getAttribute("class")).contains("late-news").contains("correction");
            assertThat(correction.getText()).contains("Late news");
            browser.screenshotAndCheck("meeting-briefing");
        }

        // the registrant's briefing mail, once, linking to the briefing page
        List<Mail> briefings = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Mailbox.read(platform.port("imap"), platform.focalPointEmail()).stream()
                        .filter(mail -> mail.subject().contains("Briefing journey " + run)).toList(), mails -> !mails.isEmpty());
        assertThat(briefings).hasSize(1);
        assertThat(briefings.getFirst().text()).contains(platform.url("/calendar/meetings/" + meetingId + "/briefing").toString());
    }

    /** Finds the passage in the pasted text, uses the first suggestion, and records the uptake of that text. */
    private static void record(Browser browser, String step, String pasted, String expectedStart, String uptake) {
        browser.click("#find-" + step + "-open");
        browser.driver.executeScript("arguments[0].value = arguments[1];", browser.find("#find-" + step + "-text"), pasted);
        browser.click("#find-" + step + "-submit");
        List<WebElement> suggestions = browser.all("#find-" + step + "-suggestions li");
        assertThat(suggestions.getFirst().getText()).startsWith(expectedStart);
        assertThat(suggestions.getFirst().findElements(By.tagName("mark"))).isNotEmpty();
        browser.click(suggestions.getFirst().findElement(By.cssSelector("button[name=use]")));
        assertThat(browser.find("#uptake-" + step + "-passage").getAttribute("value")).startsWith(expectedStart);
        new Select(browser.find("#uptake-" + step + "-uptake")).selectByValue(uptake);
        browser.type("#uptake-" + step + "-reference", "Journey reference " + uptake);
        browser.click("#uptake-" + step + "-submit");
        assertThat(browser.outcome()).isNotBlank().doesNotStartWith("refused");
    }
}
