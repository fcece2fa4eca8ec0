package org.icm.web.focalpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.web.StandInGateway.answer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.icm.web.SignedIn;
import org.icm.web.StandInGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Read-your-writes on the dossier pages, for a signed-in member, in front of a real HTTP server standing in for the
 * gateway whose read model catches up only after a few reads (as the policy service's does after a write): a page asked
 * for the version a write made waits for it, gives up after its bound with a notice, and a page asked for nothing reads
 * once. A visitor's version is not waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadYourWritesTest {

    /** Dossier id -> how many reads the stand-in answers from the previous version (or 404 for a new one) before it catches up. */
    static final Map<String, Integer> staleReads = Map.of("catching-up", 3, "just-opened", 2, "stuck", Integer.MAX_VALUE, "current", 0,
            "visited", Integer.MAX_VALUE);
    static final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    static final StandInGateway gateway = startGateway();

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        gateway.isThePlatformFor(registry);
        registry.add("icm.web.read-your-writes-wait", () -> "1s");
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @Test
    void aPageAskedForTheVersionAWriteMadeWaitsUntilTheReadModelShowsIt() throws Exception {
        Page page = signedIn("/dossiers/catching-up?seen=8");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dossier at version 8").doesNotContain("Dossier at version 7").doesNotContain("id=\"behind\"");
        assertThat(reads.get("catching-up").get()).isEqualTo(4);
    }

    @Test
    void aDossierJustOpenedIsWaitedForWhileTheReadModelDoesNotKnowItYet() throws Exception {
        Page page = signedIn("/dossiers/just-opened?seen=0");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dossier at version 0");
        assertThat(reads.get("just-opened").get()).isEqualTo(3);
    }

    @Test
    void aReadModelThatDoesNotCatchUpInTimeGivesThePageWithANotice() throws Exception {
        Page page = signedIn("/dossiers/stuck?seen=8");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dossier at version 7").contains("id=\"behind\"").contains("may not show your last change yet");
        assertThat(reads.get("stuck").get()).isGreaterThan(1);
    }

    @Test
    void aPageAskedForNoVersionReadsOnceAndAnUnknownDossierIsNotWaitedFor() throws Exception {
        assertThat(get("/dossiers/current").body()).contains("Dossier at version 8").doesNotContain("id=\"behind\"");
        assertThat(reads.get("current").get()).isEqualTo(1);

        assertThat(get("/dossiers/unknown").statusCode()).isEqualTo(404);
        assertThat(reads.get("unknown").get()).isEqualTo(1);
    }

    @Test
    void aVisitorsVersionIsNotWaitedFor() throws Exception {
        // writes need a sign-in: a link with a made-up version must not turn one page into dozens of reads
        HttpResponse<String> page = get("/dossiers/visited?seen=999");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dossier at version 7").doesNotContain("id=\"behind\"");
        assertThat(reads.get("visited").get()).isEqualTo(1);
    }

    @Test
    void theCuratePagesAreForSignedInFocalPointsOnly() throws Exception {
        for (String path : List.of("/dossiers/new", "/dossiers/current/curate")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/sign-in");
        }
    }

    /** A page as a signed-in member gets it. */
    record Page(int statusCode, String body) {
    }

    private Page signedIn(String path) throws Exception {
        SignedIn member = SignedIn.as(context, "member", "PARTICIPANT");
        MvcResult result = member.web().perform(MockMvcRequestBuilders.get(path).session(member.session()).accept(MediaType.TEXT_HTML)).andReturn();
        return new Page(result.getResponse().getStatus(), result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The policy service's dossier reads, from a read model that is behind for the first few reads of each dossier. */
    private static StandInGateway startGateway() {
        return StandInGateway.start("/api/policy/dossiers/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/policy/dossiers/".length());
            int read = reads.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet();
            Integer stale = staleReads.get(id);
            if (stale == null || (id.equals("just-opened") && read <= stale)) {
                answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"There is no dossier " + id + ".\"}");
                return;
            }
            long version = id.equals("just-opened") ? 0 : read <= stale ? 7 : 8;
            answer(exchange, 200, """
                    {"id":"%s","title":"Dossier at version %d","policyArea":"RETURN","summary":"s","leadOrganisation":null,
                    "visibility":"PUBLISHED","status":"OPEN","measures":[],"rightsAtStake":[],"recommendations":[],
                    "version":%d,"lastChangedAt":"2026-11-29T08:00:00Z"}""".formatted(id, version, version));
        });
    }

}
