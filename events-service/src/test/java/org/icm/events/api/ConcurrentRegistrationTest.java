package org.icm.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;
import static org.icm.events.api.EventsApiClient.strings;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many participants registering for one meeting at once: nobody is lost, nobody gets a place twice, the
 * capacity holds and the waiting list has one position per person. A write that loses a race at the event
 * store is a 409 the client retries (registering is not idempotent, so only a refused one is retried).
 */
@EventsServiceTest
class ConcurrentRegistrationTest {

    static final int PEOPLE = 40;
    static final int CAPACITY = 10;
    static final int THREADS = 8;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void concurrentRegistrationsLoseNobodyAndRespectTheCapacity() throws Exception {
        EventsApiClient api = new EventsApiClient(port);
        TestTokens tokens = TestTokens.get();
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(40).truncatedTo(ChronoUnit.HOURS);
        String m = read(api.post("/meetings", focalPoint, MeetingApiTest.meetingJson(start, start.plusHours(2), CAPACITY)), "$.id");

        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT));
        }
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(people);
        AtomicInteger conflicts = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(threads.submit(() -> {
                    for (String token = queue.poll(); token != null; token = queue.poll()) {
                        while (true) {
                            long began = System.nanoTime();
                            HttpResponse<String> response = api.post("/meetings/" + m + "/registrations", token, null);
                            latencies.add(System.nanoTime() - began);
                            if (response.statusCode() == 409) {
                                conflicts.incrementAndGet();
                                continue; // lost a race at the event store: nothing was stored, try again
                            }
                            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                            break;
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        HttpResponse<String> meeting = api.awaitGet("/meetings/" + m, focalPoint, EventsApiClient.atVersion(PEOPLE));
        List<String> confirmed = strings(meeting, "$.registrations.confirmed[*].accountId");
        List<String> waiting = strings(meeting, "$.registrations.waitingList[*].accountId");
        assertThat(confirmed).hasSize(CAPACITY);
        assertThat(waiting).hasSize(PEOPLE - CAPACITY);
        HashSet<String> everyone = new HashSet<>(confirmed);
        everyone.addAll(waiting);
        assertThat(everyone).hasSize(PEOPLE);

        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("registrations: %d people, %d threads, %d requests, %d conflicts (409, retried); latency median %.1f ms, max %.1f ms%n",
                PEOPLE, THREADS, sorted.size(), conflicts.get(), sorted.get(sorted.size() / 2) / 1e6, sorted.getLast() / 1e6);
    }
}
