package org.icm.web.countries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.web.StandInGateway.answer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.icm.web.SignedIn;
import org.icm.web.StandInGateway;
import org.icm.web.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The countries' pages, the member states' tables on a dossier's page and the recording of national facts, in front of
 * a real HTTP server standing in for the gateway (answering what the policy and membership services answer). The
 * signed-in people's sessions hold what a sign-in leaves there ({@link SignedIn}: organisation {@code org-1}, whose
 * profile here names Greece); the browser journeys on the whole platform are end-to-end's.
 */
@SpringBootTest
class CountryPagesTest {

    static final StandInGateway gateway = startGateway();

    @Autowired
    WebApplicationContext context;

    Visitor visitor;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        gateway.isThePlatformFor(registry);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @BeforeEach
    void aVisitor() {
        visitor = Visitor.of(context);
        gateway.received().clear();
    }

    @Test
    void aCountrysPageShowsEachMeasuresStatusInWordsWithItsNationalMeasuresInfringementNotesMembersAndRecommendations() throws Exception {
        String page = visitor.page("/countries/GR", "en");

        assertThat(page).contains("<h1 id=\"country-name\">Greece</h1>")
                .contains("Reception Conditions Directive (recast)").contains("Screening Regulation")
                // the status in words, beside the bar that only repeats it
                .contains("class=\"status status-partial\">Partly transposed</span>")
                .contains("Law 4939/2022").contains("href=\"https://www.et.gr/law-4939-2022\"").contains("Transposition measure")
                .contains("Reasoned opinion").contains("INFR(2023)2045")
                .contains("Children wait months for a guardian").contains("Right at stake: Best interests of the child (UNCRC 3)")
                .contains("Passed without a complete transposition.")
                .contains("id=\"deadlines-passed\"").contains("id=\"deadlines-coming\"").contains("Date of application")
                .contains("Greek Council for Refugees").contains("href=\"/directory/org-gcr\"").contains("Child rights and migration")
                .contains("Member states should appoint a guardian within 15 days")
                .contains("href=\"/countries\"");
        // a link recorded as something other than a web address is shown, not linked
        assertThat(page).contains("<span>Ministerial decision 1234</span>").doesNotContain("javascript:");
        assertThat(page).as("no recording forms for a visitor").doesNotContain("national-measure-d1-m1-form").doesNotContain("method=\"post\" class=\"panel");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/countries/GR ") && !line.contains("Bearer"))
                .anyMatch(line -> line.startsWith("GET /api/membership/organisations?country=GR"));
    }

    @Test
    void aCountrysPageSpeaksFrench() throws Exception {
        String page = visitor.page("/countries/GR", "fr");

        assertThat(page).contains("<html lang=\"fr\"").contains("<h1 id=\"country-name\">Grèce</h1>").contains("Transposée en partie")
                .contains("Avis motivé").contains("Mesures nationales").contains("Organisations membres nationales")
                .contains("Recommandations aux autorités nationales");
    }

    @Test
    void aCountryTheNetworkDoesNotFollowHasANotFoundPage() throws Exception {
        MvcResult result = visitor.web().perform(get("/countries/XX").header("Accept-Language", "en").accept(MediaType.TEXT_HTML)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Country not followed").contains("ICM does not follow national implementation in “XX”.").contains("href=\"/countries\"");

        assertThat(visitor.web().perform(get("/countries/gr")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/countries/GR");
        MvcResult nonsense = visitor.web().perform(get("/countries/not-a-country").accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(nonsense.getResponse().getStatus()).isEqualTo(404);
        assertThat(gateway.received()).noneMatch(line -> line.contains("not-a-country"));
    }

    @Test
    void theListOfCountriesLinksEachFollowedCountryByItsNameAndTheNavigationLinksTheList() throws Exception {
        String page = visitor.page("/countries", "en");

        assertThat(page).contains("id=\"nav-countries\"").contains("EU member states").contains("Associated states")
                .contains("<a href=\"/countries/GR\" id=\"country-GR\">Greece</a>").contains("<a href=\"/countries/NO\" id=\"country-NO\">Norway</a>");
        assertThat(page.indexOf("id=\"country-AT\"")).as("by name: Austria before Greece").isLessThan(page.indexOf("id=\"country-GR\""));
        assertThat(page.indexOf("id=\"country-NO\"")).as("the associated states after the EU-27").isGreaterThan(page.indexOf("id=\"country-SE\""));
    }

    @Test
    void aDossiersPageShowsTheMemberStatesOfEachDirectiveAndRegulationWithASummaryAndCountryLinks() throws Exception {
        String page = visitor.page("/dossiers/d1", "en");

        assertThat(page).contains("id=\"national-table-m1\"").contains("id=\"national-summary-m1\">1 of 27 complete</strong>")
                .contains("Partly transposed: 1. Not notified: 0. No information: 25.")
                .contains("<th scope=\"col\">Country</th>").contains("<th scope=\"col\">Status</th>")
                .contains("<th scope=\"row\"><a href=\"/countries/GR\">Greece</a></th>")
                .contains(">Partly transposed</span>").contains(">Complete</span>").contains(">No information</span>")
                .contains("Passed, not complete")
                // a regulation is not transposed: what is recorded there is national measures
                .contains("id=\"national-summary-m2\">National measures recorded for 1 of 27 states</strong>")
                // a communication is not put into effect nationally: no table
                .doesNotContain("id=\"national-m3\"")
                .contains("<label for=\"national-status-m1\">Status</label>");

        assertThat(visitor.page("/dossiers/d1", "fr")).contains("1 sur 27 complètes").contains("<th scope=\"row\"><a href=\"/countries/GR\">Grèce</a></th>");
    }

    @Test
    void aTableFilteredByStatusAsksTheServiceForThoseStatesAndStillSaysHowManyThereAreInAll() throws Exception {
        String page = visitor.page("/dossiers/d1?measure=m1&status=COMPLETE", "en");

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1/measures/m1/countries?status=COMPLETE "))
                .anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1/measures/m2/countries "));
        assertThat(page).contains("1 of 27 states shown").contains("<option value=\"COMPLETE\" selected=\"selected\">Complete</option>")
                .contains("id=\"national-m1-SE\"").doesNotContain("id=\"national-m1-GR\"").contains("id=\"national-m2-GR\"");

        visitor.page("/dossiers/d1?measure=m1&status=ANYTHING", "en");
        visitor.page("/dossiers/d1?measure=m2&status=COMPLETE", "en");
        assertThat(gateway.received()).as("a made-up status is not sent, nor a status for a regulation").noneMatch(line -> line.contains("status=ANYTHING"))
                .noneMatch(line -> line.contains("/m2/countries?status"));
    }

    @Test
    void anAnalystSeesATableAsKnownAtAnInstantAndAsItStoodOnADateAndDownloadsEveryTable() throws Exception {
        SignedIn analyst = SignedIn.as(context, "analyst", "ANALYST");

        String page = analyst.page("/dossiers/d1?measure=m1&asOf=2025-01-01T00:00&validAt=2024-12-31");

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1/history/national/m1?asOf=2025-01-01T00:00:00Z&validAt=2024-12-31 ")
                && line.contains("Bearer analyst-token"));
        assertThat(page).contains("id=\"national-historical-m1\"").contains("value=\"2025-01-01T00:00\"").contains("id=\"national-validAt-m1\"")
                .contains("id=\"national-summary-m1\">0 of 27 complete</strong>");
        assertThat(visitor.page("/dossiers/d1?measure=m1&asOf=2025-01-01T00:00", "en")).as("a visitor's asOf is not sent")
                .doesNotContain("id=\"national-asOf-m1\"");
        assertThat(gateway.received()).filteredOn(line -> line.contains("/history/")).hasSize(1);

        MvcResult export = analyst.web().perform(get("/national-implementation/export?format=csv").session(analyst.session())).andReturn();
        assertThat(export.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"national-implementation.csv\"");
        assertThat(export.getResponse().getContentAsString(StandardCharsets.UTF_8)).startsWith("dossier_id,");
        assertThat(visitor.web().perform(get("/national-implementation/export")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void theRecordingFormsShowForAFocalPointAnywhereAndForAMemberOnlyWhereTheirOrganisationWorks() throws Exception {
        SignedIn focalPoint = SignedIn.as(context, "focal-point", "FOCAL_POINT");
        assertThat(focalPoint.page("/countries/AT")).contains("id=\"national-measure-d1-m1-form\"").contains("id=\"transposition-d1-m1-form\"")
                .contains("id=\"infringement-d1-m1-form\"").contains("id=\"note-d1-m1-form\"")
                // a regulation is not transposed: no transposition form for it
                .contains("id=\"national-measure-d1-m2-form\"").doesNotContain("id=\"transposition-d1-m2-form\"");

        SignedIn member = SignedIn.as(context, "member", "PARTICIPANT");
        String greece = member.page("/countries/GR");
        assertThat(greece).contains("Record national facts for Greece").contains("id=\"national-measure-d1-m1-kind\"")
                .contains("<label for=\"national-measure-d1-m1-title\">").contains("id=\"transposition-d1-m1-status\"")
                .contains("id=\"infringement-d1-m1-reference\"").contains("id=\"note-d1-m1-text\"").contains("id=\"note-d1-m1-rightCode\"")
                // a directive's national measure is a transposition measure; a regulation's are the others
                .contains("<option value=\"TRANSPOSITION_MEASURE\" selected=\"selected\">Transposition measure</option>")
                .contains("<option value=\"IMPLEMENTATION_PLAN\">National implementation plan</option>");
        assertThat(member.page("/countries/AT")).as("org-1 works in Greece only").doesNotContain("national-measure-d1-m1-form");

        SignedIn analyst = SignedIn.as(context, "analyst", "ANALYST");
        assertThat(analyst.page("/countries/GR")).as("an analyst reads; members record").doesNotContain("national-measure-d1-m1-form");
    }

    @Test
    void recordingANationalMeasureSendsWhatWasTypedAndThePageAfterwardsShowsTheVersionTheWriteMade() throws Exception {
        SignedIn member = SignedIn.as(context, "member", "PARTICIPANT");
        String csrf = SignedIn.csrfToken(member.page("/countries/GR"));
        gateway.received().clear();

        MvcResult recorded = member.web().perform(post("/countries/GR/dossiers/d1/measures/m1/national-measures").session(member.session())
                .param("_csrf", csrf).param("kind", "TRANSPOSITION_MEASURE").param("title", "Law 5078/2023").param("reference", "")
                .param("adoptedOn", "2023-12-20").param("link", "https://www.et.gr/law-5078-2023")).andReturn();

        assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo("/countries/GR?seen=12&dossier=d1#measure-d1-m1");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("POST /api/policy/dossiers/d1/measures/m1/countries/GR/national-measures ")
                && line.contains("If-Match=null") && line.contains("Bearer member-token")
                && line.contains("{\"kind\":\"TRANSPOSITION_MEASURE\",\"title\":\"Law 5078/2023\",\"reference\":null,\"adoptedOn\":\"2023-12-20\","
                        + "\"link\":\"https://www.et.gr/law-5078-2023\"}"));
        gateway.received().clear();

        String after = member.web().perform(get("/countries/GR?seen=12&dossier=d1").session(member.session()).flashAttrs(recorded.getFlashMap())
                .accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(after).contains("The national measure is recorded for Greece.").doesNotContain("id=\"behind\"");
        assertThat(gateway.received()).as("waited for the dossier's read model to show the write").anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1 "));
    }

    @Test
    void aRefusedWriteShowsTheReasonNextToItsFieldInTheFormThatWasSentAndKeepsWhatWasTyped() throws Exception {
        SignedIn member = SignedIn.as(context, "member", "PARTICIPANT");
        String csrf = SignedIn.csrfToken(member.page("/countries/GR"));

        String page = member.web().perform(post("/countries/GR/dossiers/d1/measures/m1/infringement-steps").session(member.session())
                        .param("_csrf", csrf).param("stage", "REASONED_OPINION").param("reference", "2023/2045").param("effectiveDate", "2024-02-07"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"error-summary\"").contains("id=\"infringement-d1-m1-reference-error\"")
                .contains("&#39;2023/2045&#39; is not the Commission’s infringement number, such as INFR(2026)2145")
                .contains("value=\"2023/2045\"").contains("value=\"2024-02-07\"").contains("aria-invalid=\"true\"")
                .contains("href=\"#infringement-d1-m1-reference-error\"")
                // only the form that was sent shows the refusal
                .doesNotContain("id=\"infringement-d1-m2-reference-error\"").doesNotContain("id=\"national-measure-d1-m1-title-error\"");
        assertThat(page.substring(page.indexOf("infringement-d1-m1-open") - 80, page.indexOf("infringement-d1-m1-open")))
                .as("the refused form is open").contains("open=\"open\"");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("POST /api/policy/dossiers/d1/measures/m1/countries/GR/infringement-steps ")
                && line.contains("\"reference\":\"2023/2045\""));
    }

    @Test
    void aWriteForACountryTheOrganisationDoesNotWorkInIsRefusedWithTheServicesReasonInThePagesLanguage() throws Exception {
        SignedIn member = SignedIn.as(context, "member", "PARTICIPANT");
        String csrf = SignedIn.csrfToken(member.page("/countries/GR"));

        MockHttpServletRequestBuilder note = post("/countries/AT/dossiers/d1/measures/m1/notes").session(member.session()).param("_csrf", csrf)
                .param("text", "Guardians are appointed late").param("rightCode", "UNCRC-3");
        String page = member.web().perform(note).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"error-summary\"").contains("Your organisation records national implementation for the countries it works in");
        String french = member.web().perform(note.header("Accept-Language", "fr")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(french).contains("Votre organisation enregistre la mise en œuvre nationale des pays où elle travaille");
    }

    @Test
    void aVisitorCannotSendAWriteAndNothingReachesTheService() throws Exception {
        MvcResult result = visitor.web().perform(post("/countries/GR/dossiers/d1/measures/m1/notes").param("text", "x")).andReturn();

        assertThat(result.getResponse().getStatus()).isIn(302, 403);
        assertThat(gateway.received()).noneMatch(line -> line.startsWith("POST"));
    }

    @Test
    void theDossierListFiltersByCountryWithTheFollowedCountriesByName() throws Exception {
        String page = visitor.page("/dossiers?country=GR", "en");

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/dossiers?") && line.contains("country=GR"));
        assertThat(page).contains("<label for=\"country\">National facts recorded for</label>")
                .contains("<option value=\"GR\" selected=\"selected\">Greece</option>");
    }

    /** The policy and membership services behind the gateway. */
    private static StandInGateway startGateway() {
        return StandInGateway.start(exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String country = path.matches("/api/policy/dossiers/d1/measures/m1/countries/[A-Z]{2}/.*") ? path.split("/")[8] : null;
            if (method.equals("GET") && path.equals("/api/policy/countries")) {
                answer(exchange, 200, """
                        [{"code":"AT","name":"Austria"},{"code":"GR","name":"Greece"},{"code":"SE","name":"Sweden"},{"code":"NO","name":"Norway"}]""");
            } else if (method.equals("GET") && path.equals("/api/policy/countries/GR")) {
                answer(exchange, 200, overview("GR", "Greece", GREECE_ROW, GREECE_IMPLEMENTATION));
            } else if (method.equals("GET") && path.equals("/api/policy/countries/AT")) {
                answer(exchange, 200, overview("AT", "Austria", row("AT", "Austria", null, 0, null, null, true),
                        "{\"country\":\"AT\",\"declarations\":[],\"measures\":[],\"infringement\":[],\"notes\":[]}"));
            } else if (method.equals("GET") && path.startsWith("/api/policy/countries/")) {
                answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"The network does not follow national implementation in 'XX'.\"}");
            } else if (method.equals("GET") && path.equals("/api/membership/organisations")) {
                answer(exchange, 200, """
                        {"items":[%s],"page":0,"size":100,"total":1}""".formatted(ORGANISATION.formatted("org-gcr", "Greek Council for Refugees")));
            } else if (method.equals("GET") && path.equals("/api/membership/organisations/org-1")) {
                answer(exchange, 200, ORGANISATION.formatted("org-1", "Organisation One"));
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers")) {
                answer(exchange, 200, """
                        {"items":[{"id":"d1","title":"Reception of children","policyArea":"RECEPTION","visibility":"PUBLISHED","status":"OPEN",
                        "rightsAtStake":[],"measures":3,"version":12,"lastChangedAt":"2026-11-29T08:00:00Z"}],"page":0,"size":20,"total":1}""");
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers/d1")) {
                answer(exchange, 200, DOSSIER);
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers/d1/measures/m1/countries")) {
                answer(exchange, 200, directiveTable(query != null && query.contains("status=COMPLETE")));
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers/d1/measures/m2/countries")) {
                answer(exchange, 200, """
                        {"dossierId":"d1","dossierTitle":"Reception of children","measureId":"m2","measureTitle":"Screening Regulation",
                        "measureType":"REGULATION","transpositionDeadline":null,"application":"2026-06-12","asOf":null,"validAt":null,"version":12,
                        "summary":{"total":27,"complete":0,"partial":0,"notNotified":0,"noInformation":27},
                        "countries":[%s,%s]}""".formatted(row("AT", "Austria", null, 0, null, null, false), row("GR", "Greece", null, 1, null, null, false)));
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers/d1/history/national/m1")) {
                answer(exchange, 200, directiveTable(false).replace("\"complete\":1,\"partial\":1", "\"complete\":0,\"partial\":2"));
            } else if (method.equals("GET") && path.equals("/api/policy/national-implementation/export")) {
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"national-implementation.csv\"");
                answer(exchange, 200, "text/csv;charset=UTF-8", "dossier_id,dossier_title\r\nd1,Reception of children\r\n");
            } else if (method.equals("POST") && path.endsWith("/national-measures")) {
                answer(exchange, 201, "{\"id\":\"nm-2\",\"version\":12}");
            } else if (method.equals("POST") && path.endsWith("/infringement-steps")) {
                answer(exchange, 400, """
                        {"type":"urn:icm:problem:validation","title":"Invalid request","status":400,
                        "detail":"reference: '2023/2045' is not the Commission’s infringement number, such as INFR(2026)2145",
                        "errors":[{"field":"reference","reason":"'2023/2045' is not the Commission’s infringement number, such as INFR(2026)2145",
                        "code":"malformed-infringement-reference"}]}""");
            } else if (method.equals("POST") && "AT".equals(country)) {
                answer(exchange, 403, """
                        {"type":"urn:icm:problem:not-your-country","title":"Forbidden","status":403,"code":"not-your-country",
                        "detail":"Your organisation records national implementation for the countries it works in (GR), not for AT; a focal point can record it."}""");
            } else {
                answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            }
        });
    }

    private static final String ORGANISATION = """
            {"id":"%s","name":"%s","acronym":null,"kind":"NGO","scope":"NATIONAL","countries":[{"code":"GR","name":"Greece"}],
            "focus":"BOTH","expertise":[],"advocacyTargets":[],"website":null,"status":"ADMITTED","statusReason":null,"focalPoint":false,
            "contact":null,"version":3}""";

    private static final String GREECE_ROW = row("GR", "Greece", "PARTIAL", 2, "REASONED_OPINION", "INFR(2023)2045", true);

    private static final String GREECE_IMPLEMENTATION = """
            {"country":"GR",
             "declarations":[{"status":"PARTIAL","effectiveDate":"2024-09-01","source":"Notification to the Commission, 1 September 2024","organisationId":"org-1"}],
             "measures":[{"id":"nm-1","kind":"TRANSPOSITION_MEASURE","title":"Law 4939/2022","reference":"ΦΕΚ Α 111/10.06.2022",
                          "adoptedOn":"2022-06-10","link":"https://www.et.gr/law-4939-2022","organisationId":"org-1","correctionReason":null},
                         {"id":"nm-3","kind":"TRANSPOSITION_MEASURE","title":"Ministerial decision 1234","reference":null,
                          "adoptedOn":"2024-01-15","link":"javascript:alert(1)","organisationId":"org-1","correctionReason":null}],
             "infringement":[{"id":"i-1","stage":"LETTER_OF_FORMAL_NOTICE","reference":"INFR(2023)2045","effectiveDate":"2023-09-28","organisationId":"org-1"},
                             {"id":"i-2","stage":"REASONED_OPINION","reference":"INFR(2023)2045","effectiveDate":"2024-02-07","organisationId":"org-1"}],
             "notes":[{"id":"n-1","text":"Children wait months for a guardian","rightCode":"UNCRC-3","organisationId":"org-1"}]}""";

    private static String row(String country, String name, String status, int nationalMeasures, String stage, String reference, boolean passed) {
        return """
                {"country":"%s","countryName":"%s","status":%s,"statusSince":%s,"source":null,"sourceOrganisation":null,"nationalMeasures":%d,
                "infringementStage":%s,"infringementReference":%s,"deadlinePassed":%s}""".formatted(country, name, quoted(status),
                status == null ? "null" : "\"2024-09-01\"", nationalMeasures, quoted(stage), quoted(reference), passed);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String overview(String country, String name, String directiveRow, String implementation) {
        return """
                {"country":"%s","countryName":"%s",
                 "measures":[{"dossierId":"d1","dossierTitle":"Reception of children","measureId":"m1","measureTitle":"Reception Conditions Directive (recast)",
                              "measureType":"DIRECTIVE","transpositionDeadline":"2026-06-12","application":null,"row":%s,"implementation":%s},
                             {"dossierId":"d1","dossierTitle":"Reception of children","measureId":"m2","measureTitle":"Screening Regulation",
                              "measureType":"REGULATION","transpositionDeadline":null,"application":"2026-06-12","row":%s,
                              "implementation":{"country":"%s","declarations":[],"measures":[],"infringement":[],"notes":[]}}],
                 "deadlines":[{"dossierId":"d1","measureId":"m1","measureTitle":"Reception Conditions Directive (recast)","kind":"TRANSPOSITION","date":"2026-06-12","passed":true},
                              {"dossierId":"d1","measureId":"m2","measureTitle":"Screening Regulation","kind":"APPLICATION","date":"2027-06-12","passed":false}],
                 "recommendations":[{"dossierId":"d1","dossierTitle":"Reception of children","recommendationId":"r1",
                                     "text":"Member states should appoint a guardian within 15 days"}]}""".formatted(country, name, directiveRow, implementation,
                row(country, name, null, 0, null, null, false), country);
    }

    private static String directiveTable(boolean completeOnly) {
        String rows = completeOnly ? row("SE", "Sweden", "COMPLETE", 3, null, null, false)
                : String.join(",", row("AT", "Austria", null, 0, null, null, true), GREECE_ROW, row("SE", "Sweden", "COMPLETE", 3, null, null, false));
        return """
                {"dossierId":"d1","dossierTitle":"Reception of children","measureId":"m1","measureTitle":"Reception Conditions Directive (recast)",
                "measureType":"DIRECTIVE","transpositionDeadline":"2026-06-12","application":null,"asOf":null,"validAt":null,"version":12,
                "summary":{"total":27,"complete":1,"partial":1,"notNotified":0,"noInformation":25},"countries":[%s]}""".formatted(rows);
    }

    private static final String DOSSIER = """
            {"id":"d1","title":"Reception of children","policyArea":"RECEPTION","summary":"Reception conditions for children.","leadOrganisation":null,
            "visibility":"PUBLISHED","status":"OPEN","rightsAtStake":[],"recommendations":[],"version":12,"lastChangedAt":"2026-11-29T08:00:00Z",
            "measures":[
             {"id":"m1","title":"Reception Conditions Directive (recast)","type":"DIRECTIVE","procedureReference":"2016/0222(COD)","comReference":null,
              "celexNumber":"32024L1346","finalAct":null,"currentStage":"IN_APPLICATION","currentStageDate":"2024-06-11","steps":[],"entryIntoForce":"2024-06-11",
              "application":null,"transpositionDeadline":"2026-06-12"},
             {"id":"m2","title":"Screening Regulation","type":"REGULATION","procedureReference":null,"comReference":null,"celexNumber":null,
              "finalAct":null,"currentStage":"IN_APPLICATION","currentStageDate":"2024-06-11","steps":[],"entryIntoForce":"2024-06-11",
              "application":"2026-06-12","transpositionDeadline":null},
             {"id":"m3","title":"Action plan on integration","type":"COMMUNICATION","procedureReference":null,"comReference":"COM(2020) 758","celexNumber":null,
              "finalAct":null,"currentStage":"PROPOSAL_ADOPTED","currentStageDate":"2020-11-24","steps":[],"entryIntoForce":null,
              "application":null,"transpositionDeadline":null}]}""";
}
