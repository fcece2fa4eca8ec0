package org.icm.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icm.events.api.EventsApiClient.read;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.icm.events.EventsServiceTest;
import org.icm.events.MutableClock;
import org.icm.events.calendar.CalendarReadModel;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A focal point rebuilds the calendar read models from the event store; the rebuilt documents equal the old ones. */
@EventsServiceTest
class ReadModelReplayTest {

    static final List<String> COLLECTIONS = List.of("meetings", "eu_events", "consultations", "bulletins");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;

    @Test
    void replayingTheCalendarRebuildsTheSameDocuments() {
        EventsApiClient api = new EventsApiClient(port);
        String focalPoint = TestTokens.get().mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT);
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")).plusDays(50).truncatedTo(ChronoUnit.HOURS);
        String m = read(api.post("/meetings", focalPoint, MeetingApiTest.meetingJson(start, start.plusHours(1), 1)), "$.id");
        api.post("/meetings/" + m + "/registrations", focalPoint, null);
        api.post("/bulletins", focalPoint, "{\"kind\":\"EU_DEVELOPMENT\",\"title\":\"News\",\"text\":\"The Parliament voted.\"}");
        api.awaitGet("/meetings/" + m, focalPoint, EventsApiClient.atVersion(1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> everything().equals(everything()));
        List<Document> before = everything();

        assertThat(api.post("/admin/read-models/" + CalendarReadModel.PROCESSING_GROUP + "/replay", focalPoint, null).statusCode()).isEqualTo(202);
        // done when every document is back as it was (Axon's "replaying" flag can outlast that while the event
        // store's sequence has recent gaps, e.g. from refused concurrent appends, until the gaps time out)
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> everything().equals(before));
        assertThat(everything()).isEqualTo(before);
    }

    private List<Document> everything() {
        List<Document> documents = new ArrayList<>();
        for (String collection : COLLECTIONS) {
            mongo.getCollection(collection).find().sort(new Document("_id", 1)).forEach(documents::add);
        }
        return documents;
    }
}
