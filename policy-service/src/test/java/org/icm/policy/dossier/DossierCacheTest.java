package org.icm.policy.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.policy.dossier.DossierEvent.DossierEdited;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dossiers stay in memory between commands, and the event store still judges concurrent writes: a change another
 * instance appended behind the cache's back makes the next command here a 409, never a lost update, and the retry
 * decides on the dossier as it really is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierCacheTest {

    @LocalServerPort
    int port;
    @Autowired
    Cache dossierCache;
    @Autowired
    EventStore eventStore;

    final String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);

    @Test
    void aChangeMadeElsewhereBehindTheCacheGivesAConflictThenTheRetrySeesIt() {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> opened = api.post("/dossiers", focalPoint, "{\"title\":\"Screening Regulation\",\"policyArea\":\"ASYLUM\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String dossier = JsonPath.read(opened.body(), "$.id");
        assertThat(api.put("/dossiers/" + dossier, focalPoint, "{\"title\":\"Screening Regulation (EU) 2024/1356\",\"policyArea\":\"ASYLUM\"}")
                .statusCode()).isEqualTo(200);
        assertThat(dossierCache.containsKey(dossier)).as("the dossier is kept in memory after a command").isTrue();

        // another instance of the service edits the dossier: its event lands in the store, not in this cache
        eventStore.publish(new GenericDomainEventMessage<>("Dossier", dossier, 2,
                new DossierEdited(dossier, "Screening Regulation, as edited elsewhere", PolicyArea.ASYLUM, "Edited by another instance")));

        HttpResponse<String> stale = api.put("/dossiers/" + dossier, focalPoint,
                "{\"title\":\"Screening Regulation, as edited here\",\"policyArea\":\"ASYLUM\"}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(dossierCache.containsKey(dossier)).as("a failed command drops the cached dossier").isFalse();

        HttpResponse<String> retried = api.put("/dossiers/" + dossier, focalPoint,
                "{\"title\":\"Screening Regulation, as edited here\",\"policyArea\":\"ASYLUM\",\"summary\":\"Edited by another instance\"}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.headers().firstValue("ETag")).as("opened 0, edited 1, elsewhere 2, here 3").contains("\"3\"");
    }
}
