package org.icm.policy.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.model.Filters;
import java.net.http.HttpResponse;
import java.util.List;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.ApiClient;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Both caches of the fold are only caches: with snapshots every few events (test settings in
 * {@code config/application.yml}), a dossier loaded from Axon's aggregate snapshot still knows its rules'
 * facts, and a past state folded from a kept history state equals the one folded from the first event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapshotsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    HistorySnapshots keptStates;
    @Autowired
    org.axonframework.common.caching.Cache dossierCache;

    final TestTokens tokens = TestTokens.get();
    final String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
    final String analyst = tokens.mint(AccountId.random(), OrganisationId.random(), Role.ANALYST);

    @Test
    void aDossierLoadedFromItsSnapshotKeepsItsRulesAndItsPastStatesAreUnchanged() {
        ApiClient api = new ApiClient(port);
        String dossier = id(api.post("/dossiers", focalPoint, "{\"title\":\"Return Regulation\",\"policyArea\":\"RETURN\"}"));
        String measure = id(api.post("/dossiers/" + dossier + "/measures", focalPoint,
                "{\"title\":\"Return Regulation\",\"type\":\"REGULATION\",\"procedureReference\":\"2018/0329(COD)\"}"));
        String steps = "/dossiers/" + dossier + "/measures/" + measure + "/steps";
        for (String step : List.of("PROPOSAL_ADOPTED\",\"effectiveDate\":\"2018-09-12", "EP_COMMITTEE\",\"effectiveDate\":\"2019-02-21",
                "COUNCIL_MANDATE\",\"effectiveDate\":\"2019-06-07", "TRILOGUE\",\"effectiveDate\":\"2024-01-10",
                "PROPOSAL_ADOPTED\",\"effectiveDate\":\"2025-03-11", "WITHDRAWN\",\"effectiveDate\":\"2025-03-12")) {
            assertThat(api.post(steps, focalPoint, "{\"stage\":\"" + step + "\"}").statusCode()).isEqualTo(201);
        }

        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, dossier))
                .as("Axon's aggregate snapshot of the dossier").isEqualTo(1);
        // out of memory, so the next command loads the dossier from its snapshot
        dossierCache.remove(dossier);
        HttpResponse<String> afterExit = api.post(steps, focalPoint, "{\"stage\":\"TRILOGUE\",\"effectiveDate\":\"2025-03-13\"}");
        assertThat(afterExit.statusCode()).as("the exit is known to the dossier loaded from its snapshot").isEqualTo(422);

        String state = "/dossiers/" + dossier + "/history/state";
        String fromKeptStates = api.get(state, analyst).body();
        assertThat(mongo.getCollection(HistorySnapshots.COLLECTION).countDocuments(Filters.eq("dossierId", dossier)))
                .as("8 events, a state kept every 4").isEqualTo(2);
        String secondRead = api.get(state, analyst).body();
        keptStates.forget(dossier);
        String fromTheFirstEvent = api.get(state, analyst).body();

        assertThat(JsonPath.<Integer>read(fromTheFirstEvent, "$.version")).isEqualTo(7);
        assertThat(JsonPath.<Object>read(secondRead, "$.state")).isEqualTo(JsonPath.read(fromTheFirstEvent, "$.state"))
                .isEqualTo(JsonPath.read(fromKeptStates, "$.state"));
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }
}
