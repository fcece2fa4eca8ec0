package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A visitor who has not signed in: what ICM is, the dossiers, a dossier, the calendar, the members, and the application form. */
@ExtendWith(RunningPlatform.class)
class PublicPagesIT {

    @Test
    void theHomePageSaysNothingOnAPlainVisitAndEachNoticeOnlyAfterTheRedirectThatEarnsIt(Platform platform) {
        try (Browser browser = new Browser(platform)) {
            browser.open("/");
            assertThat(browser.all(".notice")).isEmpty();
            assertThat(browser.all(".error-summary")).isEmpty();
            assertThat(browser.text("main")).doesNotContain("You are signed out.").doesNotContain("Sign-in did not succeed")
                    .doesNotContain("erased");

            browser.open("/?signed-out");
            assertThat(browser.all(".notice")).singleElement().extracting(notice -> notice.getText()).isEqualTo("You are signed out.");
            assertThat(browser.all(".error-summary")).isEmpty();

            browser.open("/?sign-in-failed");
            assertThat(browser.all(".notice")).isEmpty();
            assertThat(browser.all(".error-summary")).singleElement().extracting(notice -> notice.getText()).asString()
                    .startsWith("Sign-in did not succeed");

            browser.open("/?erased");
            assertThat(browser.all(".notice")).singleElement().extracting(notice -> notice.getText())
                    .isEqualTo("Your account and your personal data are erased.");
        }
        try (Browser browser = new Browser(platform, "fr")) {
            browser.open("/");
            assertThat(browser.all(".notice")).isEmpty();
            assertThat(browser.all(".error-summary")).isEmpty();
        }
    }

    @Test
    void aVisitorReadsTheSampleDossiersAndFiltersThem(Platform platform) {
        try (Browser browser = new Browser(platform)) {
            browser.open("/");
            assertThat(browser.text("h1")).contains("Children in migration");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            browser.screenshotAndCheck("public-home");

            // the sample dossiers are loaded as the platform starts; the catalogue may need a moment
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                browser.open("/dossiers");
                assertThat(browser.text("#dossier-list")).contains("Pact on Migration and Asylum");
            });
            browser.screenshotAndCheck("public-dossiers");

            new Select(browser.find("#policyArea")).selectByValue("RETURN");
            browser.click(".filters button[type=submit]");
            browser.wait.until(ExpectedConditions.urlContains("policyArea=RETURN"));
            assertThat(browser.text("#dossier-list")).contains("Return of third-country nationals").doesNotContain("Pact on Migration and Asylum");
            assertThat(browser.text("#result-count")).isEqualTo("One dossier");
            browser.screenshotAndCheck("public-dossiers-filtered");

            browser.open("/dossiers?q=Pact");
            browser.click("#dossier-list a");
            browser.awaitHeading("Pact on Migration and Asylum");
            assertThat(browser.text("#measures-heading")).isEqualTo("Measures");
            assertThat(browser.all(".measure").size()).isGreaterThanOrEqualTo(2);
            assertThat(browser.all(".timeline li")).isNotEmpty();
            assertThat(browser.text("#recommendations")).contains("Recommendations");
            browser.screenshotAndCheck("public-dossier");

            browser.phoneSized();
            browser.driver.navigate().refresh();
            browser.screenshotAndCheck("public-dossier-phone");
        }
    }

    @Test
    void aVisitorSeesTheCalendarAndTheMembers(Platform platform) {
        try (Browser browser = new Browser(platform)) {
            browser.open("/calendar");
            assertThat(browser.text("h1")).isEqualTo("Calendar");
            assertThat(browser.find("a[href$='/api/events/calendar/public.ics']").getText()).contains("iCalendar");
            browser.screenshotAndCheck("public-calendar");

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                browser.open("/directory");
                assertThat(browser.text("#organisation-list")).contains("Missing Children Europe");
            });
            browser.screenshotAndCheck("public-directory");

            browser.open("/directory?q=Missing");
            browser.click("#organisation-list a");
            browser.awaitHeading("Missing Children Europe");
            assertThat(browser.all("#partner-list")).as("partner suggestions are for members").isEmpty();
            browser.screenshotAndCheck("public-organisation");
        }
    }

    @Test
    void theApplicationFormShowsEachOfTheServicesReasonsNextToItsFieldAndKeepsWhatWasTyped(Platform platform) {
        try (Browser browser = new Browser(platform)) {
            browser.open("/join");
            browser.screenshotAndCheck("public-join");
            browser.type("#name", "Association Exemple pour l'Enfance");
            browser.type("#acronym", "AEE");
            new Select(browser.find("#kind")).selectByValue("NGO");
            new Select(browser.find("#scope")).selectByValue("NATIONAL");
            browser.type("#countries", "ZZ");
            new Select(browser.find("#focus")).selectByValue("CHILD_RIGHTS");
            browser.type("#expertise", "guardianship, age assessment");
            browser.type("#contactName", "Camille Martin");
            browser.type("#contactEmail", "camille-at-example.org");
            browser.click("#join-form button[type=submit]");

            // the membership service refuses the unknown country and the address, both in one answer; each shows next to its field
            assertThat(browser.text("#countries-error")).contains("ZZ").contains("not an ISO 3166-1");
            assertThat(browser.find("#countries").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.text("#contactEmail-error")).contains("camille-at-example.org").contains("is not an e-mail address");
            assertThat(browser.find("#contactEmail").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.all("#name-error")).as("a good field has no error").isEmpty();
            assertThat(browser.find("#error-summary").getText()).contains("not accepted");
            // nothing typed is lost
            assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Association Exemple pour l'Enfance");
            assertThat(browser.find("#countries").getAttribute("value")).isEqualTo("ZZ");
            assertThat(browser.find("#expertise").getAttribute("value")).isEqualTo("guardianship, age assessment");
            assertThat(new Select(browser.find("#scope")).getFirstSelectedOption().getAttribute("value")).isEqualTo("NATIONAL");
            assertThat(browser.find("#contactEmail").getAttribute("value")).isEqualTo("camille-at-example.org");
            browser.screenshotAndCheck("public-join-refused");

            browser.type("#countries", "FR");
            browser.type("#contactEmail", "camille@example.org");
            browser.click("#join-form button[type=submit]");
            assertThat(browser.text("#application-sent")).contains("Association Exemple pour l'Enfance");
            browser.screenshotAndCheck("public-join-sent");
        }
    }

    @Test
    void theFrenchSwitchTranslatesThePagesAndIsRemembered(Platform platform) {
        try (Browser browser = new Browser(platform)) {
            browser.open("/");
            browser.click("#language-switch");
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("#language-switch"), "English"));
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.text("h1")).isEqualTo("Les enfants en migration, dans chaque dossier de l’UE qui les concerne");
            browser.screenshotAndCheck("public-home-fr");

            browser.open("/dossiers");
            assertThat(browser.text("label[for=policyArea]")).isEqualTo("Domaine politique");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            browser.screenshotAndCheck("public-dossiers-fr");

            browser.click("#language-switch");
            browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("#language-switch"), "Français"));
            assertThat(browser.text("label[for=policyArea]")).isEqualTo("Policy area");
        }
    }

    @Test
    void aBrowserAskingForFrenchGetsFrench(Platform platform) {
        try (Browser browser = new Browser(platform, "fr")) {
            browser.open("/calendar");
            assertThat(browser.text("h1")).isEqualTo("Agenda");
        }
    }

    @Test
    void theKeyboardReachesASkipLinkThenTheMainNavigation(Platform platform) {
        try (Browser browser = new Browser(platform)) {
            browser.open("/");
            browser.find("body").sendKeys(Keys.TAB);
            WebElement first = browser.driver.switchTo().activeElement();
            assertThat(first.getText()).isEqualTo("Skip to main content");
            assertThat(first.getAttribute("href")).endsWith("#main");

            List<String> reached = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
                reached.add(browser.driver.switchTo().activeElement().getText());
            }
            assertThat(reached).contains("Home", "Dossiers", "Calendar", "Members", "Join", "Sign in");

            // the skip link moves the focus past the header to the page's content
            browser.open("/");
            browser.find("body").sendKeys(Keys.TAB);
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        }
    }
}
