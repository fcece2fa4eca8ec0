package org.icm.policy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.policy.api.DossierApiTest.assertProblem;
import static org.icm.testing.ApiClient.atVersion;
import static org.icm.testing.ApiClient.read;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
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

/** A focal point rebuilds the dossier catalogue from the event store; the rebuilt read model equals the old one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadModelReplayTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    final TestTokens tokens = TestTokens.get();

    @Test
    void replayingTheCatalogueRebuildsTheSameDocuments() {
        ApiClient api = new ApiClient(port);
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        String dossierId = read(api.post("/dossiers", focalPoint, "{\"title\":\"Return regulation\",\"policyArea\":\"RETURN\"}"), "$.id");
        String measureId = read(api.post("/dossiers/" + dossierId + "/measures", focalPoint,
                "{\"title\":\"Return Directive recast\",\"type\":\"DIRECTIVE\",\"procedureReference\":\"2018/0329(COD)\"}"), "$.id");
        api.post("/dossiers/" + dossierId + "/measures/" + measureId + "/steps", focalPoint,
                "{\"stage\":\"PROPOSAL_ADOPTED\",\"effectiveDate\":\"2018-09-12\"}");
        api.post("/dossiers/" + dossierId + "/recommendations", focalPoint,
                "{\"text\":\"Never detain children for migration-related reasons.\",\"addressees\":[\"MEMBER_STATES\"],\"measureIds\":[\"" + measureId + "\"]}");
        api.post("/dossiers/" + dossierId + "/publish", focalPoint, null);
        api.awaitGet("/dossiers/" + dossierId, focalPoint, atVersion(4));
        List<Document> before = everything();

        HttpResponse<String> replay = api.post("/admin/read-models/dossier-catalogue/replay", focalPoint, null);
        assertThat(replay.statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                !(Boolean) read(api.get("/admin/read-models/dossier-catalogue", focalPoint), "$.replaying")
                        && everything().size() == before.size());

        assertThat(everything()).isEqualTo(before);
        assertThat(api.get("/dossiers/" + dossierId, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theListNamesEveryProcessorAndWhichOnesMayBeReplayed() {
        ApiClient api = new ApiClient(port);
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        String participant = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);

        HttpResponse<String> list = api.get("/admin/read-models", focalPoint);

        assertThat(list.statusCode()).isEqualTo(200);
        List<String> names = read(list, "$[*].name");
        assertThat(names).contains("dossier-catalogue", "integration-event-publisher").isSorted();
        assertThat((List<Boolean>) read(list, "$[?(@.name == 'dossier-catalogue')].supportsReset")).containsExactly(true);
        assertThat((List<Boolean>) read(list, "$[?(@.name == 'dossier-catalogue')].running")).containsExactly(true);
        assertThat((List<Boolean>) read(list, "$[?(@.name == 'integration-event-publisher')].supportsReset")).containsExactly(false);
        assertProblem(api.get("/admin/read-models", participant), 403, "urn:icm:problem:forbidden");
    }

    @Test
    void onlyFocalPointsReplayAndOnlyKnownReadModels() {
        ApiClient api = new ApiClient(port);
        String participant = tokens.mint(AccountId.random(), OrganisationId.random(), Role.PARTICIPANT);
        String focalPoint = tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);

        assertProblem(api.post("/admin/read-models/dossier-catalogue/replay", participant, null), 403, "urn:icm:problem:forbidden");
        assertThat(api.post("/admin/read-models/no-such-model/replay", focalPoint, null).statusCode()).isEqualTo(404);
        // the Kafka outbox is not a read model: replaying it would publish every fact again
        assertThat(api.post("/admin/read-models/integration-event-publisher/replay", focalPoint, null).statusCode()).isEqualTo(409);
    }

    private List<Document> everything() {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection("dossiers").find().sort(new Document("_id", 1)).forEach(documents::add);
        mongo.getCollection("recommendation_revisions").find().sort(new Document("recommendationId", 1)).forEach(doc -> {
            doc.remove("_id"); // a generated key, not part of the model
            documents.add(doc);
        });
        return documents;
    }
}
