package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Pattern;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A focal point curates a new dossier from the web client, from opening it to publishing it, on the whole platform;
 * then an anonymous visitor finds it in the public list. Every write is followed at once by the next one from the page
 * the write led to, with no reload and no retry: the page waits for the read model to show the version the write made,
 * so the next write's If-Match is current (a stale page would be refused with 412, and the test would fail).
 */
@ExtendWith(RunningPlatform.class)
class CurationJourneysIT {

    final String run = Long.toString(System.currentTimeMillis(), 36);
    final String title = "Guardianship of unaccompanied children " + run;

    @Test
    void aFocalPointCuratesADossierFromOpeningToPublishing(Platform platform) {
        String curatePath;
        try (Browser focalPoint = new Browser(platform)) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());

            // open a dossier from the dossiers page; a refusal keeps what was typed and says why next to the field
            focalPoint.open("/dossiers");
            focalPoint.click("#open-dossier");
            focalPoint.screenshotAndCheck("curation-new-dossier");
            new Select(focalPoint.find("#dossier-policyArea")).selectByValue("GUARDIANSHIP");
            focalPoint.type("#dossier-summary", "How guardians are appointed for children who arrive alone " + run);
            focalPoint.click("#new-dossier-form button[type=submit]");
            assertThat(focalPoint.outcome()).startsWith("refused:");
            assertThat(focalPoint.text("#dossier-title-error")).isNotBlank();
            assertThat(focalPoint.find("#dossier-summary").getAttribute("value")).contains("arrive alone " + run);
            assertThat(new Select(focalPoint.find("#dossier-policyArea")).getFirstSelectedOption().getAttribute("value")).isEqualTo("GUARDIANSHIP");
            focalPoint.screenshotAndCheck("curation-new-dossier-refused");
            focalPoint.type("#dossier-title", title);
            focalPoint.click("#new-dossier-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The dossier is open, as a draft.");
            curatePath = focalPoint.path();
            assertThat(curatePath).endsWith("/curate");
            String dossierPath = curatePath.substring(0, curatePath.length() - "/curate".length());
            assertThat(focalPoint.text("#dossier-state")).contains("Draft");

            // a measure, added from the curate page the write led to
            focalPoint.type("#new-measure-title", "Guardianship Directive " + run);
            new Select(focalPoint.find("#new-measure-type")).selectByValue("DIRECTIVE");
            focalPoint.type("#new-measure-procedureReference", "2025/" + String.format("%04d", Math.floorMod(run.hashCode(), 10000)) + "(COD)");
            focalPoint.type("#new-measure-comReference", "COM(2025) 321");
            focalPoint.click("#new-measure-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The measure is added.");
            String measureId = focalPoint.find("article.measure").getAttribute("id").substring("measure-".length());

            // a step recorded on the dossier page, then corrected on the curate page, then key dates: writes in a row
            focalPoint.click("#back-to-dossier");
            WebElement step = focalPoint.find("#measure-" + measureId + " .step-form");
            new Select(step.findElement(By.name("stage"))).selectByValue("PROPOSAL_ADOPTED");
            setValue(focalPoint, "#step-date-" + measureId, "2025-03-10");
            step.findElement(By.name("note")).sendKeys("Commission proposal " + run);
            focalPoint.click(step.findElement(By.cssSelector("button[type=submit]")));
            assertThat(focalPoint.outcome()).isEqualTo("The procedure step is recorded.");
            focalPoint.click("#curate-link");
            focalPoint.click("#measure-" + measureId + " details.correct-step summary");
            new Select(focalPoint.find("#correct-" + measureId + "-stepId")).selectByIndex(1);
            new Select(focalPoint.find("#correct-" + measureId + "-stage")).selectByValue("PROPOSAL_ADOPTED");
            setValue(focalPoint, "#correct-" + measureId + "-effectiveDate", "2025-03-12");
            focalPoint.type("#correct-" + measureId + "-note", "Commission proposal, adopted two days later " + run);
            focalPoint.type("#correct-" + measureId + "-reason", "The register gave the date of the draft " + run);
            focalPoint.screenshotAndCheck("curation-correct-step");
            focalPoint.click("#measure-" + measureId + " details.correct-step button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The step is corrected.");
            assertThat(focalPoint.text("#measure-" + measureId + " .timeline")).contains("Commission proposal, adopted two days later " + run)
                    .contains("The register gave the date of the draft " + run);
            focalPoint.click("#measure-" + measureId + " details.key-dates summary");
            setValue(focalPoint, "#dates-" + measureId + "-entryIntoForce", "2025-06-01");
            setValue(focalPoint, "#dates-" + measureId + "-application", "2026-01-01");
            setValue(focalPoint, "#dates-" + measureId + "-transpositionDeadline", "2027-06-01");
            focalPoint.click("#measure-" + measureId + " details.key-dates button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The key dates are saved.");
            focalPoint.click("#measure-" + measureId + " details.key-dates summary");
            assertThat(focalPoint.find("#dates-" + measureId + "-transpositionDeadline").getAttribute("value")).isEqualTo("2027-06-01");

            // a refused edit of the measure comes back with the reason next to the field and the rest as typed
            focalPoint.click("#measure-" + measureId + " details.edit-measure summary");
            focalPoint.type("#measure-" + measureId + "-procedureReference", "not a reference");
            focalPoint.type("#measure-" + measureId + "-title", "Guardianship Directive, recast " + run);
            focalPoint.click("#measure-" + measureId + " details.edit-measure button[type=submit]");
            assertThat(focalPoint.outcome()).startsWith("refused:");
            assertThat(focalPoint.text("#measure-" + measureId + "-procedureReference-error")).isNotBlank();
            assertThat(focalPoint.find("#measure-" + measureId + "-title").getAttribute("value")).isEqualTo("Guardianship Directive, recast " + run);
            focalPoint.screenshotAndCheck("curation-measure-refused");

            // a right tagged on the dossier page, untagged on the curate page with a reason
            focalPoint.open(dossierPath);
            Select rights = new Select(focalPoint.find("#right-code"));
            rights.selectByIndex(1);
            String rightCode = rights.getFirstSelectedOption().getAttribute("value");
            focalPoint.type("#right-rationale", "Children without a guardian cannot claim their rights " + run);
            focalPoint.click("#right-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The right is tagged as at stake.");
            focalPoint.click("#curate-link");
            focalPoint.type("#untag-" + rightCode + "-reason", "Tagged on the wrong dossier " + run);
            focalPoint.click("#right-" + rightCode + " form.untag button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The right is no longer tagged as at stake.");
            assertThat(focalPoint.all("#right-" + rightCode)).isEmpty();

            // a recommendation drafted on the dossier page; on the curate page a measure linked, then addressees changed
            focalPoint.click("#back-to-dossier");
            focalPoint.type("#recommendation-text", "Appoint a guardian within 24 hours of arrival " + run);
            focalPoint.click("#addressee-0");
            focalPoint.click("form[action$='/recommendations/new'] button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The recommendation is drafted.");
            focalPoint.click("#curate-link");
            WebElement recommendation = focalPoint.find("article.recommendation");
            String recommendationId = recommendation.getAttribute("id").substring("recommendation-".length());
            new Select(focalPoint.find("#link-" + recommendationId + "-measureId")).selectByValue(measureId);
            focalPoint.click("#recommendation-" + recommendationId + " form.link-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The measure is linked to the recommendation.");
            assertThat(focalPoint.text("#link-" + recommendationId + "-" + measureId)).contains("Guardianship Directive " + run);
            focalPoint.click("#addressees-" + recommendationId + "-MEMBER_STATES");
            focalPoint.click("#recommendation-" + recommendationId + " form.addressees-form button[type=submit]");
            assertThat(focalPoint.outcome()).isEqualTo("The addressees are changed.");
            assertThat(focalPoint.find("#addressees-" + recommendationId + "-MEMBER_STATES").isSelected()).isTrue();
            assertThat(focalPoint.find("#addressees-" + recommendationId + "-EUROPEAN_COMMISSION").isSelected()).isTrue();

            // the draft is in the focal point's list, marked as a draft
            focalPoint.open("/dossiers?q=" + run);
            WebElement listed = focalPoint.find("#dossier-list li");
            assertThat(listed.getText()).contains(title).contains("Draft");

            // published
            focalPoint.open(curatePath);
            focalPoint.screenshotAndCheck("curation-curate");
            focalPoint.click("#publish");
            assertThat(focalPoint.outcome()).isEqualTo("The dossier is published.");
            assertThat(focalPoint.text("#dossier-state")).contains("Published");
            assertThat(focalPoint.all("#return-to-draft")).hasSize(1);
            focalPoint.phoneSized();
            focalPoint.screenshotAndCheck("curation-curate-phone");
        }

        // an anonymous visitor now finds it in the public list
        try (Browser visitor = new Browser(platform)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                visitor.open("/dossiers?q=" + run);
                assertThat(visitor.text("#dossier-list")).contains(title).doesNotContain("Draft");
            });
            visitor.click("#dossier-list a");
            assertThat(visitor.text("main")).contains("Guardianship Directive " + run);
            assertThat(visitor.all("#curate-link")).isEmpty();
            visitor.open(curatePath);
            assertThat(visitor.find("#username").isDisplayed()).as("the curate page sends a visitor to sign in").isTrue();
        }
    }

    @Test
    void theCuratePageSpeaksFrench(Platform platform) {
        try (Browser focalPoint = new Browser(platform, "fr")) {
            focalPoint.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            focalPoint.open("/dossiers?q=Pact");
            focalPoint.click("#dossier-list a");
            focalPoint.click("#curate-link");
            focalPoint.wait.until(ExpectedConditions.textMatches(By.cssSelector("h1"), Pattern.compile("^Gérer :.*")));
            assertThat(focalPoint.text("#measures-heading")).isEqualTo("Mesures");
            focalPoint.screenshotAndCheck("curation-curate-fr");
            focalPoint.open("/dossiers/new");
            assertThat(focalPoint.text("h1")).isEqualTo("Ouvrir un dossier");
            focalPoint.screenshotAndCheck("curation-new-dossier-fr");
        }
    }

    /** Sets a date input's value the way a picker would (typing into one depends on the browser's locale). */
    private static void setValue(Browser browser, String css, String value) {
        browser.driver.executeScript("arguments[0].value = arguments[1];", browser.find(css), value);
    }
}
