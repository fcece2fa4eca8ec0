package org.icm.membership.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.icm.membership.MembershipTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A focal point rebuilds the organisation directory from the event store; the rebuilt documents equal the old ones. */
class ReadModelReplayTest extends MembershipTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void replayingTheDirectoryRebuildsTheSameDocuments() {
        String focalPoint = focalPoint();
        String id = json(post("/organisations", null, application("Replay Verein " + UUID.randomUUID(), "NATIONAL", List.of("AT"), "CHILD_RIGHTS",
                List.of("guardianship"), List.of())), "$.id");
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/organisations/" + id, focalPoint).statusCode() == 200);
        assertThat(post("/organisations/" + id + "/admit", focalPoint, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/organisations/" + id, null).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> everything().equals(everything()));
        List<Document> before = everything();
        assertThat(before).isNotEmpty();

        assertThat(post("/admin/read-models/" + OrganisationDirectory.PROCESSING_GROUP + "/replay", focalPoint, null).statusCode()).isEqualTo(202);
        // done when every document is back as it was (Axon's "replaying" flag can outlast that, see events-service's test)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> everything().equals(before));
        assertThat(everything()).isEqualTo(before);
        assertThat(get("/organisations/" + id, null).statusCode()).isEqualTo(200);
    }

    private List<Document> everything() {
        List<Document> documents = new ArrayList<>();
        for (String collection : List.of(OrganisationDirectory.ORGANISATIONS, OrganisationDirectory.ACCOUNTS)) {
            mongo.getCollection(collection).find().sort(new Document("_id", 1)).forEach(documents::add);
        }
        return documents;
    }
}
