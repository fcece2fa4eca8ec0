package org.icm.web.focalpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.web.StandInGateway.answer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.icm.kernel.api.ChangeReason;
import org.icm.web.SignedIn;
import org.icm.web.StandInGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * The curate page as a signed-in focal point sees it, in front of a real HTTP server standing in for the gateway.
 * The sign-in itself needs the platform's issuer (the browser journey CurationJourneysIT does it for real); here the
 * session holds what a sign-in leaves there (the authentication and the tokens, through the application's own
 * repository), and requests go through the application's real security filter chain (CSRF, roles).
 */
@SpringBootTest
class CuratePageTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final StandInGateway gateway = startGateway();

    @Autowired
    WebApplicationContext context;

    MockMvc web;
    MockHttpSession session;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        gateway.isThePlatformFor(registry);
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @BeforeEach
    void signedInAsAFocalPoint() {
        SignedIn focalPoint = SignedIn.as(context, "focal-point", "FOCAL_POINT");
        web = focalPoint.web();
        session = focalPoint.session();
        received.clear();
    }

    @Test
    void theCuratePageOffersEveryCurationFormWithTheVersionItShows() throws Exception {
        String page = page("/dossiers/d1/curate");

        assertThat(page).contains("Curate: Screening of third-country nationals")
                .contains("id=\"dossier-title\"").contains("value=\"Screening of third-country nationals\"")
                .contains("id=\"publish\"").contains("id=\"archive\"").doesNotContain("id=\"return-to-draft\"")
                .contains("id=\"measure-m1-title\"").contains("id=\"dates-m1-transpositionDeadline\"").contains("id=\"correct-m1-stepId\"")
                .contains("value=\"s1\"").contains("id=\"untag-CRC-37-reason\"").contains("id=\"right-CRC-37\"")
                .contains("id=\"addressees-r1-COUNCIL\"").contains("id=\"link-r1-measureId\"").contains("id=\"link-r1-m1\"")
                .contains("id=\"new-measure-form\"");
        assertThat(Pattern.compile("name=\"version\" value=\"7\"").matcher(page).results().count()).isGreaterThanOrEqualTo(8);
        assertThat(received).allMatch(line -> line.startsWith("GET /api/policy/dossiers/d1 ") && line.contains("Bearer focal-point-token"));
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedAndReachesNoServiceAndNoPageCanBeFramed() throws Exception {
        MvcResult page = web.perform(get("/dossiers/d1/curate").session(session)).andReturn();
        assertThat(page.getResponse().getHeader("X-Frame-Options")).as("clickjacking").isEqualTo("DENY");
        received.clear();

        // what a page elsewhere would make the focal point's browser send: the session cookie, but not the form's token
        MvcResult forged = web.perform(post("/dossiers/d1/curate/measures/m1/key-dates").session(session)
                .param("version", "7").param("transpositionDeadline", "2023-01-01")).andReturn();

        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(received).as("nothing reached a service").isEmpty();
    }

    @Test
    void aRefusalShowsTheReasonNextToTheFieldOfTheRefusedFormAndKeepsWhatWasTyped() throws Exception {
        String csrf = SignedIn.csrfToken(page("/dossiers/d1/curate"));

        MvcResult refused = web.perform(post("/dossiers/d1/curate/measures/m1/key-dates").session(session).param("_csrf", csrf)
                .param("version", "7").param("entryIntoForce", "2024-06-11").param("application", "2026-06-12")
                .param("transpositionDeadline", "2023-01-01")).andReturn();

        String page = refused.getResponse().getContentAsString();
        assertThat(page).contains("id=\"error-summary\"").contains("the transposition deadline cannot come before the entry into force")
                .contains("id=\"dates-m1-transpositionDeadline-error\"").contains("value=\"2023-01-01\"").contains("value=\"2026-06-12\"")
                .contains("aria-invalid=\"true\"").doesNotContain("id=\"measure-m1-title-error\"")
                .contains("href=\"#dates-m1-transpositionDeadline-error\"");
        assertThat(received).anyMatch(line -> line.startsWith("PUT /api/policy/dossiers/d1/measures/m1/key-dates ") && line.contains("If-Match=\"7\"")
                && line.contains("\"transpositionDeadline\":\"2023-01-01\""));
    }

    @Test
    void untaggingSendsTheReasonAndTheVersionAndTheRedirectCarriesTheVersionTheWriteMade() throws Exception {
        String csrf = SignedIn.csrfToken(page("/dossiers/d1/curate"));

        MvcResult untagged = web.perform(post("/dossiers/d1/curate/rights/CRC-37/untag").session(session).param("_csrf", csrf)
                .param("version", "7").param("reason", "Detention is no longer in the text")).andReturn();

        assertThat(untagged.getResponse().getStatus()).isEqualTo(302);
        assertThat(untagged.getResponse().getRedirectedUrl()).isEqualTo("/dossiers/d1/curate?seen=8#rights-heading");
        assertThat(received).anyMatch(line -> line.startsWith("DELETE /api/policy/dossiers/d1/rights/CRC-37 ") && line.contains("If-Match=\"7\"")
                && line.contains("X-Change-Reason=Detention is no longer in the text"));
    }

    @Test
    void aReasonInFrenchReachesTheServiceWholeThoughAHeaderCarriesLatin1AtMost() throws Exception {
        String reason = "L’article sur la rétention a été retiré — cœur du compromis";
        String csrf = SignedIn.csrfToken(page("/dossiers/d1/curate"));

        web.perform(post("/dossiers/d1/curate/rights/CRC-37/untag").session(session).param("_csrf", csrf)
                .param("version", "7").param("reason", reason)).andReturn();

        String sent = received.stream().filter(line -> line.startsWith("DELETE /api/policy/dossiers/d1/rights/CRC-37 ") && line.contains("UTF-8''"))
                .findFirst().orElseThrow();
        String header = sent.substring(sent.indexOf("X-Change-Reason=") + "X-Change-Reason=".length()).split(" ")[0];
        assertThat(ChangeReason.decode(header)).isEqualTo(reason);
    }

    @Test
    void aWriteRefusedAsStaleSaysSomeoneChangedTheDossierAndKeepsWhatWasTyped() throws Exception {
        String csrf = SignedIn.csrfToken(page("/dossiers/d1/curate"));

        String page = web.perform(post("/dossiers/d1/curate/measures/m1").session(session).param("_csrf", csrf).param("version", "6")
                        .param("title", "Screening Regulation, as adopted").param("type", "REGULATION").param("procedureReference", "2020/0278(COD)"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"error-summary\"").contains("Someone changed this dossier since you opened the page")
                .contains("value=\"Screening Regulation, as adopted\"").contains("name=\"version\" value=\"7\"");
        assertThat(received).anyMatch(line -> line.startsWith("PUT /api/policy/dossiers/d1/measures/m1 ") && line.contains("If-Match=\"6\""));
    }

    @Test
    void aLifecycleActionOtherThanTheButtonsIsRefusedAndNothingIsSent() throws Exception {
        String csrf = SignedIn.csrfToken(page("/dossiers/d1/curate"));

        String page = web.perform(post("/dossiers/d1/curate/lifecycle").session(session).param("_csrf", csrf).param("version", "7")
                .param("action", "delete")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"lifecycle-action-error\"").contains("choose one of the buttons");
        assertThat(received).noneMatch(line -> line.startsWith("POST"));
    }

    @Test
    void openingADossierGoesToItsCuratePageAskingForTheVersionTheWriteMade() throws Exception {
        String csrf = SignedIn.csrfToken(page("/dossiers/new"));

        MvcResult opened = web.perform(post("/dossiers/new").session(session).param("_csrf", csrf).param("title", "Returns regulation")
                .param("policyArea", "RETURN").param("summary", "")).andReturn();

        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/dossiers/d-new/curate?seen=0");
        assertThat(received).anyMatch(line -> line.startsWith("POST /api/policy/dossiers ")
                && line.contains("{\"title\":\"Returns regulation\",\"policyArea\":\"RETURN\",\"summary\":null}"));
    }

    private String page(String path) throws Exception {
        MvcResult result = web.perform(get(path).session(session).accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The policy service behind the gateway for one dossier; records each request (method, path, If-Match, reason, token, body). */
    private static StandInGateway startGateway() {
        return StandInGateway.start(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            received.add(method + " " + path + " If-Match=" + headers.getFirst("If-Match") + " X-Change-Reason=" + headers.getFirst("X-Change-Reason")
                    + " " + headers.getFirst("Authorization") + " " + body);
            if (method.equals("GET") && path.equals("/api/policy/dossiers/d1")) {
                answer(exchange, 200, "application/json", DOSSIER);
            } else if (method.equals("PUT") && path.endsWith("/key-dates")) {
                answer(exchange, 400, "application/problem+json", """
                        {"type":"urn:icm:problem:validation","title":"Invalid request","status":400,
                        "detail":"transpositionDeadline: the transposition deadline cannot come before the entry into force",
                        "errors":[{"field":"transpositionDeadline","reason":"the transposition deadline cannot come before the entry into force"}]}""");
            } else if (method.equals("PUT") && path.equals("/api/policy/dossiers/d1/measures/m1")) {
                answer(exchange, 412, "application/problem+json", """
                        {"title":"Precondition Failed","status":412,"detail":"the dossier is at version 7, not 6"}""");
            } else if (method.equals("POST") && path.equals("/api/policy/dossiers")) {
                answer(exchange, 201, "application/json", "{\"id\":\"d-new\",\"version\":0}");
            } else if (method.equals("DELETE")) {
                answer(exchange, 200, "application/json", "{\"id\":\"d1\",\"version\":8}");
            } else {
                answer(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            }
        });
    }

    static final String DOSSIER = """
            {"id":"d1","title":"Screening of third-country nationals","policyArea":"BORDERS","summary":"Checks at the external borders.",
             "leadOrganisation":"org-1","visibility":"DRAFT","status":"OPEN","version":7,"lastChangedAt":"2026-11-29T08:00:00Z",
             "measures":[{"id":"m1","title":"Screening Regulation","type":"REGULATION","procedureReference":"2020/0278(COD)",
               "comReference":null,"celexNumber":null,"finalAct":null,"currentStage":"ADOPTED","currentStageDate":"2024-05-14",
               "steps":[{"stepId":"s1","stage":"ADOPTED","effectiveDate":"2024-05-14","note":null,"documentReference":null,"correctionReason":null}],
               "entryIntoForce":"2024-06-11","application":null,"transpositionDeadline":null},
              {"id":"m2","title":"Eurodac Regulation","type":"REGULATION","procedureReference":null,"comReference":null,"celexNumber":null,
               "finalAct":null,"currentStage":"PROPOSAL","currentStageDate":null,"steps":[],"entryIntoForce":null,"application":null,
               "transpositionDeadline":null}],
             "rightsAtStake":[{"code":"CRC-37","instrument":"CRC","article":"37","title":"Liberty","rationale":"Detention at the border."}],
             "recommendations":[{"id":"r1","text":"Exempt children from screening.","revision":1,"addressees":["COUNCIL"],"measureIds":["m1"],
               "status":"DRAFT","outcome":null,"outcomeEvidence":null,"endorsements":0}]}""";

}
