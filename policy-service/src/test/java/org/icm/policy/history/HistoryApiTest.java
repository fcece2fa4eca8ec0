package org.icm.policy.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.icm.kernel.api.ChangeReason;
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
 * An analyst replays a dossier: the Asylum Procedure Regulation's trilogue was first recorded on the
 * wrong day and corrected later. Before the correction the history shows the old day, after it the new.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryApiTest {

    @LocalServerPort
    int port;

    final TestTokens tokens = TestTokens.get();
    final AccountId focalPointAccount = AccountId.random();
    final OrganisationId picum = OrganisationId.random();
    String focalPoint;
    String analyst;
    String dossierId;
    String measureId;
    String trilogueStepId;
    String recommendationId;

    @BeforeEach
    void curateADossierWithACorrection() {
        focalPoint = tokens.mint(focalPointAccount, picum, Role.FOCAL_POINT);
        analyst = tokens.mint(AccountId.random(), OrganisationId.random(), Role.ANALYST);
        dossierId = id(send("POST", "/dossiers", focalPoint, "{\"title\":\"Pact on Migration and Asylum\",\"policyArea\":\"ASYLUM\"}", Map.of()));
        measureId = id(send("POST", "/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Asylum Procedure Regulation\",\"type\":\"REGULATION\",\"procedureReference\":\"2016/0224(COD)\"}", Map.of()));
        String steps = "/dossiers/" + dossierId + "/measures/" + measureId + "/steps";
        send("POST", steps, focalPoint, "{\"stage\":\"PROPOSAL_ADOPTED\",\"effectiveDate\":\"2016-07-13\"}", Map.of());
        trilogueStepId = id(send("POST", steps, focalPoint, "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2023-06-05\"}", Map.of()));
        send("POST", steps, focalPoint, "{\"stage\":\"PROVISIONAL_AGREEMENT\",\"effectiveDate\":\"2023-12-20\"}", Map.of());
        recommendationId = id(send("POST", "/dossiers/" + dossierId + "/recommendations", focalPoint,
                "{\"text\":\"Exempt all children and their families from border procedures.\",\"addressees\":[\"COUNCIL\"]}", Map.of()));
        send("PUT", steps + "/" + trilogueStepId, focalPoint,
                "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2023-06-15\",\"reason\":\"the first trilogue met on 15 June, not 5 June\"}", Map.of());
        send("PUT", "/dossiers/" + dossierId + "/recommendations/" + recommendationId + "/text", focalPoint,
                "{\"text\":\"Exempt unaccompanied children and families with children under twelve from border procedures.\"}",
                Map.of("X-Change-Reason", "aligned with the Council's general approach"));
    }

    @Test
    void theTimelineSaysWhatChangedWhoDidItWhyAndMarksTheCorrection() {
        HttpResponse<String> timeline = get("/dossiers/" + dossierId + "/history", analyst);

        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(timeline.body(), "$.total")).isEqualTo(8);
        assertThat(JsonPath.<List<String>>read(timeline.body(), "$.items[*].summary")).containsExactly(
                "Dossier opened: Pact on Migration and Asylum (ASYLUM)",
                "Measure added: Asylum Procedure Regulation (REGULATION, 2016/0224(COD))",
                "Asylum Procedure Regulation: PROPOSAL_ADOPTED, effective 2016-07-13",
                "Asylum Procedure Regulation: PROPOSAL_ADOPTED -> TRILOGUE, effective 2023-06-05",
                "Asylum Procedure Regulation: TRILOGUE -> PROVISIONAL_AGREEMENT, effective 2023-12-20",
                "Recommendation drafted, to COUNCIL",
                "Asylum Procedure Regulation: step corrected from TRILOGUE effective 2023-06-05 to TRILOGUE effective 2023-06-15"
                        + " (the first trilogue met on 15 June, not 5 June)",
                "Recommendation revised (revision 2)");
        assertThat(JsonPath.<List<Boolean>>read(timeline.body(), "$.items[*].correction"))
                .containsExactly(false, false, false, false, false, false, true, false);
        assertThat(JsonPath.<String>read(timeline.body(), "$.items[6].account")).isEqualTo(focalPointAccount.toString());
        assertThat(JsonPath.<String>read(timeline.body(), "$.items[6].organisation")).isEqualTo(picum.toString());
        assertThat(JsonPath.<String>read(timeline.body(), "$.items[7].reason")).isEqualTo("aligned with the Council's general approach");
        assertThat(JsonPath.<List<String>>read(timeline.body(), "$.items[6].changes[*].path"))
                .containsExactly("/measures/" + measureId + "/steps/1/effectiveDate", "/measures/" + measureId + "/steps/1/correctionReason");
        assertThat(JsonPath.<String>read(timeline.body(), "$.items[6].changes[0].oldValue")).isEqualTo("2023-06-05");
        assertThat(JsonPath.<String>read(timeline.body(), "$.items[6].changes[0].newValue")).isEqualTo("2023-06-15");
    }

    @Test
    void aReasonBeyondLatin1ComesEncodedAndIsKeptWholeWhileABadlyEncodedOneChangesNothing() {
        String text = "/dossiers/" + dossierId + "/recommendations/" + recommendationId + "/text";
        String revised = "{\"text\":\"Exempt every child from border procedures.\"}";

        HttpResponse<String> refused = new ApiClient(port).send("PUT", text, focalPoint, revised, Map.of("X-Change-Reason", "UTF-8''50%"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].field")).isEqualTo("X-Change-Reason");
        assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].code")).isEqualTo("malformed-change-reason");
        assertThat(JsonPath.<Integer>read(get("/dossiers/" + dossierId + "/history", analyst).body(), "$.total")).isEqualTo(8);

        String reason = "aligné sur l’orientation générale du Conseil — cœur du compromis";
        send("PUT", text, focalPoint, revised, Map.of("X-Change-Reason", ChangeReason.encode(reason)));
        assertThat(JsonPath.<String>read(get("/dossiers/" + dossierId + "/history", analyst).body(), "$.items[8].reason")).isEqualTo(reason);
    }

    @Test
    void theTimelineFiltersAndPages() {
        String history = "/dossiers/" + dossierId + "/history";
        assertThat(JsonPath.<Integer>read(get(history + "?kind=ProcedureStepCorrected", analyst).body(), "$.total")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(get(history + "?measure=" + measureId, analyst).body(), "$.total")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(get(history + "?recommendation=" + recommendationId, analyst).body(), "$.total")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(get(history + "?field=text", analyst).body(), "$.total")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(get(history + "?actor=" + picum, analyst).body(), "$.total")).isEqualTo(8);
        assertThat(JsonPath.<Integer>read(get(history + "?actor=" + OrganisationId.random(), analyst).body(), "$.total")).isZero();
        HttpResponse<String> secondPage = get(history + "?page=1&size=3", analyst);
        assertThat(JsonPath.<List<Integer>>read(secondPage.body(), "$.items[*].sequence")).containsExactly(3, 4, 5);
    }

    @Test
    void asOfAndValidAtShowWhatWasKnownWhenAboutWhichDay() {
        String corrected = JsonPath.read(get("/dossiers/" + dossierId + "/history?kind=ProcedureStepCorrected", analyst).body(), "$.items[0].recordedAt");
        String beforeCorrection = JsonPath.read(get("/dossiers/" + dossierId + "/history?kind=RecommendationDrafted", analyst).body(),
                "$.items[0].recordedAt");
        String state = "/dossiers/" + dossierId + "/history/state";

        // what the platform showed before the correction, and now
        assertThat(JsonPath.<String>read(get(state + "?asOf=" + encode(beforeCorrection), analyst).body(),
                "$.state.measures." + measureId + ".steps[1].effectiveDate")).isEqualTo("2023-06-05");
        assertThat(JsonPath.<String>read(get(state + "?asOf=" + encode(corrected), analyst).body(),
                "$.state.measures." + measureId + ".steps[1].effectiveDate")).isEqualTo("2023-06-15");

        // on 10 June 2023: known before the correction, the trilogue had started; known now, it had not
        assertThat(stepsOn(state + "?asOf=" + encode(beforeCorrection) + "&validAt=2023-06-10")).containsExactly("PROPOSAL_ADOPTED", "TRILOGUE");
        assertThat(stepsOn(state + "?validAt=2023-06-10")).containsExactly("PROPOSAL_ADOPTED");
        assertThat(stepsOn(state + "?validAt=2024-01-01")).containsExactly("PROPOSAL_ADOPTED", "TRILOGUE", "PROVISIONAL_AGREEMENT");
    }

    @Test
    void aDiffBetweenTwoInstantsNamesTheFieldsAndTheWords() {
        String beforeCorrection = JsonPath.read(get("/dossiers/" + dossierId + "/history?kind=RecommendationDrafted", analyst).body(),
                "$.items[0].recordedAt");

        HttpResponse<String> diff = get("/dossiers/" + dossierId + "/history/diff?from=" + encode(beforeCorrection), analyst);

        assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(diff.body(), "$.changes[*].path")).contains(
                "/measures/" + measureId + "/steps/1/effectiveDate", "/recommendations/" + recommendationId + "/text");
        // "Exempt [all -> unaccompanied] children and [their ->] families [-> with children under twelve] from border procedures."
        assertThat(JsonPath.<List<String>>read(diff.body(), "$.textChanges[0].words[?(@.change=='inserted')].text"))
                .containsExactly("unaccompanied", "with children under twelve");
        assertThat(JsonPath.<List<String>>read(diff.body(), "$.textChanges[0].words[?(@.change=='deleted')].text"))
                .contains("all", "their");
        assertThat(JsonPath.<List<String>>read(diff.body(), "$.textChanges[0].words[?(@.change=='equal')].text"))
                .contains("from border procedures.");
    }

    @Test
    void exportsStreamTheTimelineAsJsonAndCsv() {
        HttpResponse<String> json = get("/dossiers/" + dossierId + "/history/export?format=json", analyst);
        assertThat(JsonPath.<List<Object>>read(json.body(), "$")).hasSize(8);
        assertThat(json.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains(".json"));

        HttpResponse<String> csv = get("/dossiers/" + dossierId + "/history/export?format=csv", analyst);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(9);
        assertThat(lines.getFirst()).startsWith("sequence,recorded_at,account,organisation,reason,kind");
        assertThat(lines.get(7)).contains("ProcedureStepCorrected", "true", "\"Asylum Procedure Regulation: step corrected");

        HttpResponse<String> stateCsv = get("/dossiers/" + dossierId + "/history/state/export?format=csv&validAt=2023-06-10", analyst);
        assertThat(stateCsv.body()).contains("/measures/" + measureId + "/steps/0/stage,PROPOSAL_ADOPTED")
                .doesNotContain("PROVISIONAL_AGREEMENT");
    }

    @Test
    void onlyAnalystsAndFocalPointsReadHistory() {
        String participant = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
        assertThat(get("/dossiers/" + dossierId + "/history", null).statusCode()).isEqualTo(401);
        assertThat(get("/dossiers/" + dossierId + "/history", participant).statusCode()).isEqualTo(403);
        assertThat(get("/dossiers/" + dossierId + "/history/state", participant).statusCode()).isEqualTo(403);
        assertThat(get("/dossiers/" + dossierId + "/history", focalPoint).statusCode()).isEqualTo(200);
        assertThat(get("/dossiers/" + java.util.UUID.randomUUID() + "/history", analyst).statusCode()).isEqualTo(404);
    }

    private List<String> stepsOn(String path) {
        return JsonPath.read(get(path, analyst).body(), "$.state.measures." + measureId + ".steps[*].stage");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpResponse<String> response = new ApiClient(port).send(method, path, token, json, headers);
        if (!method.equals("GET")) {
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        }
        return response;
    }
}
