package org.icm.web.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.web.StandInGateway.answer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
import org.springframework.web.context.WebApplicationContext;

/**
 * A meeting's briefing in the web client, in front of a real HTTP server standing in for the gateway (answering what the
 * policy, events and notification services answer): each dossier's changes with late news and corrections said in words, a
 * recommendation's new words marked and escaped, the EU events and consultations heard of since, the period and the
 * instant passed on, French, a member's followed dossiers after the agenda's, and the page for a meeting the policy
 * service does not know yet. The browser journeys on the whole platform are end-to-end's.
 */
@SpringBootTest
class BriefingPagesTest {

    static final StandInGateway gateway = startGateway();

    static final String BRIEFING = "/calendar/meetings/m2/briefing";

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
    void aBriefingShowsEachDossiersChangesInOrderWithLateNewsAndCorrectionsSaidInWords() throws Exception {
        String page = visitor.page(BRIEFING, "en");

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/meetings/m2/briefing ") && line.contains("Authorization=null"));
        assertThat(page).contains("<h1 id=\"briefing-title\">Briefing: Summer network meeting</h1>")
                .contains("<p class=\"lead\" id=\"briefing-period\">Since the previous meeting, Spring network meeting, on March 3, 2025.</p>")
                // the changes of each dossier in the order recorded, each with its line and its effective date
                .contains("<a href=\"/dossiers/d1\">Asylum procedures for children</a>")
                .contains("Asylum Procedure Regulation: TRILOGUE -&gt; PROVISIONAL_AGREEMENT, effective 2025-03-07")
                .contains("<time datetime=\"2025-03-07\">March 7, 2025</time>")
                // late news: a word, not a colour, and why
                .contains("<strong class=\"tag late-news\" id=\"late-d1-15\">Late news</strong>")
                .contains("<time datetime=\"2025-02-20\">February 20, 2025</time><span> — before this period began</span>")
                .contains("“Late news” marks a change recorded in this period but effective before it began")
                // a correction, as a correction, with its reason
                .contains("<strong class=\"tag\" id=\"correction-d1-16\">Correction</strong>")
                .contains("<dt>Why it was corrected</dt>").contains("<dd id=\"reason-d1-16\" class=\"pre-line\">The Council’s date was wrong</dd>")
                .contains("<span class=\"change-kind\">Stage move corrected:</span>")
                // a dossier with nothing new says so
                .contains("<p id=\"briefing-nothing-d2\">Nothing recorded on this dossier since March 3, 2025.</p>")
                // printable: the forms are not printed
                .contains("class=\"printable\"").contains("id=\"briefing-form\"").contains("class=\"filters no-print\"");
        assertThat(page.indexOf("id=\"change-d1-14\"")).isLessThan(page.indexOf("id=\"change-d1-15\""));
        assertThat(page.indexOf("id=\"change-d1-15\"")).isLessThan(page.indexOf("id=\"change-d1-16\""));
        assertThat(page.indexOf("id=\"change-d1-16\"")).isLessThan(page.indexOf("id=\"change-d1-17\""));
        assertThat(page).as("only the late change is marked late, only the correction a correction")
                .doesNotContain("id=\"late-d1-14\"").doesNotContain("id=\"late-d1-16\"").doesNotContain("id=\"correction-d1-15\"")
                .contains("id=\"change-d1-15\" class=\"briefing-change late-news\"").contains("id=\"change-d1-16\" class=\"briefing-change correction\"");
        // a visitor goes to the dossier's page, at the measure or the recommendation; no instant to choose
        assertThat(page).contains("<a href=\"/dossiers/d1#measure-m1\" id=\"change-link-d1-14\"><span>See it in the dossier</span>"
                        + "<span class=\"visually-hidden\"> (Stage move, ")
                .contains("<a href=\"/dossiers/d1#recommendation-r1\" id=\"change-link-d1-17\"><span>See it in the dossier</span>")
                .doesNotContain("/history/diff").doesNotContain("id=\"briefing-asOf\"");
    }

    @Test
    void aRecommendationsNewWordsAreMarkedAsRemovedAndAddedAndShownAsText() throws Exception {
        String page = visitor.page(BRIEFING, "en");

        assertThat(page).contains("<p class=\"words\" id=\"words-d1-17\"><span>Exempt</span> "
                        + "<del><span class=\"visually-hidden\">removed:</span> <span>unaccompanied</span></del> "
                        + "<ins><span class=\"visually-hidden\">added:</span> <span>all &lt;script&gt;alert(1)&lt;/script&gt;</span></ins> "
                        + "<span>children from border procedures</span> </p>")
                .contains("removed words are struck through, added words are underlined")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void theNewEuEventsAndConsultationsShowWithTheirDatesDeadlinesAndLinks() throws Exception {
        String page = squeezed(visitor.page(BRIEFING, "en"));

        assertThat(page).contains("<li class=\"card\" id=\"calendar-item-e1\"><p class=\"meta\"><span class=\"tag\">EU event</span>"
                        + "<span>On</span><time datetime=\"2025-06-20T09:00:00Z\">")
                .contains("<h3 class=\"card-title\">LIBE hearing on reception</h3>")
                .contains("<p class=\"meta\">About: Reception conditions for children</p>")
                .contains("<a href=\"https://www.europarl.europa.eu/libe\" id=\"calendar-item-link-e1\"><span>Details</span>"
                        + "<span class=\"visually-hidden\">: LIBE hearing on reception</span></a>")
                .contains("<li class=\"card\" id=\"calendar-item-c1\"><p class=\"meta\"><span class=\"tag\">Consultation</span>"
                        + "<span>Deadline:</span><time datetime=\"2025-07-15T21:59:00Z\">")
                .contains("<h3 class=\"card-title\">Consultation on guardianship &lt;b&gt;</h3>")
                .contains("About: Asylum procedures for children; Reception conditions for children")
                .as("a link that is not a web address is not offered").doesNotContain("javascript:").doesNotContain("id=\"calendar-item-link-c1\"");
        assertThat(page.indexOf("id=\"calendar-item-e1\"")).isLessThan(page.indexOf("id=\"calendar-item-c1\""));
    }

    @Test
    void theChosenStartAndAnAnalystsInstantArePassedOnAndEachChangeLinksToWhatItMadeDiffer() throws Exception {
        SignedIn analyst = SignedIn.as(context, "analyst", "ANALYST");
        String page = analyst.page(BRIEFING + "?since=2025-01-10&asOf=2025-05-01T12:00");

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/meetings/m2/briefing?since=2025-01-10&asOf=2025-05-01T12:00:00Z&followed=d1&followed=d3 ")
                && line.contains("Bearer analyst-token"));
        assertThat(page).contains("<p class=\"lead\" id=\"briefing-period\">Since January 10, 2025.</p>")
                .contains("<input id=\"briefing-since\" name=\"since\" type=\"date\" value=\"2025-01-10\">")
                .contains("<input id=\"briefing-asOf\" name=\"asOf\" type=\"datetime-local\" step=\"0.001\" value=\"2025-05-01T12:00\">")
                .contains("id=\"briefing-historical\"").contains("This shows what was recorded up to 2025-05-01 12:00:00 UTC.")
                .contains("<a href=\"/calendar/meetings/m2/briefing?since=2025-01-10\" class=\"no-print\" id=\"briefing-now\">")
                .contains("<a href=\"/calendar/meetings/m2/briefing?asOf=2025-05-01T12:00\" id=\"briefing-since-previous\">")
                .contains("<p id=\"briefing-nothing-d2\">Nothing recorded on this dossier since January 10, 2025.</p>")
                // the dossier just before the change and just after it, as the diff page's form takes instants (its sub-millisecond rounded up)
                .contains("<a href=\"/dossiers/d1/history/diff?from=2025-03-10T10:00:00.999&amp;to=2025-03-10T10:00:01\" id=\"change-link-d1-14\">"
                        + "<span>What this change made differ</span>")
                .contains("href=\"/dossiers/d1/history/diff?from=2025-04-02T08:30:00.123&amp;to=2025-04-02T08:30:00.124\" id=\"change-link-d1-15\"");

        gateway.received().clear();
        SignedIn.as(context, "member", "PARTICIPANT").page(BRIEFING + "?asOf=2025-05-01T12:00");
        assertThat(gateway.received()).as("a member's instant is not sent").anyMatch(line -> line.startsWith("GET /api/policy/meetings/m2/briefing?followed=d1&followed=d3 ")
                && line.contains("Bearer member-token"));
        gateway.received().clear();
        String notADate = visitor.page(BRIEFING + "?since=yesterday&asOf=2025-05-01T12:00", "en");
        assertThat(gateway.received()).as("neither a date that is not one nor a visitor's instant").anyMatch(line -> line.startsWith("GET /api/policy/meetings/m2/briefing "));
        assertThat(notADate).contains("id=\"briefing-bad-since\"").contains("Since the previous meeting, Spring network meeting");
    }

    @Test
    void aMembersBriefingAlsoHasTheDossiersTheyFollowAfterTheAgenda() throws Exception {
        String page = SignedIn.as(context, "member", "PARTICIPANT").page(BRIEFING);

        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/notifications/subscriptions/me ") && line.contains("Bearer member-token"))
                .anyMatch(line -> line.startsWith("GET /api/policy/meetings/m2/briefing?followed=d1&followed=d3 ") && line.contains("Bearer member-token"));
        assertThat(page).contains("<h2 id=\"briefing-followed-heading\">Dossiers you follow</h2>")
                .contains("The dossiers you follow that are not on the agenda, with what was recorded on them in the same period.")
                .contains("<a href=\"/dossiers/d3\">Child detention at the border</a>")
                .contains("Return Regulation: EP_COMMITTEE -&gt; EP_MANDATE, effective 2025-04-08")
                .doesNotContain("id=\"briefing-followed-more\"").doesNotContain("id=\"briefing-followed-unreadable\"");
        assertThat(page.indexOf("id=\"briefing-dossier-d2\"")).as("the agenda's dossiers first").isLessThan(page.indexOf("id=\"briefing-followed\""));
        assertThat(page.indexOf("id=\"briefing-followed\"")).isLessThan(page.indexOf("id=\"briefing-dossier-d3\""));
        assertThat(page.indexOf("id=\"briefing-dossier-d3\"")).isLessThan(page.indexOf("id=\"briefing-calendar\""));
        assertThat(page.indexOf("id=\"briefing-dossier-d1\"")).as("a followed dossier on the agenda is listed once").isEqualTo(page.lastIndexOf("id=\"briefing-dossier-d1\""));

        assertThat(SignedIn.as(context, "member", "PARTICIPANT").page(BRIEFING, "fr")).contains(">Dossiers que vous suivez</h2>")
                .contains("Les dossiers que vous suivez qui ne sont pas à l’ordre du jour");

        gateway.received().clear();
        String keen = SignedIn.as(context, "keen", "PARTICIPANT").page(BRIEFING);
        assertThat(gateway.received()).as("as many followed dossiers as a briefing takes").anyMatch(line -> line.startsWith("GET /api/policy/meetings/m2/briefing?")
                && line.split("followed=").length - 1 == 50);
        assertThat(keen).contains("You follow 52 dossiers: a briefing lists 50 of them.");

        gateway.received().clear();
        String away = SignedIn.as(context, "away", "PARTICIPANT").page(BRIEFING);
        assertThat(away).contains("The dossiers you follow could not be read just now: this briefing has the agenda’s dossiers only.")
                .contains("Asylum procedures for children").doesNotContain("id=\"briefing-followed\"");
        assertThat(gateway.received()).anyMatch(line -> line.startsWith("GET /api/policy/meetings/m2/briefing ") && line.contains("Bearer away-token"));

        gateway.received().clear();
        assertThat(visitor.page(BRIEFING, "en")).as("a visitor follows nothing").doesNotContain("id=\"briefing-followed");
        assertThat(gateway.received()).noneMatch(line -> line.contains("/subscriptions/"));
    }

    @Test
    void aBriefingSpeaksFrench() throws Exception {
        String page = visitor.page(BRIEFING, "fr");

        assertThat(page).contains("<html lang=\"fr\"").contains("Note de réunion : Summer network meeting")
                .contains("Depuis la réunion précédente, Spring network meeting, le 3 mars 2025.")
                .contains(">Nouvelle tardive</strong>").contains(">Correction</strong>").contains("Motif de la correction")
                .contains("<span class=\"change-kind\">Étape de procédure :</span>")
                .contains("avant le début de cette période").contains("Rien n’a été enregistré sur ce dossier depuis le 3 mars 2025.")
                .contains("Nouveaux événements de l’UE et consultations").contains("Date limite :").contains("Le voir dans le dossier")
                // the service's lines are English, and marked so
                .contains("<span lang=\"en\">Asylum Procedure Regulation: TRILOGUE -&gt; PROVISIONAL_AGREEMENT, effective 2025-03-07</span>");
    }

    @Test
    void aMeetingThePolicyServiceDoesNotKnowYetHasAPageSayingItsBriefingIsNotReady() throws Exception {
        MvcResult result = visitor.web().perform(get("/calendar/meetings/m3/briefing").header("Accept-Language", "en").accept(MediaType.TEXT_HTML)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<h1 id=\"briefing-not-ready-title\">The briefing is not ready yet</h1>")
                .contains("The briefing for “Autumn network meeting” is not ready yet")
                .contains("<a href=\"/calendar/meetings/m3\" id=\"briefing-meeting-link\">Back to the meeting</a>");

        MvcResult unknown = visitor.web().perform(get("/calendar/meetings/nowhere/briefing").header("Accept-Language", "fr").accept(MediaType.TEXT_HTML))
                .andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("La note de cette réunion n’est pas encore prête");
    }

    @Test
    void theMeetingsPageLinksToItsBriefing() throws Exception {
        assertThat(visitor.page("/calendar/meetings/m2", "en"))
                .contains("<a href=\"/calendar/meetings/m2/briefing\" id=\"briefing-link\">Briefing: what changed since the previous meeting</a>");
    }

    /** The page without the white space between its tags, for what a line holds. */
    private static String squeezed(String page) {
        return page.replaceAll(">\\s+<", "><");
    }

    /** The policy, events and notification services behind the gateway. */
    private static StandInGateway startGateway() {
        return StandInGateway.start(exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (method.equals("GET") && path.equals("/api/policy/meetings/m2/briefing")) {
                Matcher asOf = Pattern.compile("asOf=([^&]+)").matcher(query == null ? "" : query);
                String instant = asOf.find() ? "\"" + asOf.group(1) + "\"" : "null";
                String followed = query != null && query.contains("followed=") ? FOLLOWED : "";
                answer(exchange, 200, query != null && query.contains("since=") ? briefing(SINCE_CHOSEN, "null", instant, followed)
                        : briefing(SINCE_PREVIOUS, PREVIOUS, instant, followed));
            } else if (method.equals("GET") && path.equals("/api/notifications/subscriptions/me")) {
                String token = exchange.getRequestHeaders().getFirst("Authorization");
                if ("Bearer away-token".equals(token)) {
                    answer(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                } else {
                    // the member follows d1 (on the agenda) and d3; the keen member 52 dossiers
                    List<String> dossiers = "Bearer keen-token".equals(token)
                            ? IntStream.rangeClosed(1, 52).mapToObj(i -> "d" + (100 + i)).toList() : List.of("d3", "d1");
                    answer(exchange, 200, "{\"kinds\":[\"MEETING_SCHEDULED_OR_CHANGED\"],\"dossiers\":[\"" + String.join("\",\"", dossiers)
                            + "\"],\"policyAreas\":[],\"rights\":[],\"countries\":[],\"channels\":[\"IN_APP\"],\"emailRhythm\":\"IMMEDIATE\",\"language\":null}");
                }
            } else if (method.equals("GET") && path.equals("/api/events/meetings/m2")) {
                answer(exchange, 200, MEETING);
            } else if (method.equals("GET") && path.equals("/api/events/meetings/m3")) {
                answer(exchange, 200, "{\"id\":\"m3\",\"title\":\"Autumn network meeting\"}");
            } else {
                answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"There is no meeting.\"}");
            }
        });
    }

    static final String SINCE_PREVIOUS = "2025-03-03T16:00:00Z";
    static final String SINCE_CHOSEN = "2025-01-10T00:00:00Z";

    static final String PREVIOUS = """
            {"id":"m1","title":"Spring network meeting","startsAt":"2025-03-03T09:00:00Z","endsAt":"2025-03-03T16:00:00Z",
             "timeZone":"Europe/Brussels","dossierIds":["d1"],"cancelled":false}""";

    /** A followed dossier not on the agenda, as the policy service lists it after the agenda's. */
    static final String FOLLOWED = """
            ,{"dossierId":"d3","title":"Child detention at the border","listedFor":"FOLLOWED","items":[
               {"sequence":8,"recordedAt":"2025-04-10T09:00:00Z","kind":"ProcedureStepRecorded",
                "summary":"Return Regulation: EP_COMMITTEE -> EP_MANDATE, effective 2025-04-08","correction":false,"reason":null,
                "effectiveDate":"2025-04-08","lateNews":false,"measureId":"m9","recommendationId":null,"words":null,"diff":"/dossiers/d3/history/diff"}]}""";

    /** The briefing; the second dossier says nothing of why it is listed, as an older answer: it is the agenda's. */
    private static String briefing(String since, String previous, String asOf, String followed) {
        return """
                {"meetingId":"m2","title":"Summer network meeting","startsAt":"2025-06-16T08:00:00Z","timeZone":"Europe/Brussels",
                 "since":"%s","previousMeeting":%s,"asOf":%s,
                 "dossiers":[
                  {"dossierId":"d1","title":"Asylum procedures for children","listedFor":"AGENDA","items":[
                   {"sequence":14,"recordedAt":"2025-03-10T10:00:01Z","kind":"ProcedureStepRecorded",
                    "summary":"Asylum Procedure Regulation: TRILOGUE -> PROVISIONAL_AGREEMENT, effective 2025-03-07","correction":false,"reason":null,
                    "effectiveDate":"2025-03-07","lateNews":false,"measureId":"m1","recommendationId":null,"words":null,
                    "diff":"/dossiers/d1/history/diff?from=2025-03-10T10:00:00.999Z&to=2025-03-10T10:00:01Z"},
                   {"sequence":15,"recordedAt":"2025-04-02T08:30:00.123456Z","kind":"ProcedureStepRecorded",
                    "summary":"Asylum Procedure Regulation: earlier step EP_MANDATE recorded, effective 2025-02-20","correction":false,"reason":null,
                    "effectiveDate":"2025-02-20","lateNews":true,"measureId":"m1","recommendationId":null,"words":null,"diff":"/dossiers/d1/history/diff"},
                   {"sequence":16,"recordedAt":"2025-04-20T14:00:00Z","kind":"ProcedureStepCorrected",
                    "summary":"Asylum Procedure Regulation: step corrected from PROVISIONAL_AGREEMENT effective 2025-03-07 to PROVISIONAL_AGREEMENT effective 2025-03-08",
                    "correction":true,"reason":"The Council’s date was wrong","effectiveDate":"2025-03-08","lateNews":false,"measureId":"m1",
                    "recommendationId":null,"words":null,"diff":"/dossiers/d1/history/diff"},
                   {"sequence":17,"recordedAt":"2025-05-05T09:00:00Z","kind":"RecommendationRevised","summary":"Recommendation revised (revision 2)",
                    "correction":false,"reason":null,"effectiveDate":null,"lateNews":false,"measureId":null,"recommendationId":"r1",
                    "words":[{"change":"equal","text":"Exempt"},{"change":"deleted","text":"unaccompanied"},
                             {"change":"inserted","text":"all <script>alert(1)</script>"},{"change":"equal","text":"children from border procedures"}],
                    "diff":"/dossiers/d1/history/diff"}]},
                  {"dossierId":"d2","title":"Reception conditions for children","items":[]}%s],
                 "calendar":[
                  {"id":"e1","kind":"EU_EVENT","title":"LIBE hearing on reception","date":"2025-06-20T09:00:00Z",
                   "link":"https://www.europarl.europa.eu/libe","dossierIds":["d2"],"firstHeardAt":"2025-04-01T10:00:00Z","cancelled":false},
                  {"id":"c1","kind":"CONSULTATION","title":"Consultation on guardianship <b>","date":"2025-07-15T21:59:00Z",
                   "link":"javascript:alert(2)","dossierIds":["d1","d2"],"firstHeardAt":"2025-04-15T10:00:00Z","cancelled":false}]}"""
                .formatted(since, previous, asOf, followed);
    }

    static final String MEETING = """
            {"id":"m2","title":"Summer network meeting","type":"PLENARY","status":"PLANNED",
            "start":"2025-06-16T10:00:00","end":"2025-06-16T16:00:00","timeZone":"Europe/Brussels",
            "startsAt":"2025-06-16T08:00:00Z","endsAt":"2025-06-16T14:00:00Z","place":"Brussels","onlineLink":null,
            "capacity":40,"confirmedCount":3,"waitingCount":0,"agenda":[{"title":"Asylum procedures","dossierId":"d1"}],"cancellationReason":null,
            "version":4,"registrations":null,"minutes":null,"actionPoints":[]}""";
}
