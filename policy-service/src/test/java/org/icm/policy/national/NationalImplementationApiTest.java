package org.icm.policy.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.IcmClaims;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Greek member organisation records Greece's transposition of the Reception Conditions Directive (Directive (EU)
 * 2024/1346, transposition deadline 12 June 2026): the measure's table of states and Greece's page show it, with the
 * organisation as the source; a member working in France may not record it for Greece; bad input changes nothing; an
 * analyst's view as known before the record does not show it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NationalImplementationApiTest {

    @LocalServerPort
    int port;

    final TestTokens tokens = TestTokens.get();
    final OrganisationId greekMember = OrganisationId.random();
    String focalPoint;
    String greekParticipant;
    String frenchParticipant;
    String analyst;
    String dossierId;
    String directiveId;
    String regulationId;
    String greece;

    @BeforeEach
    void aPublishedDossierWithTheReceptionConditionsDirective() {
        focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        greekParticipant = participantOf(greekMember, "GR", "CY");
        frenchParticipant = participantOf(OrganisationId.random(), "FR");
        analyst = tokens.mint(AccountId.random(), OrganisationId.random(), Role.ANALYST);
        dossierId = id(send("POST", "/dossiers", focalPoint, "{\"title\":\"Pact on Migration and Asylum\",\"policyArea\":\"RECEPTION\"}"));
        directiveId = id(send("POST", "/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Reception Conditions Directive\",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2016/0222(COD)\","
                        + "\"celexNumber\":\"32024L1346\"}"));
        send("PUT", "/dossiers/" + dossierId + "/measures/" + directiveId + "/key-dates", focalPoint,
                "{\"entryIntoForce\":\"2024-06-11\",\"transpositionDeadline\":\"2026-06-12\"}");
        regulationId = id(send("POST", "/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Asylum Procedure Regulation\",\"type\":\"REGULATION\",\"procedureReference\":\"2016/0224(COD)\"}"));
        send("POST", "/dossiers/" + dossierId + "/publish", focalPoint, null);
        greece = "/dossiers/" + dossierId + "/measures/" + directiveId + "/countries/GR";
    }

    private String participantOf(OrganisationId organisation, String... countries) {
        return tokens.sign(tokens.claims(AccountId.random(), organisation, Role.PARTICIPANT).claim(IcmClaims.COUNTRIES, List.of(countries)).build());
    }

    @Test
    void aGreekMemberRecordsGreecesTranspositionAndEveryoneReadsItWithItsSource() {
        id(send("POST", greece + "/national-measures", greekParticipant, "{\"kind\":\"TRANSPOSITION_MEASURE\",\"title\":\"Law 5089/2026 on "
                + "reception of applicants (fictional)\",\"reference\":\"ΦΕΚ Α 12/2026\",\"adoptedOn\":\"2026-10-01\","
                + "\"link\":\"https://www.example.org/gr/law-5089-2026\"}"));
        send("PUT", greece + "/transposition", greekParticipant, "{\"status\":\"PARTIAL\",\"effectiveDate\":\"2026-10-01\","
                + "\"source\":\"Notification to the Commission (fictional)\"}");
        id(send("POST", greece + "/infringement-steps", focalPoint,
                "{\"stage\":\"LETTER_OF_FORMAL_NOTICE\",\"reference\":\"INFR(2026)0123\",\"effectiveDate\":\"2026-07-24\"}"));
        id(send("POST", greece + "/notes", greekParticipant,
                "{\"text\":\"Children wait months for a guardian in the reception centres of the islands.\",\"rightCode\":\"UNCRC-20\"}"));

        HttpResponse<String> table = get("/dossiers/" + dossierId + "/measures/" + directiveId + "/countries", null);
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(table.body(), "$.summary.total")).isEqualTo(27);
        assertThat(JsonPath.<Integer>read(table.body(), "$.summary.partial")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(table.body(), "$.summary.noInformation")).isEqualTo(26);
        assertThat(JsonPath.<String>read(table.body(), "$.transpositionDeadline")).isEqualTo("2026-06-12");
        Map<String, Object> greekRow = JsonPath.<List<Map<String, Object>>>read(table.body(), "$.countries[?(@.country == 'GR')]").getFirst();
        assertThat(greekRow).containsEntry("countryName", "Greece").containsEntry("status", "PARTIAL")
                .containsEntry("statusSince", "2026-10-01").containsEntry("sourceOrganisation", greekMember.toString())
                .containsEntry("nationalMeasures", 1).containsEntry("infringementStage", "LETTER_OF_FORMAL_NOTICE")
                .containsEntry("deadlinePassed", LocalDate.now(ZoneId.of("Europe/Brussels")).isAfter(LocalDate.of(2026, 6, 12)));
        HttpResponse<String> partialOnly = get("/dossiers/" + dossierId + "/measures/" + directiveId + "/countries?status=PARTIAL", null);
        assertThat(JsonPath.<List<String>>read(partialOnly.body(), "$.countries[*].country")).containsExactly("GR");

        HttpResponse<String> page = get("/countries/GR", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String measure = "$.measures[?(@.measureId == '" + directiveId + "')]";
        assertThat(JsonPath.<List<String>>read(page.body(), measure + ".implementation.measures[0].title"))
                .containsExactly("Law 5089/2026 on reception of applicants (fictional)");
        assertThat(JsonPath.<List<String>>read(page.body(), measure + ".implementation.notes[0].rightCode")).containsExactly("UNCRC-20");
        assertThat(JsonPath.<List<String>>read(page.body(), measure + ".row.status")).containsExactly("PARTIAL");
        assertThat(JsonPath.<List<String>>read(page.body(), "$.measures[*].measureTitle"))
                .contains("Reception Conditions Directive", "Asylum Procedure Regulation");
        assertThat(JsonPath.<List<String>>read(page.body(), "$.deadlines[?(@.kind == 'TRANSPOSITION')].date")).contains("2026-06-12");
        assertThat(get("/countries/US", null).statusCode()).as("not a followed country").isEqualTo(404);

        HttpResponse<String> greekDossiers = new ApiClient(port).awaitGet("/dossiers?country=GR", null,
                response -> JsonPath.<List<String>>read(response.body(), "$.items[*].id").contains(dossierId));
        assertThat(JsonPath.<List<String>>read(greekDossiers.body(), "$.items[*].id")).contains(dossierId);
        assertThat(JsonPath.<List<String>>read(get("/dossiers?country=FR", null).body(), "$.items[*].id")).doesNotContain(dossierId);
    }

    @Test
    void aMemberRecordsOnlyForTheCountriesItsOrganisationWorksInAndAFocalPointForAll() {
        String facts = "{\"status\":\"COMPLETE\",\"effectiveDate\":\"2026-09-01\",\"source\":\"Notification to the Commission (fictional)\"}";
        HttpResponse<String> refused = new ApiClient(port).send("PUT", greece + "/transposition", frenchParticipant, facts, Map.of());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("not-your-country").contains("FR").contains("GR");
        HttpResponse<String> analystRefused = new ApiClient(port).send("PUT", greece + "/transposition", analyst, facts, Map.of());
        assertThat(analystRefused.statusCode()).isEqualTo(403);
        assertThat(historyTotal()).as("nothing recorded").isEqualTo(5);

        send("PUT", "/dossiers/" + dossierId + "/measures/" + directiveId + "/countries/FR/transposition", frenchParticipant, facts);
        send("PUT", greece + "/transposition", focalPoint, facts);
        assertThat(historyTotal()).isEqualTo(7);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        assertRefused(greece + "/national-measures", "{\"kind\":\"IMPLEMENTATION_PLAN\",\"title\":\"Plan\",\"adoptedOn\":\"2026-01-01\"}",
                "kind", "kind-not-for-measure-type");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(1).toString();
        assertRefused(greece + "/national-measures", "{\"kind\":\"TRANSPOSITION_MEASURE\",\"title\":\"Law\",\"adoptedOn\":\"" + tomorrow
                + "\",\"link\":\"javascript:alert(1)\"}", "adoptedOn", "effective-date-in-future");
        assertRefused(greece + "/national-measures", "{\"kind\":\"TRANSPOSITION_MEASURE\",\"title\":\"Law\",\"adoptedOn\":\"2026-01-01\","
                + "\"link\":\"javascript:alert(1)\"}", "link", "malformed-link");
        assertRefused(greece + "/infringement-steps", "{\"stage\":\"REASONED_OPINION\",\"reference\":\"2026/2145\",\"effectiveDate\":\"2026-01-01\"}",
                "reference", "malformed-infringement-reference");
        assertRefused("/dossiers/" + dossierId + "/measures/" + regulationId + "/countries/GR/transposition",
                "{\"status\":\"PARTIAL\",\"effectiveDate\":\"2026-01-01\",\"source\":\"Notification\"}", "status", "transposed-directives-only");
        assertRefused("/dossiers/" + dossierId + "/measures/" + directiveId + "/countries/US/transposition",
                "{\"status\":\"PARTIAL\",\"effectiveDate\":\"2026-01-01\",\"source\":\"Notification\"}", "country", "country-not-followed");
        assertRefused(greece + "/notes", "{\"text\":\"About guardians\",\"rightCode\":\"UNCRC-99\"}", "rightCode", "unknown-right");
        assertThat(historyTotal()).as("nothing recorded").isEqualTo(5);
    }

    @Test
    void theSameDeclarationTwiceIsRecordedOnceAndACorrectionKeepsItsReason() {
        String declaration = "{\"status\":\"NOT_NOTIFIED\",\"effectiveDate\":\"2026-06-13\",\"source\":\"Commission's transposition table\"}";
        send("PUT", greece + "/transposition", greekParticipant, declaration);
        send("PUT", greece + "/transposition", greekParticipant, declaration);
        assertThat(historyTotal()).isEqualTo(6);

        String law = send("POST", greece + "/national-measures", greekParticipant,
                "{\"kind\":\"TRANSPOSITION_MEASURE\",\"title\":\"Law 5089/2026 (fictional)\",\"adoptedOn\":\"2026-10-01\"}")
                .headers().firstValue("Location").orElseThrow();
        send("PUT", law, greekParticipant, "{\"kind\":\"TRANSPOSITION_MEASURE\",\"title\":\"Law 5089/2026 (fictional)\","
                + "\"adoptedOn\":\"2026-10-02\",\"reason\":\"published in the journal on 2 October\"}");
        HttpResponse<String> timeline = get("/dossiers/" + dossierId + "/history?measure=" + directiveId, analyst);
        assertThat(JsonPath.<List<String>>read(timeline.body(), "$.items[*].summary")).contains(
                "Reception Conditions Directive, GR: transposition declared NOT_NOTIFIED from 2026-06-13 (source: Commission's transposition table)",
                "Reception Conditions Directive, GR: national measure corrected: Law 5089/2026 (fictional), adopted 2026-10-02"
                        + " (published in the journal on 2 October)");
    }

    @Test
    void anAnalystSeesWhatWasKnownAtAnInstantAndWhatStoodOnADay() throws InterruptedException {
        send("PUT", greece + "/transposition", greekParticipant, "{\"status\":\"NOT_NOTIFIED\",\"effectiveDate\":\"2026-06-13\","
                + "\"source\":\"Commission's transposition table\"}");
        Thread.sleep(5); // record time has millisecond resolution: the next record is after this instant
        Instant beforeTheLaw = Instant.now();
        Thread.sleep(5);
        send("PUT", greece + "/transposition", greekParticipant, "{\"status\":\"COMPLETE\",\"effectiveDate\":\"2026-10-01\","
                + "\"source\":\"Notification to the Commission (fictional)\"}");

        String asOf = "/dossiers/" + dossierId + "/history/national/" + directiveId;
        assertThat(status(get(asOf + "?asOf=" + encode(beforeTheLaw.toString()), analyst))).isEqualTo("NOT_NOTIFIED");
        assertThat(status(get(asOf, analyst))).isEqualTo("COMPLETE");
        assertThat(status(get(asOf + "?validAt=2026-09-30", analyst))).as("as it stood the day before").isEqualTo("NOT_NOTIFIED");
        assertThat(status(get(asOf + "?validAt=2026-06-01", analyst))).as("before any declaration").isNull();
        assertThat(get(asOf, greekParticipant).statusCode()).as("history is for analysts").isEqualTo(403);

        HttpResponse<String> csv = get("/national-implementation/export?format=csv&asOf=" + encode(beforeTheLaw.toString()), analyst);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().lines().filter(line -> line.startsWith(dossierId + ",") && line.contains("," + directiveId + ",")
                && line.contains(",GR,"))).singleElement().asString().contains(",NOT_NOTIFIED,2026-06-13,");
        HttpResponse<String> json = get("/national-implementation/export?format=json", analyst);
        assertThat(JsonPath.<List<String>>read(json.body(), "$[?(@.measureId == '" + directiveId + "' && @.row.country == 'GR')].row.status"))
                .containsExactly("COMPLETE");
    }

    private static String status(HttpResponse<String> table) {
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        return JsonPath.<List<String>>read(table.body(), "$.countries[?(@.country == 'GR')].status").getFirst();
    }

    private void assertRefused(String path, String json, String field, String code) {
        String token = path.contains("/countries/GR/") ? greekParticipant : focalPoint; // who may record there
        HttpResponse<String> refused = new ApiClient(port).send(path.endsWith("/transposition") ? "PUT" : "POST", path, token, json, Map.of());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).as(refused.body()).contains(field);
        assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].code")).as(refused.body()).contains(code);
    }

    private long historyTotal() {
        return JsonPath.<Integer>read(get("/dossiers/" + dossierId + "/history", analyst).body(), "$.total");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private HttpResponse<String> get(String path, String token) {
        return new ApiClient(port).send("GET", path, token, null, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String token, String json) {
        HttpResponse<String> response = new ApiClient(port).send(method, path, token, json, Map.of());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        return response;
    }
}
