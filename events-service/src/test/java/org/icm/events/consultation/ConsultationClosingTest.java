package org.icm.events.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.events.api.EventsApiClient.strings;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.events.api.EventsApiClient;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Consultations over HTTP: open ones listed nearest deadline first, closed by the scheduled job once the
 * deadline passes (the test moves the service's clock, it does not sleep), and exactly once however many
 * closers run at the same moment.
 */
@EventsServiceTest
class ConsultationClosingTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ConsultationClosing closing;
    @Autowired
    EventStore eventStore;

    EventsApiClient api;
    String focalPoint;

    @BeforeEach
    void signIn() {
        api = new EventsApiClient(port);
        focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
    }

    String open(String title, Instant closesAt) {
        HttpResponse<String> opened = api.post("/consultations", focalPoint, """
                {"type":"CALL_FOR_EVIDENCE","directorateGeneral":"HOME","title":"%s",
                 "link":"https://ec.europa.eu/info/law/better-regulation/have-your-say/initiatives/1","opensAt":"%s","closesAt":"%s",
                 "dossierId":"return"}""".formatted(title, clock.instant().minus(Duration.ofDays(1)), closesAt));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return read(opened, "$.id");
    }

    @Test
    void openConsultationsComeNearestDeadlineFirst() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String later = open("Later", now.plus(Duration.ofDays(300)));
        String sooner = open("Sooner", now.plus(Duration.ofDays(200)));

        HttpResponse<String> list = api.awaitGet("/consultations", null,
                response -> response.statusCode() == 200 && response.body().contains(later) && response.body().contains(sooner));
        List<String> ids = strings(list, "$[*].id");
        assertThat(ids.indexOf(sooner)).isLessThan(ids.indexOf(later));
    }

    @Test
    void theJobClosesAConsultationOnceItsDeadlinePasses() {
        String c = open("Return regulation: call for evidence", clock.instant().plus(Duration.ofHours(1)));
        api.awaitGet("/consultations/" + c, null, response -> response.statusCode() == 200);
        assertThat(read(api.get("/consultations/" + c, null), "$.status").toString()).isEqualTo("OPEN");

        clock.advance(Duration.ofHours(2));

        HttpResponse<String> closed = api.awaitGet("/consultations/" + c, null,
                response -> response.statusCode() == 200 && response.body().contains("\"CLOSED\""));
        assertThat(read(closed, "$.closedAt").toString()).isNotBlank();
        assertThat(strings(api.get("/consultations", null), "$[*].id")).doesNotContain(c);
        assertThat(closedEvents(c)).isEqualTo(1);
    }

    @Test
    void closersRacingEachOtherCloseItExactlyOnce() throws Exception {
        List<String> consultations = List.of(open("A", clock.instant().plus(Duration.ofMinutes(30))),
                open("B", clock.instant().plus(Duration.ofMinutes(30))), open("C", clock.instant().plus(Duration.ofMinutes(30))));
        for (String c : consultations) {
            api.awaitGet("/consultations/" + c, null, response -> response.statusCode() == 200);
        }
        clock.advance(Duration.ofHours(1));

        // two closers at once (as two instances would), while the scheduled one keeps running too
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> closer = () -> {
            together.await();
            return closing.closeDue();
        };
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = threads.submit(closer);
            Future<Integer> second = threads.submit(closer);
            // neither fails: a consultation someone else closed is simply skipped
            assertThat(first.get() + second.get()).isBetween(0, consultations.size());
        }

        for (String c : consultations) {
            api.awaitGet("/consultations/" + c, null, response -> response.body().contains("\"CLOSED\""));
            assertThat(closedEvents(c)).as(c).isEqualTo(1);
        }
        // and later runs change nothing
        closing.closeDue();
        for (String c : consultations) {
            assertThat(closedEvents(c)).as(c).isEqualTo(1);
        }
    }

    @Test
    void aDeadlineInThePastIsABadRequestNamingTheField() {
        HttpResponse<String> refused = api.post("/consultations", focalPoint, """
                {"type":"PUBLIC_CONSULTATION","directorateGeneral":"JUST","title":"Late","link":"https://ec.europa.eu/x",
                 "opensAt":"2020-01-01T00:00:00Z","closesAt":"2020-02-01T00:00:00Z"}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(strings(refused, "$.errors[*].field")).containsExactly("closesAt");
        assertThat(read(refused, "$.type").toString()).isEqualTo("urn:icm:problem:deadline-in-past");
    }

    @Test
    void aJointResponseIsPlannedAndRecorded() {
        String c = open("Anti-trafficking", clock.instant().plus(Duration.ofDays(30)));
        assertThat(api.post("/consultations/" + c + "/joint-response/submission", focalPoint, "{\"link\":\"https://picum.org/r.pdf\"}")
                .statusCode()).isEqualTo(422);
        assertThat(api.post("/consultations/" + c + "/joint-response", focalPoint, "{\"leadOrganisation\":\"picum\"}").statusCode())
                .isEqualTo(200);
        assertThat(api.post("/consultations/" + c + "/joint-response/submission", focalPoint, "{\"link\":\"https://picum.org/r.pdf\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> view = api.awaitGet("/consultations/" + c, null, EventsApiClient.atVersion(2));
        assertThat(read(view, "$.jointResponseLead").toString()).isEqualTo("picum");
        assertThat(read(view, "$.jointResponseLink").toString()).isEqualTo("https://picum.org/r.pdf");
    }

    @Test
    void theEventStoreRefusesTheLoserOfTwoInstancesClosingAtOnce() {
        // two instances that both read the consultation at version 0 both append their close as sequence 1:
        // the unique (aggregate, sequence) index lets exactly one through
        String c = open("Raced", clock.instant().plus(Duration.ofMinutes(5)));
        var close = new org.axonframework.eventhandling.GenericDomainEventMessage<>("Consultation", c, 1,
                new ConsultationEvent.ConsultationClosed(c, clock.instant()));
        var racingClose = new org.axonframework.eventhandling.GenericDomainEventMessage<>("Consultation", c, 1,
                new ConsultationEvent.ConsultationClosed(c, clock.instant()));

        eventStore.publish(close);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> eventStore.publish(racingClose))
                .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
        assertThat(closedEvents(c)).isEqualTo(1);
    }

    private long closedEvents(String consultationId) {
        return eventStore.readEvents(consultationId, 0).asStream()
                .filter(message -> message.getPayload() instanceof ConsultationEvent.ConsultationClosed).count();
    }
}
