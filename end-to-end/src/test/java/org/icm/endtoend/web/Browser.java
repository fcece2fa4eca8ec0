package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.icm.endtoend.RunningPlatform.Platform;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the web client's journeys: Debian's chromium, headless, driven through Debian's chromedriver at
 * a fixed path (no driver download: CI installs both). Screenshots go to {@code target/screenshots/}; every page a
 * journey looks at is checked by axe-core against the WCAG 2.0/2.1/2.2 A and AA rules.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final String CHROMEDRIVER = System.getProperty("icm.chromedriver", "/usr/bin/chromedriver");
    private static final String CHROMIUM = System.getProperty("icm.chromium", "/usr/bin/chromium");

    /** Whether clicking the element makes the browser load another document. */
    private static final String LEAVES_THE_PAGE = """
            const target = arguments[0].closest('a[href], button, input[type=submit]');
            if (!target) return false;
            if (target.tagName === 'A') {
              return !target.getAttribute('href').startsWith('#') && !target.hasAttribute('download') && target.target !== '_blank';
            }
            return target.type === 'submit' && target.form !== null;
            """;

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Platform platform;

    Browser(Platform platform) {
        this(platform, "en");
    }

    Browser(Platform platform, String language) {
        this.platform = platform;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1400",
                "--lang=" + language, "--disable-extensions", "--no-first-run");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
        // axe-core runs as one script; on a starved machine it takes far longer than the 30 s default
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Opens a page of the platform, through the gateway, as a person would. */
    Browser open(String path) {
        // on this shared 2-core machine a service sometimes answers 500 while it is starved (e.g. a key-set read timing
        // out); a person would reload: so does the test, a few times, and a lasting failure still fails it
        for (int attempt = 1; ; attempt++) {
            driver.get(platform.url(path).toString());
            boolean serverError = !all("#problem-detail").isEmpty() && all("h1").getFirst().getText().equals("Something went wrong");
            if (!serverError || attempt == 3) {
                return this;
            }
            sleep(Duration.ofSeconds(3));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    WebElement find(String css) {
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            // say where the browser is and what it shows: the page is the evidence
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ":\n" + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits until the page's heading is this one: after a click the old page is still there while the next one loads,
     * so reading "the" heading at once may read the old page's, or one that goes stale as it is read.
     */
    void awaitHeading(String expected) {
        try {
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), expected));
        } catch (TimeoutException e) {
            throw new AssertionError("the heading is not \"" + expected + "\" on " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /**
     * Waits until the browser is on an address containing this part and that page has loaded, for what leaves the page
     * other than a {@link #click}: a key that submits a form, a script.
     */
    void awaitAddressContaining(String part) {
        try {
            wait.until(ExpectedConditions.urlContains(part));
            awaitLoaded();
        } catch (TimeoutException e) {
            throw new AssertionError("the address does not contain \"" + part + "\": " + driver.getCurrentUrl(), e);
        }
    }

    void type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    void click(String css) {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))));
    }

    /**
     * Clicks, and when the click leaves the page (a link, or a form's submit button), waits until the next page has
     * replaced this one: Selenium returns from a click before the browser navigates, so what the test reads next could
     * otherwise come from the old page (its heading, its address, its notice) or go stale while it is read.
     */
    void click(WebElement element) {
        boolean leavesThePage = Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(LEAVES_THE_PAGE, element));
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (leavesThePage) {
            try {
                wait.until(replaced(page));
                awaitLoaded();
            } catch (TimeoutException e) {
                throw new AssertionError("the click did not lead to another page; still on " + driver.getCurrentUrl(), e);
            }
        }
    }


    /**
     * Selenium's stalenessOf, but also true when Chromium answers for the old page's node with "Node with given id does
     * not belong to the document": it does so, instead of a stale reference, while that document is being torn down.
     */
    private static ExpectedCondition<Boolean> replaced(WebElement page) {
        return driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    private void awaitLoaded() {
        wait.until(loaded -> "complete".equals(((JavascriptExecutor) loaded).executeScript("return document.readyState")));
    }

    /** After a form is sent: the confirmation, or the refusal the page shows at the top. */
    String outcome() {
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary"))));
        List<WebElement> notices = all(".notice");
        return notices.isEmpty() ? "refused: " + all(".error-summary").getFirst().getText() : notices.getFirst().getText();
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * Signs in on the issuer's sign-in page, starting from the web client's sign-in link. (An account that has just
     * accepted its invitation signs in at once: membership answers the acceptance only once sign-in knows it.)
     */
    void signIn(String email, String password) {
        open("/sign-in");
        find("#username").sendKeys(email);
        find("#password").sendKeys(password);
        find("button[type=submit]").click();
        find("form[action$='/sign-out']");
        assertThat(URI.create(driver.getCurrentUrl()).getPort()).as("back on the gateway after signing in").isEqualTo(platform.port("gateway"));
    }

    /** The page as it is now into {@code target/screenshots/<name>.png}, then the accessibility check. */
    void screenshotAndCheck(String name) {
        screenshot(name);
        assertAccessible(name);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core finds no violation of a WCAG 2.x A or AA rule on the page as it is now. */
    void assertAccessible(String page) {
        // legacy mode: axe runs in the page itself, without opening a second window (our pages have no frames)
        Results results = new AxeBuilder().withTags(WCAG_AA).setLegacyMode(true).analyze(driver);
        assertThat(results.getViolations()).as("WCAG A/AA violations on %s (%s):%n%s", page, driver.getCurrentUrl(), describe(results.getViolations()))
                .isEmpty();
        assertThat(results.getPasses()).as("axe ran its rules on %s", page).isNotEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()) + " " + node.getFailureSummary())
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    void phoneSized() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** The web session's cookie, to fetch a download (an export) with the same sign-in outside the browser. */
    String sessionCookie() {
        Cookie cookie = driver.manage().getCookieNamed("ICM_WEB_SESSION");
        assertThat(cookie).as("the web client's session cookie").isNotNull();
        return cookie.getName() + "=" + cookie.getValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
