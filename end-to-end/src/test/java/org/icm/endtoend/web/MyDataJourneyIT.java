package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.icm.endtoend.SignIn;
import org.icm.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A member downloads a copy of their data from every service, then erases their account, in a real browser. */
@ExtendWith(RunningPlatform.class)
class MyDataJourneyIT {

    @Test
    void aMemberDownloadsTheirDataThenErasesTheirAccountConfirmedWithTheirPassword(Platform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "my-data-" + run + "@example.org";
        String name = "Mina Data " + run;
        String password = "a long enough passphrase " + run;
        ApiClient gateway = new ApiClient(platform.port("gateway"), Duration.ofSeconds(60));
        String focal = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        String organisation = JsonPath.read(gateway.post("/api/membership/organisations", null, """
                {"name": "My Data Verein %s", "kind": "NGO", "scope": "NATIONAL", "countries": ["AT"], "focus": "BOTH",
                 "contact": {"name": "Office", "email": "office-%s@example.org"}}""".formatted(run, run)).body(), "$.id");
        assertThat(gateway.post("/admin/membership/organisations/" + organisation + "/admit", focal, null).statusCode()).isEqualTo(200);
        HttpResponse<String> invited = gateway.post("/admin/membership/organisations/" + organisation + "/invitations", focal,
                "{\"email\":\"%s\",\"displayName\":\"%s\"}".formatted(email, name));
        assertThat(gateway.post("/api/membership" + JsonPath.<String>read(invited.body(), "$.acceptPath"), null,
                "{\"password\":\"" + password + "\"}").statusCode()).isEqualTo(200);

        try (Browser member = new Browser(platform)) {
            member.signIn(email, password);
            member.click("#nav-my-data");
            assertThat(member.text("h1")).isEqualTo("My data");
            member.screenshotAndCheck("member-my-data");

            // the copy: one JSON document with a part from every service, the person's own data in it
            HttpResponse<String> copy = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> download(platform, member),
                    answer -> answer.statusCode() == 200 && answer.body().contains(email));
            assertThat(copy.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "icm-my-data.json");
            assertThat(JsonPath.<String>read(copy.body(), "$.services.membership.data.account.email")).isEqualTo(email);
            assertThat(JsonPath.<String>read(copy.body(), "$.services.membership.data.account.displayName")).isEqualTo(name);
            assertThat(JsonPath.<String>read(copy.body(), "$.services.notifications.data.account.email")).isEqualTo(email);
            assertThat(JsonPath.<String>read(copy.body(), "$.services.notifications.data.account.displayName")).isEqualTo(name);
            assertThat(JsonPath.<Object>read(copy.body(), "$.services.policy.data.changesMade")).isNotNull();
            assertThat(JsonPath.<Object>read(copy.body(), "$.services.events.data.meetingRegistrations")).isNotNull();

            // a wrong password is refused next to the form, and changes nothing
            member.type("#password", "not my password");
            member.click("#erase-my-data");
            assertThat(member.outcome()).startsWith("refused:");
            assertThat(member.text("#password-error")).contains("confirm the erasure with your password");
            assertThat(member.find("#password").getAttribute("aria-invalid")).isEqualTo("true");
            member.screenshotAndCheck("member-my-data-refused");
            member.open("/feed");
            assertThat(member.path()).isEqualTo("/feed");

            // the right one erases the account, signs out, and says so
            member.open("/my-data");
            member.type("#password", password);
            member.click("#erase-my-data");
            assertThat(member.text("#erased-notice")).isEqualTo("Your account and your personal data are erased.");
            assertThat(member.all("#sign-in")).isNotEmpty();
            assertThat(member.all(".notice")).noneSatisfy(notice -> assertThat(notice.getText()).isEqualTo("You are signed out."));
            member.screenshotAndCheck("member-erased");
        }
        // nothing of the person shows any more, and they cannot sign in
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.get("/api/membership/organisations/" + organisation + "/accounts",
                focal).body()).contains("erased person").doesNotContain(email).doesNotContain(name));
        try (Browser again = new Browser(platform)) {
            again.open("/sign-in");
            again.find("#username").sendKeys(email);
            again.find("#password").sendKeys(password);
            again.find("button[type=submit]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> again.driver.getCurrentUrl().contains("error"));
        }
    }

    private static HttpResponse<String> download(Platform platform, Browser member) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/my-data/download")).header("Cookie", member.sessionCookie())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
