package org.icm.web.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.web.StandInGateway.answer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.icm.web.StandInGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The meeting page members and visitors read, and the focal points' operations pages' guard, over real HTTP in front
 * of a real HTTP server standing in for the gateway. The focal points' journeys themselves (signed in through the
 * issuer) run on the whole platform in end-to-end's OperationsJourneysIT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsPagesTest {

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
    void aVisitorSeesAMeetingsAgendaWithItsDossierLinkInTheirLanguage() throws Exception {
        HttpResponse<String> page = get("/calendar/meetings/m1", "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Detention of children at the border").contains("Screening and age assessment")
                .contains("href=\"/dossiers/d7\"").contains("Planned").doesNotContain("id=\"minutes\"");
        assertThat(received).contains("GET /api/events/meetings/m1");

        HttpResponse<String> french = get("/calendar/meetings/m1", "fr");
        assertThat(french.body()).contains("<html lang=\"fr\"").contains("Ordre du jour").contains("Prévue");
    }

    @Test
    void aCancelledMeetingSaysSoWithItsReason() throws Exception {
        HttpResponse<String> page = get("/calendar/meetings/m2", "en");

        assertThat(page.body()).contains("id=\"meeting-cancelled\"").contains("This meeting is cancelled: the venue is closed");
    }

    @Test
    void theOperationsPagesAreForSignedInFocalPointsOnly() throws Exception {
        for (String path : List.of("/operations", "/operations/meetings/m1", "/operations/eu-events/new", "/operations/consultations/new",
                "/operations/deliveries", "/operations/read-models", "/operations/read-models/policy/dossier-catalogue")) {
            HttpResponse<String> page = get(path, "en");
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/sign-in");
        }
        assertThat(received).noneMatch(line -> line.contains("/admin/"));
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static StandInGateway startGateway() {
        return StandInGateway.start(exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            switch (exchange.getRequestURI().getPath()) {
                case "/api/events/meetings/m1" -> answer(exchange, 200, meeting("m1", "PLANNED", null,
                        "[{\"title\":\"Screening and age assessment\",\"dossierId\":\"d7\"},{\"title\":\"Any other business\",\"dossierId\":null}]"));
                case "/api/events/meetings/m2" -> answer(exchange, 200, meeting("m2", "CANCELLED", "\"the venue is closed\"", "[]"));
                default -> answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            }
        });
    }

    /** A meeting as the events service answers a visitor (no registrations, no minutes). */
    private static String meeting(String id, String status, String cancellationReason, String agenda) {
        return """
                {"id":"%s","title":"Detention of children at the border","type":"THEMATIC","status":"%s",
                "start":"2026-12-10T10:00:00","end":"2026-12-10T12:00:00","timeZone":"Europe/Brussels",
                "startsAt":"2026-12-10T09:00:00Z","endsAt":"2026-12-10T11:00:00Z","place":"Brussels","onlineLink":null,
                "capacity":20,"confirmedCount":3,"waitingCount":0,"agenda":%s,"cancellationReason":%s,"version":4,
                "registrations":null,"minutes":null,"actionPoints":[]}""".formatted(id, status, agenda, cancellationReason);
    }

}
