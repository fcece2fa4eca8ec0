package org.icm.web.uptake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.web.StandInGateway.answer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Recommendation uptake in the web client: a recommendation's trail, recording the uptake at a text, finding the passage
 * in a pasted text, the dossier's uptake report and the network's impact report, in front of a real HTTP server standing
 * in for the gateway (answering what the policy service answers). The browser journeys on the whole platform are
 * end-to-end's.
 */
@SpringBootTest
class UptakePagesTest {

    /** The recommendation's dossier version as the read model shows it; a recorded uptake makes the next. */
    static final AtomicLong version = new AtomicLong(12);
    static final StandInGateway gateway = startGateway();

    static final String TRAIL = "/dossiers/d1/recommendations/r1/uptake";

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
        version.set(12);
    }

    @Test
    void aTrailShowsEachTextInDateOrderWithItsUptakeInWordsTheQuotedPassageTheOutcomeAndTheirDisagreement() throws Exception {
        String page = visitor.page(TRAIL, "en");

        assertThat(page).contains("<h1 id=\"uptake-title\">How the texts of the procedure took up a recommendation</h1>")
                .contains("Exempt unaccompanied children from border procedures")
                // the texts in date order, their uptake in words (the bar beside a word only repeats it)
                .contains("class=\"uptake uptake-not-reflected\">Not reflected</span>")
                .contains("class=\"uptake uptake-reflected\">Reflected</span>")
                .contains("class=\"uptake uptake-partially-reflected\">Partly reflected</span>")
                .contains("class=\"uptake uptake-none\">Not traced yet</span>")
                .contains("<blockquote class=\"passage pre-line\" id=\"passage-s2\">Unaccompanied minors shall be exempted from the border procedure.</blockquote>")
                .contains("A9-0152/2023, amendment 42").contains("The proposal keeps children in the border procedure")
                .contains("id=\"corrected-s3\"").contains("The agreement keeps an exception on security grounds")
                .contains("<strong>Addressed</strong>").contains("Regulation (EU) 2024/1348, Article 53")
                .contains("id=\"uptake-disagreement\" role=\"note\"").contains("The trail and the outcome disagree.")
                .contains("In the latest text traced the recommendation is “Partly reflected”, and its outcome is recorded as “Addressed”.")
                // the chart, with its text alternative and its figures as a table
                .contains("role=\"img\"").contains("aria-labelledby=\"chart-caption\"").contains("id=\"uptake-chart-table\"")
                .contains("<th scope=\"row\">European Parliament mandate</th>")
                .contains("class=\"bar-reflected\"").contains("class=\"bar-partially-reflected\"")
                .contains("href=\"/dossiers/d1/uptake\"").contains("href=\"/dossiers/d1#recommendation-r1\"");
        assertThat(page.indexOf("id=\"step-s1\"")).isLessThan(page.indexOf("id=\"step-s2\""));
        assertThat(page.indexOf("id=\"step-s2\"")).isLessThan(page.indexOf("id=\"step-s3\""));
        assertThat(page.indexOf("id=\"step-s3\"")).isLessThan(page.indexOf("id=\"step-s4\""));
        assertThat(page).as("no recording or finding for a visitor, and no instant to choose")
                .doesNotContain("id=\"uptake-s1-form\"").doesNotContain("id=\"find-s1-form\"").doesNotContain("id=\"uptake-asOf\"");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1/recommendations/r1/uptake ") && line.contains("Authorization=null"));
    }

    @Test
    void aTrailSpeaksFrench() throws Exception {
        String page = visitor.page(TRAIL, "fr");

        assertThat(page).contains("<html lang=\"fr\"").contains("Comment les textes de la procédure ont repris une recommandation")
                .contains(">Reprise en partie</span>").contains(">Non reprise</span>").contains(">Pas encore suivie</span>")
                .contains("Accord provisoire").contains("La trace et le résultat ne concordent pas.").contains("<strong>Pris en compte</strong>");
    }

    @Test
    void theFormsShowOnlyForFocalPointsAndAnalystsAndTheReasonOnlyWhereSomethingIsRecorded() throws Exception {
        for (String role : List.of("FOCAL_POINT", "ANALYST")) {
            String page = SignedIn.as(context, "someone", role).page(TRAIL);
            assertThat(page).as(role).contains("id=\"uptake-s4-form\"").contains("id=\"find-s4-form\"")
                    .contains("<label for=\"uptake-s4-uptake\">").contains("<option value=\"PARTIALLY_REFLECTED\">Partly reflected</option>")
                    .contains("<label for=\"uptake-s4-passage\">").contains("id=\"uptake-s4-reference\"").contains("id=\"uptake-s4-note\"")
                    .doesNotContain("id=\"uptake-s4-reason\"")
                    // a recorded text: its record shown in the form, a change of it needs a reason
                    .contains("<option value=\"REFLECTED\" selected=\"selected\">Reflected</option>").contains("id=\"uptake-s2-reason\"")
                    .contains("Correct the uptake in this text").contains("<label for=\"find-s4-text\">").contains("id=\"find-s4-language\"")
                    .contains("id=\"uptake-asOf\"");
        }
        assertThat(SignedIn.as(context, "member", "PARTICIPANT").page(TRAIL)).as("a member reads the trail")
                .doesNotContain("id=\"uptake-s4-form\"").doesNotContain("id=\"find-s4-form\"");
    }

    @Test
    void recordingSendsWhatWasTypedAndTheTrailAfterwardsShowsTheVersionTheWriteMade() throws Exception {
        SignedIn focalPoint = SignedIn.as(context, "focal-point", "FOCAL_POINT");
        String csrf = SignedIn.csrfToken(focalPoint.page(TRAIL));
        gateway.received().clear();

        MvcResult recorded = focalPoint.web().perform(post(TRAIL + "/steps/s4").session(focalPoint.session()).param("_csrf", csrf)
                .param("uptake", "NOT_REFLECTED").param("passage", " ").param("reference", "PE-CONS 16/24")
                .param("note", "The final act drops the exemption")).andReturn();

        assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo(TRAIL + "?seen=13#step-s4");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("PUT /api/policy/dossiers/d1/recommendations/r1/uptake/s4 ")
                && line.contains("If-Match=null") && line.contains("Bearer focal-point-token")
                && line.endsWith("{\"uptake\":\"NOT_REFLECTED\",\"passage\":null,\"reference\":\"PE-CONS 16/24\","
                        + "\"note\":\"The final act drops the exemption\",\"reason\":null}"));
        gateway.received().clear();

        String after = focalPoint.web().perform(get(TRAIL + "?seen=13").session(focalPoint.session()).flashAttrs(recorded.getFlashMap())
                .accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(after).contains("The uptake is recorded.").doesNotContain("id=\"behind\"");
        assertThat(squeezed(after)).contains("id=\"uptake-s4-shown\"><span>In this text:</span><span class=\"uptake uptake-not-reflected\">Not reflected</span>");
        assertThat(gateway.received()).as("read the trail at the version the write made")
                .anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1/recommendations/r1/uptake "));
    }

    @Test
    void aRefusedRecordShowsTheReasonNextToItsFieldInTheFormThatWasSentAndKeepsWhatWasTyped() throws Exception {
        SignedIn analyst = SignedIn.as(context, "analyst", "ANALYST");
        String csrf = SignedIn.csrfToken(analyst.page(TRAIL));

        MockHttpServletRequestBuilder correction = post(TRAIL + "/steps/s3").session(analyst.session()).param("_csrf", csrf)
                .param("uptake", "REFLECTED").param("passage", "Unaccompanied minors are exempted").param("reference", "PE-CONS 16/24").param("reason", "");
        String page = analyst.web().perform(correction).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"error-summary\"").contains("id=\"uptake-s3-reason-error\"")
                .contains("the uptake at this step is recorded already (PARTIALLY_REFLECTED); say why it is corrected")
                .contains("href=\"#uptake-s3-reason-error\"").contains("aria-invalid=\"true\"")
                .contains(">Unaccompanied minors are exempted</textarea>").contains("<option value=\"REFLECTED\" selected=\"selected\">Reflected</option>")
                // only the form that was sent shows the refusal, and it is open
                .doesNotContain("id=\"uptake-s2-reason-error\"")
                // the language switch leads to the trail, not to the form's address
                .contains("href=\"" + TRAIL + "?lang=fr\"");
        assertThat(page.substring(page.indexOf("id=\"uptake-s3-open\"") - 80, page.indexOf("id=\"uptake-s3-open\""))).contains("open=\"open\"");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("PUT /api/policy/dossiers/d1/recommendations/r1/uptake/s3 ")
                && line.contains("\"passage\":\"Unaccompanied minors are exempted\"") && line.contains("\"reason\":null"));

        String french = analyst.web().perform(correction.header("Accept-Language", "fr")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(french).contains("Cette reprise est déjà enregistrée : dites pourquoi vous la corrigez.");
    }

    @Test
    void theFinderShowsTheRankedPassagesWithTheMatchingWordsMarkedAndEverythingElseEscaped() throws Exception {
        SignedIn analyst = SignedIn.as(context, "analyst", "ANALYST");
        String csrf = SignedIn.csrfToken(analyst.page(TRAIL));
        gateway.received().clear();

        String page = analyst.web().perform(post(TRAIL + "/steps/s4/passages").session(analyst.session()).param("_csrf", csrf)
                .param("text", PASTED).param("language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("POST /api/policy/dossiers/d1/recommendations/r1/uptake/suggestions ")
                && line.contains("Bearer analyst-token") && line.contains("\"language\":\"en\",\"size\":5"));
        assertThat(page).contains("id=\"find-s4-suggestions\"")
                .contains("<p class=\"passage pre-line\" id=\"find-s4-passage-0\">Unaccompanied <mark>children</mark> shall be exempted from the "
                        + "<mark>border</mark> <mark>procedure</mark> (passage 1).</p>")
                // a suggestion is text: markup in the pasted document is shown, never run
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("id=\"find-s4-use-0\"").contains("name=\"use\" value=\"100\"").contains("name=\"dismiss\" class=\"secondary\" value=\"100\"")
                .contains("Use this passage").contains("Not this one")
                // the pasted text stays in the form, sent again by those buttons
                .contains(">" + PASTED + "</textarea>").contains("<option value=\"en\" lang=\"en\" selected=\"selected\">English</option>");
        assertThat(passageIds(page)).containsExactly(0, 100, 200, 300, 400);
        assertThat(page.substring(page.indexOf("id=\"find-s4-open\"") - 80, page.indexOf("id=\"find-s4-open\""))).contains("open=\"open\"");
    }

    @Test
    void useThisPassagePutsItIntoTheRecordFormOfThatStep() throws Exception {
        SignedIn analyst = SignedIn.as(context, "analyst", "ANALYST");
        String csrf = SignedIn.csrfToken(analyst.page(TRAIL));

        String page = analyst.web().perform(post(TRAIL + "/steps/s4/passages").session(analyst.session()).param("_csrf", csrf)
                .param("text", PASTED).param("language", "en").param("use", "200")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"uptake-s4-used\"")
                .contains("<textarea id=\"uptake-s4-passage\" name=\"passage\" rows=\"4\">Unaccompanied children shall be exempted from the border procedure (passage 3).</textarea>");
        assertThat(page.substring(page.indexOf("id=\"uptake-s4-open\"") - 80, page.indexOf("id=\"uptake-s4-open\""))).contains("open=\"open\"");
        assertThat(page).as("the other steps' forms keep what is recorded").contains(">Unaccompanied minors shall be exempted from the border procedure.</textarea>");
        assertThat(gateway.received()).noneMatch(line -> line.startsWith("PUT")).as("nothing recorded until the form is sent");
    }

    @Test
    void notThisOneHidesASuggestionAndTheNextTakesItsPlace() throws Exception {
        SignedIn focalPoint = SignedIn.as(context, "focal-point", "FOCAL_POINT");
        String csrf = SignedIn.csrfToken(focalPoint.page(TRAIL));
        gateway.received().clear();

        String page = focalPoint.web().perform(post(TRAIL + "/steps/s4/passages").session(focalPoint.session()).param("_csrf", csrf)
                .param("text", PASTED).param("language", "fr").param("dismissed", "0").param("dismiss", "100"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(gateway.received()).anyMatch(line -> line.contains("/uptake/suggestions ") && line.contains("\"language\":\"fr\",\"size\":7"));
        assertThat(passageIds(page)).containsExactly(200, 300, 400, 500, 600);
        assertThat(page).contains("<input type=\"hidden\" name=\"dismissed\" value=\"0\">").contains("<input type=\"hidden\" name=\"dismissed\" value=\"100\">")
                .contains("2 passages set aside.").contains("<option value=\"fr\" lang=\"fr\" selected=\"selected\">Français</option>");
    }

    @Test
    void aRefusedSearchShowsTheReasonNextToTheTextField() throws Exception {
        SignedIn analyst = SignedIn.as(context, "analyst", "ANALYST");
        String csrf = SignedIn.csrfToken(analyst.page(TRAIL));

        String page = analyst.web().perform(post(TRAIL + "/steps/s4/passages").session(analyst.session()).param("_csrf", csrf)
                .param("text", "  ").param("language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"error-summary\"").contains("id=\"find-s4-text-error\"").contains("text is required")
                .contains("href=\"#find-s4-text-error\"").doesNotContain("id=\"find-s4-suggestions\"");
    }

    @Test
    void anAnalystSeesTheTrailAsKnownAtAnInstantWithoutTheFormsAndAVisitorsInstantIsNotSent() throws Exception {
        String page = SignedIn.as(context, "analyst", "ANALYST").page(TRAIL + "?asOf=2023-06-01T00:00");

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1/recommendations/r1/uptake?asOf=2023-06-01T00:00:00Z ")
                && line.contains("Bearer analyst-token"));
        assertThat(page).contains("id=\"uptake-historical\"").contains("This shows what was recorded up to 2023-06-01 00:00:00 UTC.")
                .contains("value=\"2023-06-01T00:00\"").doesNotContain("id=\"uptake-s4-form\"").doesNotContain("id=\"uptake-disagreement\"");

        gateway.received().clear();
        visitor.page(TRAIL + "?asOf=2023-06-01T00:00", "en");
        assertThat(gateway.received()).noneMatch(line -> line.contains("asOf"));
    }

    @Test
    void aVisitorCannotRecordNorSearchAndNothingReachesTheService() throws Exception {
        assertThat(visitor.web().perform(post(TRAIL + "/steps/s4").param("uptake", "REFLECTED")).andReturn().getResponse().getStatus()).isIn(302, 403);
        assertThat(visitor.web().perform(post(TRAIL + "/steps/s4/passages").param("text", "x")).andReturn().getResponse().getStatus()).isIn(302, 403);
        SignedIn member = SignedIn.as(context, "member", "PARTICIPANT");
        String csrf = SignedIn.csrfToken(member.page("/dossiers/d1"));
        assertThat(member.web().perform(post(TRAIL + "/steps/s4").session(member.session()).param("_csrf", csrf).param("uptake", "REFLECTED"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(gateway.received()).noneMatch(line -> line.startsWith("PUT") || line.startsWith("POST"));
    }

    @Test
    void theDossierReportCountsEachStageAndMarksTheRecommendationsLostAfterTheParliamentOrWhoseTrailDisagrees() throws Exception {
        String page = visitor.page("/dossiers/d1/uptake", "en");

        assertThat(page).contains("<h1 id=\"report-title\">Uptake report: Asylum procedures for children</h1>")
                .contains("<caption>Recommendations by their uptake in the texts of each stage</caption>")
                .contains("<th scope=\"col\">Reflected</th>").contains("<th scope=\"col\">Partly reflected</th>").contains("<th scope=\"col\">Not reflected</th>")
                .contains("id=\"report-trail-r1\"").contains("href=\"/dossiers/d1/recommendations/r2/uptake\"")
                .contains("id=\"report-lost-r2\"").contains("Lost between the Parliament and the final act").doesNotContain("id=\"report-lost-r1\"")
                .contains("id=\"report-disagrees-r1\"").doesNotContain("id=\"report-disagrees-r2\"")
                .contains("href=\"/dossiers/d1/uptake/export?format=csv\"").contains("href=\"/dossiers/d1/uptake/export?format=json\"")
                .doesNotContain("id=\"uptake-asOf\"");
        assertThat(squeezed(page)).contains("<tr id=\"report-stage-EP_MANDATE\"><th scope=\"row\">European Parliament mandate</th>"
                        + "<td>2</td><td>0</td><td>0</td></tr>")
                .contains("<tr id=\"report-stage-ADOPTED\"><th scope=\"row\">Adopted</th><td>0</td><td>1</td><td>1</td></tr>")
                // one line per recommendation: its uptake at each stage in words, its outcome, its marks
                .contains("<td><span class=\"uptake uptake-not-reflected\">Not reflected</span></td><td><span class=\"uptake uptake-reflected\">"
                        + "Reflected</span></td><td><span class=\"uptake uptake-partially-reflected\">Partly reflected</span></td><td>Addressed</td>");
        assertThat(visitor.page("/dossiers/d1/uptake", "fr")).contains("Rapport de reprise : Asylum procedures for children")
                .contains("Perdue entre le Parlement et l’acte final").contains("<th scope=\"col\">Mandat du Parlement européen</th>");

        MvcResult export = visitor.web().perform(get("/dossiers/d1/uptake/export?format=csv")).andReturn();
        assertThat(export.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"d1-uptake.csv\"");
        assertThat(export.getResponse().getContentAsString(StandardCharsets.UTF_8)).startsWith("dossier_id,recommendation_id");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/dossiers/d1/uptake/export?format=csv "));
    }

    @Test
    void theImpactReportShowsItsCountsByPolicyAreaAndByRightForThePeriodChosen() throws Exception {
        String page = visitor.page("/uptake/impact?from=2023-01-01&to=2024-12-31", "en");

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/uptake/impact?from=2023-01-01&to=2024-12-31&format=json "));
        assertThat(page).contains("<h1 id=\"impact-title\">The network’s impact</h1>").contains("From January 1, 2023 to December 31, 2024")
                .contains("<label for=\"impact-from\">").contains("value=\"2023-01-01\"").contains("value=\"2024-12-31\"")
                .contains("<th scope=\"col\">Policy area</th>").contains("<th scope=\"col\">Outcome: addressed</th>")
                .contains("<th scope=\"row\">Best interests of the child (UNCRC 3)</th>").contains("<th scope=\"row\">Refugee children (UNCRC 22)</th>")
                .contains("href=\"/uptake/impact/export?format=csv&amp;from=2023-01-01&amp;to=2024-12-31\"");
        assertThat(squeezed(page)).contains("<tr id=\"impact-area-ASYLUM\"><th scope=\"row\">Asylum</th>"
                + "<td>3</td><td>1</td><td>1</td><td>1</td><td>2</td><td>1</td></tr>");
        assertThat(visitor.page("/uptake/impact", "fr")).contains("<th scope=\"row\">Asile</th>").contains("Par droit en jeu");

        String refused = visitor.page("/uptake/impact?from=2024-12-31&to=2023-01-01", "en");
        assertThat(refused).contains("id=\"impact-to-error\"").contains("the period ends (2023-01-01) before it starts (2024-12-31)")
                .doesNotContain("id=\"impact-area-table\"");

        MvcResult export = visitor.web().perform(get("/uptake/impact/export?format=csv&from=2023-01-01")).andReturn();
        assertThat(export.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"uptake-impact.csv\"");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/uptake/impact?from=2023-01-01&format=csv "));
    }

    @Test
    void theDossierPageLinksEachPublishedRecommendationToItsTrailAndTheReportAndTheDossiersLinkTheImpact() throws Exception {
        String dossier = visitor.page("/dossiers/d1", "en");

        assertThat(dossier).contains("<a href=\"/dossiers/d1/recommendations/r1/uptake\" id=\"uptake-link-r1\">How the texts took it up</a>")
                .contains("id=\"dossier-uptake-report-link\"").doesNotContain("id=\"uptake-link-r3\"");
        assertThat(visitor.page("/dossiers", "en")).contains("<a href=\"/uptake/impact\" id=\"impact-link\">");
    }

    /** The page without the white space between its tags, for what a row or a line holds. */
    private static String squeezed(String page) {
        return page.replaceAll(">\\s+<", "><");
    }

    private static List<Integer> passageIds(String page) {
        List<Integer> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("id=\"find-s4-passage-(\\d+)\"").matcher(page);
        while (matcher.find()) {
            ids.add(Integer.parseInt(matcher.group(1)));
        }
        return ids;
    }

    static final String PASTED = "Article 53. Unaccompanied children shall be exempted from the border procedure.";

    /** The policy service behind the gateway. */
    private static StandInGateway startGateway() {
        return StandInGateway.start(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (method.equals("GET") && path.equals("/api/policy/dossiers/d1/recommendations/r1/uptake")) {
                answer(exchange, 200, query != null && query.startsWith("asOf=") ? trailAsOf() : trail());
            } else if (method.equals("PUT") && path.equals("/api/policy/dossiers/d1/recommendations/r1/uptake/s4")) {
                answer(exchange, 200, "{\"version\":" + version.incrementAndGet() + "}");
            } else if (method.equals("PUT") && path.equals("/api/policy/dossiers/d1/recommendations/r1/uptake/s3")) {
                answer(exchange, 400, """
                        {"type":"urn:icm:problem:validation","title":"Invalid request","status":400,
                        "detail":"reason: the uptake at this step is recorded already (PARTIALLY_REFLECTED); say why it is corrected",
                        "errors":[{"field":"reason","code":"correction-needs-reason",
                        "reason":"the uptake at this step is recorded already (PARTIALLY_REFLECTED); say why it is corrected"}]}""");
            } else if (method.equals("POST") && path.equals("/api/policy/dossiers/d1/recommendations/r1/uptake/suggestions")) {
                if (body.contains("\"text\":\"\"")) {
                    answer(exchange, 400, """
                            {"type":"urn:icm:problem:validation","title":"Invalid request","status":400,"detail":"text: text is required",
                            "errors":[{"field":"text","code":"required","reason":"text is required"}]}""");
                } else {
                    Matcher size = Pattern.compile("\"size\":(\\d+)").matcher(body);
                    answer(exchange, 200, suggestions(size.find() ? Integer.parseInt(size.group(1)) : 5));
                }
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers/d1/uptake")) {
                answer(exchange, 200, REPORT);
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers/d1/uptake/export")) {
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"d1-uptake.csv\"");
                answer(exchange, 200, "text/csv;charset=UTF-8", "dossier_id,recommendation_id,recommendation\r\nd1,r1,Exempt\r\n");
            } else if (method.equals("GET") && path.equals("/api/policy/uptake/impact")) {
                if (query != null && query.contains("format=csv")) {
                    exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"uptake-impact.csv\"");
                    answer(exchange, 200, "text/csv;charset=UTF-8", "grouped_by,group,recommendations\r\npolicy_area,ASYLUM,3\r\n");
                } else if (query != null && query.startsWith("from=2024-12-31&to=2023-01-01")) {
                    answer(exchange, 400, """
                            {"type":"urn:icm:problem:validation","title":"Invalid request","status":400,
                            "detail":"to: the period ends (2023-01-01) before it starts (2024-12-31)",
                            "errors":[{"field":"to","code":"period-ends-before-it-starts","reason":"the period ends (2023-01-01) before it starts (2024-12-31)"}]}""");
                } else {
                    answer(exchange, 200, IMPACT);
                }
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers/d1")) {
                answer(exchange, 200, DOSSIER);
            } else if (method.equals("GET") && path.equals("/api/policy/dossiers")) {
                answer(exchange, 200, """
                        {"items":[],"page":0,"size":20,"total":0}""");
            } else if (method.equals("GET") && path.equals("/api/policy/countries")) {
                answer(exchange, 200, "[]");
            } else {
                answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            }
        });
    }

    private static String step(String id, String stage, String date, String uptake, String passage, String reference, String note, String corrected) {
        return """
                {"measureId":"m1","measureTitle":"Asylum Procedure Regulation","stepId":"%s","stage":"%s","effectiveDate":"%s","documentReference":null,
                 "uptake":%s,"passage":%s,"reference":%s,"note":%s,"correctionReason":%s}""".formatted(id, stage, date, quoted(uptake), quoted(passage),
                quoted(reference), quoted(note), quoted(corrected));
    }

    private static String trail() {
        boolean recorded = version.get() > 12;
        return """
                {"dossierId":"d1","dossierTitle":"Asylum procedures for children","recommendationId":"r1",
                 "text":"Exempt unaccompanied children from border procedures","revision":2,"status":"PUBLISHED","outcome":"ADDRESSED",
                 "outcomeEvidence":"Regulation (EU) 2024/1348, Article 53","latest":"%s","disagrees":true,"asOf":null,"version":%d,
                 "steps":[%s,%s,%s,%s]}""".formatted(recorded ? "NOT_REFLECTED" : "PARTIALLY_REFLECTED", version.get(),
                step("s1", "PROPOSAL_ADOPTED", "2020-09-23", "NOT_REFLECTED", null, null, "The proposal keeps children in the border procedure", null),
                step("s2", "EP_MANDATE", "2023-04-20", "REFLECTED", "Unaccompanied minors shall be exempted from the border procedure.",
                        "A9-0152/2023, amendment 42", null, null),
                step("s3", "PROVISIONAL_AGREEMENT", "2023-12-20", "PARTIALLY_REFLECTED", "Unaccompanied minors shall be exempted, except on security grounds.",
                        "Article 53", null, "The agreement keeps an exception on security grounds"),
                recorded ? step("s4", "ADOPTED", "2024-05-14", "NOT_REFLECTED", null, "PE-CONS 16/24", "The final act drops the exemption", null)
                        : step("s4", "ADOPTED", "2024-05-14", null, null, null, null, null));
    }

    private static String trailAsOf() {
        return """
                {"dossierId":"d1","dossierTitle":"Asylum procedures for children","recommendationId":"r1",
                 "text":"Exempt unaccompanied children from border procedures","revision":2,"status":"PUBLISHED","outcome":null,
                 "outcomeEvidence":null,"latest":"REFLECTED","disagrees":false,"asOf":"2023-06-01T00:00:00Z","version":7,
                 "steps":[%s,%s]}""".formatted(
                step("s1", "PROPOSAL_ADOPTED", "2020-09-23", "NOT_REFLECTED", null, null, null, null),
                step("s2", "EP_MANDATE", "2023-04-20", "REFLECTED", "Unaccompanied minors shall be exempted from the border procedure.", null, null, null));
    }

    /** Seven passages, at 0, 100, ... 600; the second holds markup, to be shown as text. */
    private static String suggestions(int size) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < Math.min(size, 7); i++) {
            String tail = i == 1 ? " <script>alert(1)</script> (passage 2)." : " (passage " + (i + 1) + ").";
            String passage = "Unaccompanied children shall be exempted from the border procedure" + tail;
            found.add("""
                    {"rank":%d,"score":%s,"start":%d,"end":%d,"passage":"%s","segments":[{"text":"Unaccompanied ","match":false},
                     {"text":"children","match":true},{"text":" shall be exempted from the ","match":false},{"text":"border","match":true},
                     {"text":" ","match":false},{"text":"procedure","match":true},{"text":"%s","match":false}]}"""
                    .formatted(i + 1, 3.5 - i * 0.25, i * 100, i * 100 + passage.length(), passage, tail));
        }
        return "{\"recommendationId\":\"r1\",\"revision\":2,\"suggestions\":[" + String.join(",", found) + "]}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static final String REPORT = """
            {"dossierId":"d1","dossierTitle":"Asylum procedures for children","policyArea":"ASYLUM","asOf":null,"version":12,
             "stages":[{"stage":"PROPOSAL_ADOPTED","reflected":0,"partiallyReflected":0,"notReflected":2},
                       {"stage":"EP_MANDATE","reflected":2,"partiallyReflected":0,"notReflected":0},
                       {"stage":"ADOPTED","reflected":0,"partiallyReflected":1,"notReflected":1}],
             "recommendations":[
               {"recommendationId":"r1","text":"Exempt unaccompanied children from border procedures","outcome":"ADDRESSED",
                "byStage":{"PROPOSAL_ADOPTED":"NOT_REFLECTED","EP_MANDATE":"REFLECTED","ADOPTED":"PARTIALLY_REFLECTED"},"latest":"PARTIALLY_REFLECTED",
                "lostAfterParliament":false,"disagrees":true},
               {"recommendationId":"r2","text":"Appoint a guardian within 24 hours","outcome":"NOT_ADDRESSED",
                "byStage":{"PROPOSAL_ADOPTED":"NOT_REFLECTED","EP_MANDATE":"REFLECTED","ADOPTED":"NOT_REFLECTED"},"latest":"NOT_REFLECTED",
                "lostAfterParliament":true,"disagrees":false}]}""";

    private static final String IMPACT = """
            {"from":"2023-01-01","to":"2024-12-31","asOf":null,
             "byPolicyArea":[{"policyArea":"ASYLUM","right":null,"recommendations":3,"reflected":1,"partiallyReflected":1,"notReflected":1,
                              "addressed":2,"disagreements":1}],
             "byRight":[{"policyArea":null,"right":"UNCRC-3","recommendations":3,"reflected":1,"partiallyReflected":1,"notReflected":1,"addressed":2,
                         "disagreements":1},
                        {"policyArea":null,"right":"UNCRC-22","recommendations":1,"reflected":0,"partiallyReflected":0,"notReflected":1,"addressed":0,
                         "disagreements":0}]}""";

    private static final String DOSSIER = """
            {"id":"d1","title":"Asylum procedures for children","policyArea":"ASYLUM","summary":"Border procedures and children.","leadOrganisation":null,
            "visibility":"PUBLISHED","status":"OPEN","rightsAtStake":[],"version":12,"lastChangedAt":"2026-11-29T08:00:00Z",
            "recommendations":[
             {"id":"r1","text":"Exempt unaccompanied children from border procedures","revision":2,"addressees":["COUNCIL"],"measureIds":["m1"],
              "status":"PUBLISHED","outcome":"ADDRESSED","outcomeEvidence":null,"endorsements":3},
             {"id":"r3","text":"A draft","revision":1,"addressees":[],"measureIds":[],"status":"DRAFT","outcome":null,"outcomeEvidence":null,"endorsements":0}],
            "measures":[
             {"id":"m1","title":"Asylum Procedure Regulation","type":"REGULATION","procedureReference":"2016/0224(COD)","comReference":null,
              "celexNumber":null,"finalAct":null,"currentStage":"ADOPTED","currentStageDate":"2024-05-14","steps":[],"entryIntoForce":null,
              "application":null,"transpositionDeadline":null}]}""";
}
