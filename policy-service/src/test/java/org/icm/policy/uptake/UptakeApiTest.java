package org.icm.policy.uptake;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A focal point traces how the Asylum Procedure Regulation's texts took up the network's recommendation to exempt
 * children from border procedures: the Parliament's mandate reflected it (the passage found among a pasted text's
 * paragraphs by the suggestions), the adopted act did not. The trail, the dossier's report and the impact report say
 * so, and where the trail and the recorded outcome disagree; an analyst sees what was known before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UptakeApiTest {

    static final String RECOMMENDATION = "Exempt unaccompanied children and families with children from the border procedure.";
    static final String EP_TEXT = """
            Article 41. Member States may apply the border procedure to applicants who made their application at an external border.

            Article 41a. Unaccompanied minors and families with children below the age of twelve shall be exempted from the border procedure.

            Article 42. The border procedure shall be as short as possible and last twelve weeks at most.""";

    @LocalServerPort
    int port;

    final TestTokens tokens = TestTokens.get();
    String focalPoint;
    String analyst;
    String dossierId;
    String recommendationId;
    String mandateStep;
    String adoptedStep;
    String otherMeasureStep;
    String uptake;

    @BeforeEach
    void aPublishedRecommendationOnTheAsylumProcedureRegulation() {
        focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        analyst = tokens.mint(AccountId.random(), OrganisationId.random(), Role.ANALYST);
        dossierId = id(send("POST", "/dossiers", focalPoint, "{\"title\":\"Pact on Migration and Asylum\",\"policyArea\":\"ASYLUM\"}"));
        String apr = id(send("POST", "/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Asylum Procedure Regulation\",\"type\":\"REGULATION\",\"procedureReference\":\"2016/0224(COD)\"}"));
        String steps = "/dossiers/" + dossierId + "/measures/" + apr + "/steps";
        send("POST", steps, focalPoint, "{\"stage\":\"PROPOSAL_ADOPTED\",\"effectiveDate\":\"2016-07-13\",\"documentReference\":\"COM(2016)467\"}");
        mandateStep = id(send("POST", steps, focalPoint, "{\"stage\":\"EP_MANDATE\",\"effectiveDate\":\"2018-05-22\",\"documentReference\":\"A8-0171/2018\"}"));
        adoptedStep = id(send("POST", steps, focalPoint, "{\"stage\":\"ADOPTED\",\"effectiveDate\":\"2024-05-14\"}"));
        String screening = id(send("POST", "/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Screening Regulation\",\"type\":\"REGULATION\",\"procedureReference\":\"2020/0278(COD)\"}"));
        otherMeasureStep = id(send("POST", "/dossiers/" + dossierId + "/measures/" + screening + "/steps", focalPoint,
                "{\"stage\":\"ADOPTED\",\"effectiveDate\":\"2024-05-14\"}"));
        send("PUT", "/dossiers/" + dossierId + "/rights/UNCRC-37", focalPoint, "{\"rationale\":\"Detention at the border\"}");
        recommendationId = id(send("POST", "/dossiers/" + dossierId + "/recommendations", focalPoint,
                "{\"text\":\"" + RECOMMENDATION + "\",\"addressees\":[\"EUROPEAN_PARLIAMENT\",\"COUNCIL\"],\"measureIds\":[\"" + apr + "\"]}"));
        for (String status : List.of("IN_REVIEW", "ADOPTED", "PUBLISHED")) {
            send("PUT", "/dossiers/" + dossierId + "/recommendations/" + recommendationId + "/status", focalPoint, "{\"status\":\"" + status + "\"}");
        }
        send("POST", "/dossiers/" + dossierId + "/publish", focalPoint, null);
        uptake = "/dossiers/" + dossierId + "/recommendations/" + recommendationId + "/uptake";
    }

    @Test
    void theSuggestionsFindThePassageAndTheTrailAndReportsShowWhereTheRecommendationWasLost() throws InterruptedException {
        HttpResponse<String> suggested = send("POST", uptake + "/suggestions", focalPoint,
                "{\"text\":" + quote(EP_TEXT) + ",\"language\":\"en\",\"size\":3}");
        assertThat(JsonPath.<Integer>read(suggested.body(), "$.suggestions[0].rank")).isEqualTo(1);
        String passage = JsonPath.read(suggested.body(), "$.suggestions[0].passage");
        assertThat(passage).startsWith("Article 41a. Unaccompanied minors and families with children");
        assertThat(JsonPath.<List<String>>read(suggested.body(), "$.suggestions[0].segments[?(@.match == true)].text"))
                .contains("Unaccompanied", "families", "children", "exempted", "border", "procedure");
        assertThat(EP_TEXT.substring(JsonPath.<Integer>read(suggested.body(), "$.suggestions[0].start"),
                JsonPath.<Integer>read(suggested.body(), "$.suggestions[0].end"))).isEqualTo(passage);
        Instant beforeTheTrail = Instant.now();
        Thread.sleep(5);

        send("PUT", uptake + "/" + mandateStep, focalPoint, "{\"uptake\":\"REFLECTED\",\"passage\":" + quote(passage)
                + ",\"reference\":\"A8-0171/2018, amendment 123\",\"note\":\"The committee took our wording almost word for word.\"}");
        send("PUT", uptake + "/" + adoptedStep, analyst, "{\"uptake\":\"NOT_REFLECTED\",\"reference\":\"Regulation (EU) 2024/1348, Article 53\"}");
        send("PUT", "/dossiers/" + dossierId + "/recommendations/" + recommendationId + "/outcome", focalPoint,
                "{\"outcome\":\"PARTIALLY_ADDRESSED\",\"evidence\":\"Families with children under twelve are exempted in most cases.\"}");

        // the catalogue follows the events a moment later
        HttpResponse<String> trail = new ApiClient(port).awaitGet(uptake, null,
                response -> JsonPath.<String>read(response.body(), "$.outcome") != null);
        assertThat(JsonPath.<List<String>>read(trail.body(), "$.steps[*].stage")).containsExactly("PROPOSAL_ADOPTED", "EP_MANDATE", "ADOPTED");
        assertThat(JsonPath.<List<String>>read(trail.body(), "$.steps[*].uptake")).containsExactly(null, "REFLECTED", "NOT_REFLECTED");
        assertThat(JsonPath.<String>read(trail.body(), "$.steps[1].passage")).isEqualTo(passage);
        assertThat(JsonPath.<String>read(trail.body(), "$.latest")).isEqualTo("NOT_REFLECTED");
        assertThat(JsonPath.<Boolean>read(trail.body(), "$.disagrees")).as("the trail ends not reflected, the outcome is partly addressed").isTrue();

        HttpResponse<String> report = send("GET", "/dossiers/" + dossierId + "/uptake", null, null);
        assertThat(JsonPath.<List<String>>read(report.body(), "$.stages[*].stage")).containsExactly("EP_MANDATE", "ADOPTED");
        assertThat(JsonPath.<List<Integer>>read(report.body(), "$.stages[*].reflected")).containsExactly(1, 0);
        assertThat(JsonPath.<List<Integer>>read(report.body(), "$.stages[*].notReflected")).containsExactly(0, 1);
        assertThat(JsonPath.<Boolean>read(report.body(), "$.recommendations[0].lostAfterParliament")).isTrue();

        HttpResponse<String> impact = send("GET", "/uptake/impact?from=2018-01-01&to=2024-12-31", null, null);
        assertThat(JsonPath.<List<Integer>>read(impact.body(), "$.byRight[?(@.right == 'UNCRC-37')].notReflected")).containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(impact.body(), "$.byRight[?(@.right == 'UNCRC-37')].disagreements")).containsExactly(1);
        HttpResponse<String> csv = send("GET", "/dossiers/" + dossierId + "/uptake/export?format=csv", null, null);
        assertThat(csv.body().lines().filter(line -> line.contains(",EP_MANDATE,2018-05-22,REFLECTED,"))).hasSize(1);

        HttpResponse<String> before = send("GET", uptake + "?asOf=" + URLEncoder.encode(beforeTheTrail.toString(), StandardCharsets.UTF_8), analyst, null);
        assertThat(JsonPath.<List<String>>read(before.body(), "$.steps[*].uptake")).as("as known before").containsOnlyNulls();
    }

    @Test
    void aChangeNeedsAReasonTheSameRecordChangesNothingAndBadInputIsRefused() {
        String reflected = "{\"uptake\":\"PARTIALLY_REFLECTED\",\"passage\":\"Article 41a\",\"reference\":\"A8-0171/2018\"}";
        send("PUT", uptake + "/" + mandateStep, focalPoint, reflected);
        send("PUT", uptake + "/" + mandateStep, focalPoint, reflected);
        long recorded = historyTotal();

        assertRefused("PUT", uptake + "/" + mandateStep, focalPoint, "{\"uptake\":\"REFLECTED\",\"passage\":\"Article 41a\"}", 400, "correction-needs-reason");
        assertRefused("PUT", uptake + "/" + adoptedStep, focalPoint, "{\"uptake\":\"REFLECTED\"}", 400, "required");
        assertRefused("PUT", uptake + "/" + otherMeasureStep, focalPoint, "{\"uptake\":\"NOT_REFLECTED\"}", 422, "step-not-of-linked-measure");
        assertRefused("PUT", uptake + "/" + adoptedStep, tokens.participant(), "{\"uptake\":\"NOT_REFLECTED\"}", 403, null);
        assertRefused("POST", uptake + "/suggestions", focalPoint, "{\"text\":\"some text\",\"language\":\"de\"}", 400, "unknown-language");
        assertThat(historyTotal()).as("nothing recorded by refusals").isEqualTo(recorded);

        send("PUT", uptake + "/" + mandateStep, focalPoint, "{\"uptake\":\"REFLECTED\",\"passage\":\"Article 41a\",\"reference\":\"A8-0171/2018\","
                + "\"reason\":\"the adopted mandate kept the whole exemption\"}");
        HttpResponse<String> timeline = send("GET", "/dossiers/" + dossierId + "/history?kind=UptakeCorrected", analyst, null);
        assertThat(JsonPath.<List<Boolean>>read(timeline.body(), "$.items[*].correction")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(timeline.body(), "$.items[*].summary")).containsExactly("Recommendation uptake corrected at "
                + "Asylum Procedure Regulation, EP_MANDATE of 2018-05-22: REFLECTED (A8-0171/2018) (the adopted mandate kept the whole exemption)");
        assertThat(JsonPath.<String>read(new ApiClient(port).awaitGet(uptake, null, response ->
                JsonPath.<String>read(response.body(), "$.steps[1].correctionReason") != null).body(), "$.steps[1].correctionReason"))
                .isEqualTo("the adopted mandate kept the whole exemption");
    }

    private void assertRefused(String method, String path, String token, String json, int status, String code) {
        HttpResponse<String> refused = new ApiClient(port).send(method, path, token, json, Map.of());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        if (code != null) {
            assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].code")).as(refused.body()).contains(code);
        }
    }

    private long historyTotal() {
        return JsonPath.<Integer>read(send("GET", "/dossiers/" + dossierId + "/history", analyst, null).body(), "$.total");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private HttpResponse<String> send(String method, String path, String token, String json) {
        HttpResponse<String> response = new ApiClient(port).send(method, path, token, json, Map.of());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return response;
    }
}
