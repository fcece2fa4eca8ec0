package org.icm.policy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.testing.ApiClient.atVersion;
import static org.icm.testing.ApiClient.read;
import static org.icm.testing.ApiClient.strings;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.service.web.Writes;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Curating a dossier over HTTP, as a focal point and as the public see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    final TestTokens tokens = TestTokens.get();
    final AccountId focalPointAccount = AccountId.random();
    final OrganisationId picum = OrganisationId.random();
    String focalPoint;
    String participant;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        focalPoint = tokens.mint(focalPointAccount, picum, Role.FOCAL_POINT, Role.PARTICIPANT);
        participant = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
    }

    @Test
    void aFocalPointOpensADossierAddsAMeasureAndRecordsItsProcedure() {
        HttpResponse<String> opened = api.post("/dossiers", focalPoint,
                "{\"title\":\"Pact on Migration and Asylum\",\"policyArea\":\"ASYLUM\",\"summary\":\"The 2020 package reforming EU asylum.\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        assertThat(opened.headers().firstValue("ETag")).hasValue("\"0\"");
        String dossierId = read(opened, "$.id");
        assertThat(opened.headers().firstValue("Location")).hasValue("/dossiers/" + dossierId);

        HttpResponse<String> measure = api.post("/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Asylum Procedure Regulation\",\"type\":\"REGULATION\",\"procedureReference\":\"2016/0224(COD)\","
                        + "\"comReference\":\"COM(2020)611\",\"finalAct\":\"Regulation (EU) 2024/1348\"}");
        assertThat(measure.statusCode()).isEqualTo(201);
        String measureId = read(measure, "$.id");
        String steps = "/dossiers/" + dossierId + "/measures/" + measureId + "/steps";
        assertThat(api.post(steps, focalPoint, "{\"stage\":\"PROPOSAL_ADOPTED\",\"effectiveDate\":\"2016-07-13\"}").statusCode()).isEqualTo(201);
        assertThat(api.post(steps, focalPoint, "{\"stage\":\"PROVISIONAL_AGREEMENT\",\"effectiveDate\":\"2023-12-20\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> trilogue = api.post(steps, focalPoint, "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2023-06-15\"}");
        assertThat(trilogue.headers().firstValue("ETag")).hasValue("\"4\"");

        HttpResponse<String> dossier = api.awaitGet("/dossiers/" + dossierId, focalPoint, atVersion(4));
        assertThat(read(dossier, "$.title").toString()).isEqualTo("Pact on Migration and Asylum");
        assertThat(read(dossier, "$.visibility").toString()).isEqualTo("DRAFT");
        assertThat(read(dossier, "$.measures[0].currentStage").toString()).isEqualTo("PROVISIONAL_AGREEMENT");
        assertThat(read(dossier, "$.measures[0].currentStageDate").toString()).isEqualTo("2023-12-20");
        assertThat(JsonPathList.of(dossier, "$.measures[0].steps[*].stage"))
                .containsExactly("PROPOSAL_ADOPTED", "TRILOGUE", "PROVISIONAL_AGREEMENT");
    }

    @Test
    void badInputIsAProblemThatNamesTheFieldAndChangesNothing() {
        String dossierId = openDossier("Return regulation", "RETURN");
        String measures = "/dossiers/" + dossierId + "/measures";

        HttpResponse<String> malformed = api.post(measures, focalPoint,
                "{\"title\":\"Return Directive recast\",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2018-0329-COD\"}");
        assertProblem(malformed, 400, "urn:icm:problem:malformed-procedure-reference");
        assertThat(read(malformed, "$.errors[0].field").toString()).isEqualTo("procedureReference");
        // each field's refusal has a stable code beside its English reason, so a client can say it in its user's language
        assertThat(read(malformed, "$.errors[0].code").toString()).isEqualTo("malformed-procedure-reference");

        // several bad fields: each is named, with its own code, in one answer
        HttpResponse<String> manyWrong = api.post(measures, focalPoint,
                "{\"title\":\" \",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2018-0329-COD\",\"celexNumber\":\"nope\"}");
        assertProblem(manyWrong, 400, "urn:icm:problem:validation");
        assertThat(JsonPath.<List<String>>read(manyWrong.body(), "$.errors[*].field")).containsExactly("title", "procedureReference", "celexNumber");
        assertThat(JsonPath.<List<String>>read(manyWrong.body(), "$.errors[*].code"))
                .containsExactly("required", "malformed-procedure-reference", "malformed-celex-number");

        HttpResponse<String> unknownType = api.post(measures, focalPoint, "{\"title\":\"Return Directive recast\",\"type\":\"TREATY\"}");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(read(unknownType, "$.errors[0].field").toString()).isEqualTo("type");
        assertThat(read(unknownType, "$.errors[0].code").toString()).isEqualTo("wrong-form");

        String measureId = read(api.post(measures, focalPoint,
                "{\"title\":\"Return Directive recast\",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2018/0329(COD)\"}"), "$.id");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(1).toString();
        HttpResponse<String> future = api.post(measures + "/" + measureId + "/steps", focalPoint,
                "{\"stage\":\"ADOPTED\",\"effectiveDate\":\"" + tomorrow + "\"}");
        assertProblem(future, 400, "urn:icm:problem:effective-date-in-future");
        assertThat(read(future, "$.errors[0].field").toString()).isEqualTo("effectiveDate");

        assertThat(api.post(measures + "/" + measureId + "/steps", focalPoint, "{\"stage\":\"LAPSED\",\"effectiveDate\":\"2024-06-01\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> afterExit = api.post(measures + "/" + measureId + "/steps", focalPoint,
                "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2024-09-01\"}");
        assertProblem(afterExit, 422, "urn:icm:problem:step-after-exit");

        // only the dossier, the measure and the LAPSED step were stored
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, dossierId))
                .isEqualTo(3L);
    }

    @Test
    void aStaleIfMatchIsRefusedAndTheCurrentOneAccepted() {
        String dossierId = openDossier("EU Strategy on the Rights of the Child", "CHILD_PROTECTION");
        String edit = "{\"title\":\"EU Strategy on the Rights of the Child 2021-2024\",\"policyArea\":\"CHILD_PROTECTION\"}";

        HttpResponse<String> stale = api.send("PUT", "/dossiers/" + dossierId, focalPoint, edit, Map.of("If-Match", "\"7\""));
        assertProblem(stale, 412, "urn:icm:problem:stale-version");
        assertThat((Integer) read(stale, "$.currentVersion")).isZero();

        HttpResponse<String> current = api.send("PUT", "/dossiers/" + dossierId, focalPoint, edit, Map.of("If-Match", "\"0\""));
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"1\"");
    }

    @Test
    void aWriteThatChangesNothingAnswersTheSameVersionAndLeavesTheHistoryAsItWas() {
        String dossierId = openDossier("Anti-Trafficking Directive recast", "TRAFFICKING");
        String measureId = read(api.post("/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Directive (EU) 2024/1712\",\"type\":\"DIRECTIVE\"}"), "$.id");
        String edit = "{\"title\":\"Anti-Trafficking Directive recast\",\"policyArea\":\"TRAFFICKING\"}";
        HttpResponse<String> same = api.send("PUT", "/dossiers/" + dossierId, focalPoint, edit, Map.of("If-Match", "\"1\""));
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> noDates = api.put("/dossiers/" + dossierId + "/measures/" + measureId + "/key-dates", focalPoint, "{}");
        assertThat(noDates.statusCode()).isEqualTo(200);
        assertThat(noDates.headers().firstValue("ETag")).hasValue("\"1\"");

        String analyst = tokens.mint(AccountId.random(), OrganisationId.random(), Role.ANALYST, Role.PARTICIPANT);
        HttpResponse<String> history = api.get("/dossiers/" + dossierId + "/history", analyst);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(strings(history, "$.items[*].summary")).as("only the real changes: opened, measure added").hasSize(2);
    }

    @Test
    void draftsAreForMembersAndPublishedDossiersForEveryone() {
        String dossierId = openDossier("Anti-Trafficking Directive recast", "TRAFFICKING");
        api.awaitGet("/dossiers/" + dossierId, participant, atVersion(0));

        assertThat(api.get("/dossiers/" + dossierId, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/dossiers?q=Anti-Trafficking", null).body()).doesNotContain(dossierId);
        assertThat(api.get("/dossiers?q=Anti-Trafficking", participant).body()).contains(dossierId);

        assertThat(api.post("/dossiers/" + dossierId + "/publish", focalPoint, null).statusCode()).isEqualTo(200);
        HttpResponse<String> published = api.awaitGet("/dossiers/" + dossierId, null, atVersion(1));
        assertThat(read(published, "$.visibility").toString()).isEqualTo("PUBLISHED");
        assertThat(api.get("/dossiers?q=anti-trafficking&policyArea=TRAFFICKING", null).body()).contains(dossierId);
    }

    @Test
    void onlyFocalPointsCurateAndAnonymousWritesNeedSignIn() {
        assertProblem(api.post("/dossiers", participant, "{\"title\":\"x\",\"policyArea\":\"HEALTH\"}"), 403, "urn:icm:problem:forbidden");
        assertProblem(api.post("/dossiers", null, "{\"title\":\"x\",\"policyArea\":\"HEALTH\"}"), 401, "urn:icm:problem:unauthenticated");
        assertProblem(api.post("/dossiers/" + java.util.UUID.randomUUID() + "/publish", focalPoint, null), 404, "urn:icm:problem:not-found");
    }

    @Test
    void listsFilterByPolicyAreaRightStageAndText() {
        String dossierId = openDossier("Reception Conditions Directive", "RECEPTION");
        assertThat(api.put("/dossiers/" + dossierId + "/rights/UNCRC-37", focalPoint,
                "{\"rationale\":\"Reception can become de facto detention of children.\"}").statusCode()).isEqualTo(200);
        String measureId = read(api.post("/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Reception Conditions Directive recast\",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2016/0222(COD)\"}"), "$.id");
        api.post("/dossiers/" + dossierId + "/measures/" + measureId + "/steps", focalPoint,
                "{\"stage\":\"PUBLISHED_IN_OJ\",\"effectiveDate\":\"2024-05-22\"}");
        api.awaitGet("/dossiers/" + dossierId, focalPoint, atVersion(3));

        assertThat(api.get("/dossiers?right=UNCRC-37&stage=PUBLISHED_IN_OJ&policyArea=RECEPTION", focalPoint).body()).contains(dossierId);
        assertThat(api.get("/dossiers?right=UNCRC-12", focalPoint).body()).doesNotContain(dossierId);
        assertThat(api.get("/dossiers?stage=TRILOGUE", focalPoint).body()).doesNotContain(dossierId);
        assertThat(api.get("/dossiers?q=reception%20conditions", focalPoint).body()).contains(dossierId);
        HttpResponse<String> detail = api.get("/dossiers/" + dossierId, focalPoint);
        assertThat(read(detail, "$.rightsAtStake[0].title").toString()).isEqualTo("Torture and deprivation of liberty");
        assertProblem(api.put("/dossiers/" + dossierId + "/rights/UNCRC-99", focalPoint, "{\"rationale\":\"x\"}"), 400,
                "urn:icm:problem:unknown-right");
    }

    @Test
    void recommendationsAreRevisedPublishedAndEndorsedByTheirOwnOrganisation() {
        String dossierId = openDossier("Pact on Migration and Asylum", "ASYLUM");
        String recommendations = "/dossiers/" + dossierId + "/recommendations";
        HttpResponse<String> drafted = api.post(recommendations, focalPoint,
                "{\"text\":\"Exempt all children and their families from border procedures.\",\"addressees\":[\"EUROPEAN_PARLIAMENT\",\"COUNCIL\"]}");
        assertThat(drafted.statusCode()).isEqualTo(201);
        String recommendation = recommendations + "/" + read(drafted, "$.id");
        // an array of nulls, as a careless client sends it: a refusal naming the field, not a server error
        HttpResponse<String> nulls = api.post(recommendations, focalPoint, "{\"text\":\"x\",\"addressees\":[\"COUNCIL\"],\"measureIds\":[null,null,null]}");
        assertThat(nulls.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(nulls.body(), "$.errors[*].field")).containsExactly("measureIds");

        HttpResponse<String> revised = api.send("PUT", recommendation + "/text", focalPoint,
                "{\"text\":\"Exempt unaccompanied children and families with children under twelve from border procedures.\"}",
                Map.of(Writes.REASON_HEADER, "aligned with the Council's general approach"));
        assertThat(revised.statusCode()).isEqualTo(200);
        for (String status : List.of("IN_REVIEW", "ADOPTED", "PUBLISHED")) {
            assertThat(api.put(recommendation + "/status", focalPoint, "{\"status\":\"" + status + "\"}").statusCode()).isEqualTo(200);
        }
        OrganisationId ngo = OrganisationId.random();
        String ngoStaff = tokens.mint(AccountId.random(), ngo, Role.PARTICIPANT);
        assertThat(api.put(recommendation + "/endorsements/" + ngo, ngoStaff, null).statusCode()).isEqualTo(200);
        assertProblem(api.put(recommendation + "/endorsements/" + ngo, ngoStaff, null), 422, "urn:icm:problem:duplicate-endorsement");
        assertProblem(api.put(recommendation + "/endorsements/" + OrganisationId.random(), ngoStaff, null), 403, "urn:icm:problem:forbidden");

        HttpResponse<String> read = api.awaitGet(recommendation, participant, atVersion(6));
        assertThat(read(read, "$.status").toString()).isEqualTo("PUBLISHED");
        assertThat(read(read, "$.revision").toString()).isEqualTo("2");
        assertThat(JsonPathList.of(read, "$.endorsements[*]")).containsExactly(ngo.toString());
        assertThat(read(read, "$.revisions[1].reason").toString()).isEqualTo("aligned with the Council's general approach");
        assertThat(read(read, "$.revisions[1].account").toString()).isEqualTo(focalPointAccount.toString());
        assertThat(read(read, "$.revisions[0].text").toString()).isEqualTo("Exempt all children and their families from border procedures.");
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        HttpResponse<String> document = api.get("/v3/api-docs", null);

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"/dossiers/{dossierId}/measures/{measureId}/steps\"", "\"/dossiers/{dossierId}/recommendations/{recommendationId}/endorsements/{organisationId}\"");
        // each text's maximum length is the dossier's own (the fuzz test checks that every text has one)
        assertThat(JsonPath.<Integer>read(document.body(), "$.components.schemas.DossierFields.properties.title.maxLength")).isEqualTo(300);
        assertThat(JsonPath.<Integer>read(document.body(), "$.components.schemas.DossierFields.properties.summary.maxLength")).isEqualTo(20_000);
    }

    private String openDossier(String title, String policyArea) {
        HttpResponse<String> opened = api.post("/dossiers", focalPoint, "{\"title\":\"" + title + "\",\"policyArea\":\"" + policyArea + "\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        return read(opened, "$.id");
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(response, "$.type").toString()).isEqualTo(type);
    }

    /** JsonPath answers lists of objects; tests compare them as strings. */
    static final class JsonPathList {
        static List<String> of(HttpResponse<String> response, String path) {
            List<Object> values = read(response, path);
            return values.stream().map(String::valueOf).toList();
        }
    }
}
