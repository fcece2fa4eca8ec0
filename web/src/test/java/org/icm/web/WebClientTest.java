package org.icm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.web.StandInGateway.answer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web client over real HTTP, in front of a real HTTP server standing in for the gateway (answering what the
 * services answer), so the pages, the forms, the security rules and the sign-in redirect are checked without the whole
 * platform. The browser journeys on the whole platform are in the end-to-end module.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebClientTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final StandInGateway gateway = startGateway();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        gateway.isThePlatformFor(registry);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @Test
    void theDossiersPageShowsWhatThePolicyServiceAnswersWithTheFiltersPassedOn() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/dossiers?policyArea=RETURN&q=child");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Return of third-country nationals").contains("One dossier");
        assertThat(received).anyMatch(line -> line.startsWith("GET /api/policy/dossiers?") && line.contains("policyArea=RETURN")
                && line.contains("q=child") && !line.contains("Authorization"));
    }

    @Test
    void theCalendarPageSendsTheChosenCountryToTheEventsServiceAndLabelsItsSelect() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/calendar?country=GR");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(received).anyMatch(line -> line.startsWith("GET /api/events/calendar?country=GR "));
        assertThat(page.body()).contains("<label for=\"country\">Dossiers with national facts for</label>")
                .contains("<select id=\"country\" name=\"country\">").contains("<option value=\"\">Any</option>")
                .contains("<option value=\"GR\" selected=\"selected\">Greece</option>").contains("<option value=\"AT\">Austria</option>")
                .contains("LIBE hearing on reception").doesNotContain("Justice and Home Affairs Council");

        HttpResponse<String> french = http(HttpRequest.newBuilder(url("/calendar?country=FR")).header("Accept-Language", "fr").build());
        assertThat(french.body()).contains("<label for=\"country\">Dossiers avec des faits nationaux pour</label>")
                .contains("<option value=\"FR\" selected=\"selected\">France</option>")
                .contains("Rien n’est prévu sur les dossiers avec des faits nationaux (France).");

        received.clear();
        HttpResponse<String> any = get(HttpClient.newHttpClient(), "/calendar?country=");
        assertThat(any.body()).contains("Justice and Home Affairs Council").contains("LIBE hearing on reception");
        assertThat(received).as("Any: no filter").anyMatch(line -> line.startsWith("GET /api/events/calendar "));
    }

    @Test
    void pagesCarryNoInlineScriptOrStyleAndAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get(HttpClient.newHttpClient(), "/dossiers");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'self'");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.body()).find()).as("inline script").isFalse();
        assertThat(page.body()).doesNotContain(" style=").doesNotContain("<style");
    }

    @Test
    void frenchIsChosenByTheBrowsersLanguageAndByTheSwitch() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> byBrowser = http.send(HttpRequest.newBuilder(url("/dossiers")).header("Accept-Language", "fr-BE,fr;q=0.9").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byBrowser.body()).contains("<html lang=\"fr\"").contains("Domaine politique");

        get(http, "/?lang=en");
        HttpResponse<String> remembered = http.send(HttpRequest.newBuilder(url("/dossiers")).header("Accept-Language", "fr").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(remembered.body()).contains("<html lang=\"en\"").contains("Policy area");
    }

    @Test
    void aRefusedApplicationShowsTheReasonNextToTheFieldAndKeepsWhatWasTyped() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = SignedIn.csrfToken(get(http, "/join").body());
        String form = "_csrf=" + csrf + "&name=" + enc("Association Exemple") + "&kind=NGO&scope=NATIONAL&countries=ZZ&focus=CHILD_RIGHTS"
                + "&contactName=" + enc("Camille Martin") + "&contactEmail=" + enc("camille@example.org");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/join")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"countries-error\"").contains("&#39;ZZ&#39; is not an ISO 3166-1 alpha-2 country code")
                .contains("value=\"Association Exemple\"").contains("value=\"ZZ\"").contains("value=\"camille@example.org\"")
                .contains("aria-invalid=\"true\"");
        assertThat(received).anyMatch(line -> line.startsWith("POST /api/membership/organisations") && line.contains("\"countries\":[\"ZZ\"]"));
    }

    @Test
    void onAFrenchPageTheRefusalIsSaidInFrenchByItsCodeAndWhatStaysEnglishIsMarkedSo() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = SignedIn.csrfToken(http.send(HttpRequest.newBuilder(url("/join")).header("Accept-Language", "fr").build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String form = "_csrf=" + csrf + "&name=" + enc("Association Exemple") + "&kind=NGO&scope=NATIONAL&countries=ZZ&focus=CHILD_RIGHTS"
                + "&contactName=" + enc("Camille Martin") + "&contactEmail=" + enc("camille@example.org");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/join")).header("Accept-Language", "fr")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        // the country's code has French words; the summary's code (validation) too
        assertThat(page.body()).contains("Ce n’est pas un code pays ISO 3166-1 alpha-2").contains("Certains champs sont à corriger.")
                .doesNotContain("is not an ISO 3166-1 alpha-2 country code");
        // the website's reason has no code the web client knows: the service's English stays, marked as English
        assertThat(page.body()).contains("<span lang=\"en\">has a shape nobody has seen before</span>");
    }

    @Test
    void memberPagesSendAVisitorToTheIssuerWithPkceAndTheRegisteredRedirect() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> feed = get(http, "/feed");
        assertThat(feed.statusCode()).isEqualTo(302);
        assertThat(feed.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("ICM_WEB_SESSION="));
        assertThat(feed.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
        HttpResponse<String> signIn = get(http, "/sign-in");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in/icm");
        HttpResponse<String> authorize = get(http, "/sign-in/icm");

        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://issuer.example/oauth2/authorize?").contains("response_type=code").contains("client_id=icm-web")
                .contains("code_challenge=").contains("code_challenge_method=S256")
                // OpenID Connect: an ID token (checked against the nonce) beside the platform's API scope
                .contains("scope=openid%20profile%20email%20icm").contains("nonce=")
                .contains("redirect_uri=http://localhost:" + port + "/signed-in");
    }

    @Test
    void analystAndFocalPointPagesNeedASignIn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/admissions", "/meetings/new", "/dossiers/d1/history", "/subscriptions", "/my-organisation")) {
            assertThat(get(http, path).statusCode()).as(path).isEqualTo(302);
        }
    }

    private HttpResponse<String> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> http(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Answers as the services behind the gateway do, and records each request (method, path and query, body). */
    private static StandInGateway startGateway() {
        return StandInGateway.start(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().containsKey("Authorization") ? " Authorization" : "";
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + auth + " " + body);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/policy/dossiers")) {
                answer(exchange, 200, "application/json", """
                        {"items":[{"id":"d2","title":"Return of third-country nationals","policyArea":"RETURN","visibility":"PUBLISHED",
                        "status":"OPEN","rightsAtStake":[],"measures":1,"version":7,"lastChangedAt":"2026-11-29T08:00:00Z"}],
                        "page":0,"size":20,"total":1}""");
            } else if (path.equals("/api/events/calendar")) {
                // events-service's country filter: Greece's national facts are on the dossier of the hearing, France's on none
                String query = exchange.getRequestURI().getQuery();
                String hearing = """
                        {"kind":"EU_EVENT","id":"e1","title":"LIBE hearing on reception","startsAt":"2026-12-10T09:00:00Z",
                         "timeZone":"Europe/Brussels","start":"2026-12-10T10:00:00","status":"ANNOUNCED","dossierIds":["d1"],
                         "link":"https://www.europarl.europa.eu/libe"}""";
                String council = """
                        {"kind":"EU_EVENT","id":"e2","title":"Justice and Home Affairs Council","startsAt":"2026-12-11T09:00:00Z",
                         "timeZone":"Europe/Brussels","start":"2026-12-11T10:00:00","status":"ANNOUNCED","dossierIds":[],
                         "link":"https://www.consilium.europa.eu/jha"}""";
                answer(exchange, 200, "application/json", query == null ? "[" + hearing + "," + council + "]"
                        : query.equals("country=GR") ? "[" + hearing + "]" : "[]");
            } else if (path.equals("/api/events/meetings")) {
                answer(exchange, 200, "application/json", "[]");
            } else if (path.equals("/api/policy/countries")) {
                answer(exchange, 200, "application/json", """
                        [{"code":"AT","name":"Austria"},{"code":"FR","name":"France"},{"code":"GR","name":"Greece"}]""");
            } else if (path.equals("/api/membership/organisations") && exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 400, "application/problem+json", """
                        {"type":"urn:icm:problem:validation","title":"Invalid request","status":400,
                        "detail":"countries: 'ZZ' is not an ISO 3166-1 alpha-2 country code such as AT or ES",
                        "errors":[{"field":"countries","reason":"'ZZ' is not an ISO 3166-1 alpha-2 country code such as AT or ES","code":"unknown-country"},
                        {"field":"website","reason":"has a shape nobody has seen before","code":"some-future-code"}]}""");
            } else {
                answer(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            }
        });
    }

}
