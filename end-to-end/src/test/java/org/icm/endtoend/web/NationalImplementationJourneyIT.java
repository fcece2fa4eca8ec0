package org.icm.endtoend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.icm.endtoend.RunningPlatform;
import org.icm.endtoend.RunningPlatform.Platform;
import org.icm.endtoend.SignIn;
import org.icm.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 20 on the whole platform: a Greek member organisation records, in the browser, Greece's transposition of the
 * Reception Conditions Directive (a sample dossier: real directive, real deadline); Greece's page and the dossier's table
 * of member states show it; a French member who follows Greece is notified in the app, sees no recording form on
 * Greece's page and is refused through the gateway; the table as known before the record (the API and the analysts' page)
 * does not have it.
 */
@ExtendWith(RunningPlatform.class)
class NationalImplementationJourneyIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final String RECEPTION_CONDITIONS_DIRECTIVE = "2016/0222(COD)";

    record Member(String email, String password) {
    }

    @Test
    void aGreekMemberRecordsGreecesTranspositionAndAFrenchMemberFollowingGreeceIsNotifiedButMayNotRecordIt(Platform platform) {
        ApiClient gateway = new ApiClient(platform.port("gateway"), ASYNC);
        String focalPoint = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        String run = UUID.randomUUID().toString().substring(0, 8);
        Member greek = member(platform, gateway, focalPoint, "Diktyo gia ta Paidia " + run + " (fictional)", "GR");
        Member french = member(platform, gateway, focalPoint, "Réseau Enfance " + run + " (fictionnel)", "FR");
        String frenchToken = SignIn.accessToken(platform, french.email(), french.password());
        assertThat(gateway.put("/api/notifications/subscriptions/me", frenchToken, """
                {"kinds":["NATIONAL_IMPLEMENTATION"],"dossiers":[],"policyAreas":[],"rights":[],"countries":["GR"],
                 "channels":["IN_APP"],"emailRhythm":"DAILY_DIGEST"}""").statusCode()).isEqualTo(200);

        HttpResponse<String> pacts = gateway.awaitGet("/api/policy/dossiers?q=" + encode("Pact on Migration"), null,
                response -> !JsonPath.<List<String>>read(response.body(), "$.items[*].id").isEmpty());
        String pact = JsonPath.read(pacts.body(), "$.items[0].id");
        String rcd = JsonPath.<List<String>>read(gateway.get("/api/policy/dossiers/" + pact, null).body(),
                "$.measures[?(@.procedureReference == '" + RECEPTION_CONDITIONS_DIRECTIVE + "')].id").getFirst();
        String asOf = "/api/policy/dossiers/" + pact + "/history/national/" + rcd;
        assertThat(greekStatus(gateway.get(asOf, focalPoint))).as("nothing known of Greece yet").isNull();
        Instant beforeTheRecord = Instant.now();

        String today = LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
        String form = "transposition-" + pact + "-" + rcd;
        try (Browser member = new Browser(platform)) {
            member.signIn(greek.email(), greek.password());
            member.open("/countries/GR");
            assertThat(member.text("#country-name")).isEqualTo("Greece");
            assertThat(member.text("#status-" + pact + "-" + rcd)).contains("No information");
            member.click("#" + form + "-open");
            new Select(member.find("#" + form + "-status")).selectByValue("PARTIAL");
            member.driver.executeScript("arguments[0].value = arguments[1];", member.find("#" + form + "-effectiveDate"), today);
            member.type("#" + form + "-source", "Notification to the Commission, " + run + " (fictional)");
            member.click("#" + form + "-submit");
            assertThat(member.outcome()).isEqualTo("The transposition status is recorded for Greece.");
            assertThat(member.text("#status-" + pact + "-" + rcd)).contains("Partly transposed");
            member.screenshotAndCheck("country-page-transposition-recorded");

            member.open("/dossiers/" + pact);
            assertThat(member.text("#national-" + rcd + "-GR")).contains("Greece").contains("Partly transposed");
            // the sample's fictional facts: Sweden complete, Portugal partial, Belgium not notified
            assertThat(member.text("#national-summary-" + rcd)).isEqualTo("1 of 27 complete");
            assertThat(member.text("#national-table-" + rcd + " caption")).contains("Partly transposed: 2").contains("Not notified: 1")
                    .contains("No information: 23");
        }

        try (Browser follower = new Browser(platform)) {
            follower.signIn(french.email(), french.password());
            follower.open("/countries/GR");
            assertThat(follower.text("#status-" + pact + "-" + rcd)).contains("Partly transposed");
            assertThat(follower.all("#" + form + "-form")).as("a French member records nothing for Greece").isEmpty();
            await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                follower.open("/feed");
                assertThat(follower.text("#feed-list")).contains("Greece declared its transposition of Reception Conditions Directive")
                        .contains("Partly transposed");
            });
        }
        HttpResponse<String> refused = gateway.put("/api/policy/dossiers/" + pact + "/measures/" + rcd + "/countries/GR/transposition",
                frenchToken, "{\"status\":\"COMPLETE\",\"effectiveDate\":\"" + today + "\",\"source\":\"(fictional)\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("not-your-country");

        assertThat(greekStatus(gateway.get(asOf + "?asOf=" + encode(beforeTheRecord.toString()), focalPoint))).as("as known before").isNull();
        assertThat(greekStatus(gateway.get(asOf, focalPoint))).isEqualTo("PARTIAL");
        // the same in the analysts' view of the dossier's table of states
        try (Browser analyst = new Browser(platform)) {
            analyst.signIn(platform.focalPointEmail(), platform.focalPointPassword());
            analyst.open("/dossiers/" + pact + "?measure=" + rcd + "&asOf=" + encode(beforeTheRecord.toString()));
            assertThat(analyst.all("#national-historical-" + rcd)).hasSize(1);
            assertThat(analyst.text("#national-" + rcd + "-GR")).contains("No information").doesNotContain("Partly transposed");
        }
    }

    /** An organisation of one country, admitted, with one person who accepted the invitation. */
    private static Member member(Platform platform, ApiClient gateway, String focalPoint, String name, String country) {
        String organisation = JsonPath.read(gateway.post("/api/membership/organisations", null, """
                {"name": "%s", "kind": "NGO", "scope": "NATIONAL", "countries": ["%s"], "focus": "BOTH",
                 "contact": {"name": "Office", "email": "office-%s@national.example"}}""".formatted(name, country, UUID.randomUUID())).body(),
                "$.id");
        assertThat(gateway.post("/admin/membership/organisations/" + organisation + "/admit", focalPoint, null).statusCode()).isEqualTo(200);
        String email = "member-" + UUID.randomUUID() + "@national.example";
        HttpResponse<String> invited = gateway.post("/admin/membership/organisations/" + organisation + "/invitations", focalPoint,
                "{\"email\":\"%s\",\"displayName\":\"Member of %s\"}".formatted(email, country));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String password = "a long enough passphrase " + UUID.randomUUID();
        assertThat(gateway.post("/api/membership" + JsonPath.<String>read(invited.body(), "$.acceptPath"), null,
                "{\"password\":\"" + password + "\"}").statusCode()).isEqualTo(200);
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> SignIn.accessToken(platform, email, password), token -> token != null);
        return new Member(email, password);
    }

    private static String greekStatus(HttpResponse<String> table) {
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        return JsonPath.<List<String>>read(table.body(), "$.countries[?(@.country == 'GR')].status").getFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
