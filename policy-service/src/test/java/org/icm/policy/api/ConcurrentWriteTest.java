package org.icm.policy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.policy.api.DossierApiTest.assertProblem;
import static org.icm.testing.ApiClient.atVersion;
import static org.icm.testing.ApiClient.read;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.policy.dossier.DossierCommand;
import org.icm.policy.dossier.DossierEvent.DossierEdited;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two writers race for the same dossier: while one request has decided but not yet appended its event,
 * another instance of the service appends first. The late writer gets 409 and nothing of it is stored.
 * (Inside one JVM Axon serialises commands per aggregate, so the other instance's append is made
 * straight to the event store, exactly as a second instance's append would arrive.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentWriteTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStore eventStore;

    @Test
    void theLaterOfTwoConcurrentWritesGets409AndChangesNothing() throws Exception {
        ApiClient api = new ApiClient(port);
        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        String dossierId = read(api.post("/dossiers", focalPoint, "{\"title\":\"Return regulation\",\"policyArea\":\"RETURN\"}"), "$.id");

        CountDownLatch decided = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var registration = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof DossierCommand command && command.dossierId().equals(dossierId)) {
                unitOfWork.onPrepareCommit(u -> {
                    decided.countDown();
                    await(release);
                });
            }
            return chain.proceed();
        });
        try {
            CompletableFuture<HttpResponse<String>> late = CompletableFuture.supplyAsync(() -> api.put("/dossiers/" + dossierId, focalPoint,
                    "{\"title\":\"Return regulation (late writer)\",\"policyArea\":\"RETURN\"}"));
            assertThat(decided.await(20, TimeUnit.SECONDS)).isTrue();

            DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(new GenericDomainEventMessage<>("Dossier", dossierId, 1,
                    new DossierEdited(dossierId, "Return regulation (first writer)", PolicyArea.RETURN, null))));
            release.countDown();

            assertProblem(late.get(30, TimeUnit.SECONDS), 409, "urn:icm:problem:concurrent-write");
        } finally {
            release.countDown();
            registration.cancel();
        }
        HttpResponse<String> dossier = api.awaitGet("/dossiers/" + dossierId, focalPoint, atVersion(1));
        assertThat(read(dossier, "$.title").toString()).isEqualTo("Return regulation (first writer)");
        HttpResponse<String> retry = api.send("PUT", "/dossiers/" + dossierId, focalPoint,
                "{\"title\":\"Return regulation (late writer)\",\"policyArea\":\"RETURN\"}", Map.of("If-Match", "\"1\""));
        assertThat(retry.statusCode()).isEqualTo(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
