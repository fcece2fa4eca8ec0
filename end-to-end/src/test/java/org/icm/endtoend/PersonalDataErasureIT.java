package org.icm.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.icm.endtoend.RunningPlatform.Platform;
import org.icm.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proof of issue 17, on the whole platform as the README starts it: a person with a unique marker in their name and
 * address goes through invitation, sign-in, a subscription, a meeting registration, a bulletin, a notification and a
 * mail; then they erase themselves. Before and after, every place the platform writes is searched for the marker, in
 * clear: every event-store row of every service, every Kafka record (read back through a consumer, so compression
 * cannot hide it) and the bytes of every Kafka log segment; after the erasure also every MongoDB document of every
 * service (read models, feeds, the mail queue and delivery log, dead letters), the API's answers and the services' log
 * files. The read model of the person's organisation, rebuilt by replay after the erasure, equals the one before.
 */
@ExtendWith(RunningPlatform.class)
class PersonalDataErasureIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final String ERASED = "erased person";

    @Test
    void aPersonIsNeverInClearWhereNothingIsErasedAndIsGoneFromEveryServiceAfterTheirErasure(Platform platform) throws Exception {
        ApiClient gateway = new ApiClient(platform.port("gateway"), ASYNC);
        String focalPoint = SignIn.accessToken(platform, platform.focalPointEmail(), platform.focalPointPassword());
        String marker = "qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = marker + "@erasure.example";
        String name = "Mara " + marker;

        String organisation = JsonPath.read(gateway.post("/api/membership/organisations", null, """
                {"name": "Erasure Test %s", "kind": "NGO", "scope": "NATIONAL", "countries": ["BE"], "focus": "BOTH",
                 "website": "https://erasure.example", "contact": {"name": "Office", "email": "office-%s@erasure.example"}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID())).body(), "$.id");
        assertThat(gateway.post("/admin/membership/organisations/" + organisation + "/admit", focalPoint, null).statusCode()).isEqualTo(200);
        HttpResponse<String> invited = gateway.post("/admin/membership/organisations/" + organisation + "/invitations", focalPoint,
                "{\"email\":\"%s\",\"displayName\":\"%s\"}".formatted(email, name));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String accountId = JsonPath.read(invited.body(), "$.accountId");
        String password = "correct horse battery " + UUID.randomUUID();
        assertThat(gateway.post("/api/membership" + JsonPath.<String>read(invited.body(), "$.acceptPath"), null,
                "{\"password\":\"" + password + "\"}").statusCode()).isEqualTo(200);
        String person = await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> SignIn.accessToken(platform, email, password), token -> token != null);

        // what a member does: follows everything by mail at once, registers for a meeting, posts a bulletin
        assertThat(gateway.put("/api/notifications/subscriptions/me", person, """
                {"kinds":["MEETING_SCHEDULED_OR_CHANGED","MEASURE_STAGE_CHANGED","BULLETIN_POSTED"],"dossiers":[],"policyAreas":[],
                 "rights":[],"channels":["IN_APP","EMAIL"],"emailRhythm":"IMMEDIATE"}""").statusCode()).isEqualTo(200);
        LocalDateTime start = LocalDateTime.now().plusDays(10).withHour(10).withMinute(0).withSecond(0).withNano(0);
        HttpResponse<String> meeting = gateway.post("/admin/events/meetings", focalPoint, """
                {"title":"Erasure plenary","type":"PLENARY","start":"%s","end":"%s","timeZone":"Europe/Brussels","place":"Brussels","capacity":20}"""
                .formatted(start, start.plusHours(3)));
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
        String meetingId = JsonPath.read(meeting.body(), "$.id");
        await().atMost(ASYNC).ignoreExceptions().until(() -> gateway.post("/api/events/meetings/" + meetingId + "/registrations", person, null)
                .statusCode() == 200);
        assertThat(gateway.post("/api/events/bulletins", person, """
                {"kind":"ACTIVITY_UPDATE","title":"Our report on reception","text":"Published today.","dossierIds":[]}""")
                .statusCode()).isIn(200, 201);
        HttpResponse<String> feed = gateway.awaitGet("/api/notifications/feed", person,
                response -> response.statusCode() == 200 && !JsonPath.<List<?>>read(response.body(), "$.items").isEmpty());
        assertThat(feed.body()).isNotEmpty();
        await().atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).until(() -> GatewayJourneyIT.mails(platform, email), mails -> !mails.isEmpty());
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + platform.port("mongo"))) {
            await().atMost(ASYNC).until(() -> mongo.getDatabase("notification").getCollection("deliveries")
                    .countDocuments(Filters.eq("accountId", accountId)) > 0);
        }

        // the person's copy of their data (Art. 15, 20): every marked field that services keep about them, from each service
        String membershipCopy = gateway.get("/api/membership/me/personal-data", person).body();
        assertThat(JsonPath.<String>read(membershipCopy, "$.data.account.email")).isEqualTo(email);
        assertThat(JsonPath.<String>read(membershipCopy, "$.data.account.displayName")).isEqualTo(name);
        assertThat(JsonPath.<List<String>>read(membershipCopy, "$.data.changesMade[*].type")).contains("AccountActivated");
        String notificationCopy = gateway.get("/api/notifications/me/personal-data", person).body();
        assertThat(JsonPath.<String>read(notificationCopy, "$.data.account.email")).isEqualTo(email);
        assertThat(JsonPath.<String>read(notificationCopy, "$.data.account.displayName")).isEqualTo(name);
        assertThat(JsonPath.<List<String>>read(notificationCopy, "$.data.mails[*].to")).contains(email);
        assertThat(JsonPath.<List<String>>read(notificationCopy, "$.data.mails[*].text")).isNotEmpty();
        assertThat(JsonPath.<List<String>>read(notificationCopy, "$.data.mails[*].html")).isNotEmpty();
        String eventsCopy = gateway.get("/api/events/me/personal-data", person).body();
        assertThat(JsonPath.<List<String>>read(eventsCopy, "$.data.meetingRegistrations[*].meetingId")).contains(meetingId);
        assertThat(JsonPath.<List<String>>read(eventsCopy, "$.data.bulletins[*].title")).contains("Our report on reception");
        // a focal point produces the same copy on the person's request
        assertThat(JsonPath.<String>read(gateway.get("/admin/membership/people/" + accountId + "/personal-data", focalPoint).body(),
                "$.data.account.email")).isEqualTo(email);

        // before the erasure: nowhere in clear where nothing can be erased
        Map<String, Integer> before = new LinkedHashMap<>();
        before.putAll(eventStoreCopies(platform, marker));
        before.putAll(kafkaCopies(platform, marker));
        assertThat(before).as("copies of the marker in clear before the erasure").allSatisfy((place, copies) -> assertThat(copies).isZero());

        // the person erases themselves
        long asked = System.nanoTime();
        HttpResponse<String> erased = gateway.post("/api/membership/me/erasure", person, "{\"password\":\"" + password + "\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        Map<String, Long> reached = new LinkedHashMap<>();
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + platform.port("mongo"));
             Connection keys = postgres(platform, "personal_data")) {
            awaitReached(reached, "membership directory", asked, () -> ERASED.equals(mongo.getDatabase("membership").getCollection("accounts")
                    .find(Filters.eq("_id", accountId)).first().getString("email")));
            awaitReached(reached, "key store", asked, () -> !exists(keys, "select 1 from data_key where subject = '" + accountId + "'"));
            awaitReached(reached, "notification-service", asked, () -> mongo.getDatabase("notification").getCollection("accounts")
                    .countDocuments(Filters.eq("_id", accountId)) == 0 && mongo.getDatabase("notification").getCollection("deliveries")
                    .countDocuments(Filters.eq("accountId", accountId)) == 0);
            awaitReached(reached, "events-service", asked, () -> !JsonPath.<List<String>>read(gateway.get("/api/events/meetings/" + meetingId,
                    focalPoint).body(), "$.registrations.confirmed[*].accountId").contains(accountId));
        }

        // after: nowhere at all
        Map<String, Integer> after = new LinkedHashMap<>();
        after.putAll(eventStoreCopies(platform, marker));
        after.putAll(kafkaCopies(platform, marker));
        after.putAll(mongoCopies(platform, marker));
        after.putAll(logCopies(platform, marker));
        after.put("API answers", apiCopies(gateway, focalPoint, organisation, accountId, marker));

        // the organisation's read model, rebuilt by replay, is the one the erasure left
        Document directoryBefore = organisationDocument(platform, organisation);
        assertThat(gateway.post("/admin/membership/admin/read-models/organisation-directory/replay", focalPoint, null).statusCode()).isEqualTo(202);
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> directoryBefore.equals(organisationDocument(platform, organisation)));
        assertThat(organisationDocument(platform, organisation).toJson()).contains(ERASED).doesNotContain(marker);

        long longest = reached.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("personal-data proof: %d places searched before the erasure, %d after; copies in clear: %d before, %d after;%n"
                        + "erasure reached every service in %d ms (%s)%n", before.size(), after.size(),
                before.values().stream().mapToInt(Integer::intValue).sum(), after.values().stream().mapToInt(Integer::intValue).sum(),
                longest, reached);
        assertThat(after).as("copies of the marker after the erasure").allSatisfy((place, copies) -> assertThat(copies).as(place).isZero());
    }

    private static void awaitReached(Map<String, Long> reached, String place, long asked, java.util.concurrent.Callable<Boolean> done) {
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(done);
        reached.put(place, (System.nanoTime() - asked) / 1_000_000);
    }

    /** Rows of every event and snapshot table of every service whose payload or metadata holds the marker. */
    private static Map<String, Integer> eventStoreCopies(Platform platform, String marker) throws SQLException {
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (String database : List.of("membership", "policy", "events")) {
            try (Connection connection = postgres(platform, database); Statement statement = connection.createStatement()) {
                for (String table : List.of("domain_event_entry", "snapshot_event_entry")) {
                    int found = 0;
                    try (ResultSet rows = statement.executeQuery("select payload, meta_data from " + table)) {
                        while (rows.next()) {
                            found += contains(rows.getBytes(1), marker) || contains(rows.getBytes(2), marker) ? 1 : 0;
                        }
                    }
                    copies.put("PostgreSQL " + database + "." + table, found);
                }
            }
        }
        return copies;
    }

    /** Every record of every topic, read back decompressed, and the raw bytes of every log segment of the broker. */
    private static Map<String, Integer> kafkaCopies(Platform platform, String marker) throws IOException {
        Map<String, Integer> copies = new LinkedHashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + platform.port("kafka"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int records = 0;
            int found = 0;
            long deadline = System.nanoTime() + ASYNC.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    boolean inHeaders = false;
                    for (Header header : record.headers()) {
                        inHeaders |= contains(header.value(), marker);
                    }
                    found += contains(record.key(), marker) || contains(record.value(), marker) || inHeaders ? 1 : 0;
                }
            }
            assertThat(records).as("records read back from the broker").isPositive();
            copies.put("Kafka records (" + records + ")", found);
        }
        int segments = 0;
        int found = 0;
        try (Stream<Path> files = Files.walk(platform.data().resolve("kafka"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".log")).toList()) {
                segments++;
                found += contains(Files.readAllBytes(file), marker) ? 1 : 0;
            }
        }
        assertThat(segments).as("Kafka log segments on disk").isPositive();
        copies.put("Kafka log segments (" + segments + ")", found);
        return copies;
    }

    /** Documents of every collection of every database of the MongoDB-wire server. */
    private static Map<String, Integer> mongoCopies(Platform platform, String marker) {
        Map<String, Integer> copies = new LinkedHashMap<>();
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + platform.port("mongo"))) {
            for (String database : mongo.listDatabaseNames()) {
                MongoDatabase db = mongo.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    int found = 0;
                    for (Document document : db.getCollection(collection).find()) {
                        found += document.toJson().toLowerCase(Locale.ROOT).contains(marker) ? 1 : 0;
                    }
                    copies.put("MongoDB " + database + "." + collection, found);
                }
            }
        }
        return copies;
    }

    /** Lines of every service's log file. */
    private static Map<String, Integer> logCopies(Platform platform, String marker) throws IOException {
        Map<String, Integer> copies = new LinkedHashMap<>();
        try (Stream<Path> logs = Files.list(platform.data().resolve("logs"))) {
            for (Path log : logs.toList()) {
                int found = 0;
                for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                    found += line.toLowerCase(Locale.ROOT).contains(marker) ? 1 : 0;
                }
                copies.put("log " + log.getFileName(), found);
            }
        }
        return copies;
    }

    /** What the API shows a focal point of the organisation and its people, and the network's lists. */
    private static int apiCopies(ApiClient gateway, String focalPoint, String organisation, String accountId, String marker) {
        int found = 0;
        List<String> paths = new ArrayList<>(List.of("/api/membership/organisations/" + organisation + "/accounts",
                "/api/membership/organisations/" + organisation, "/api/events/bulletins", "/api/notifications/feed", "/admin/notifications/deliveries"));
        for (String service : List.of("membership", "policy", "events", "notifications")) {
            paths.add("/admin/" + service + "/people/" + accountId + "/personal-data");
        }
        for (String path : paths) {
            HttpResponse<String> answer = gateway.get(path, focalPoint);
            found += answer.body().toLowerCase(Locale.ROOT).contains(marker) ? 1 : 0;
        }
        return found;
    }

    private static Document organisationDocument(Platform platform, String organisation) {
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + platform.port("mongo"))) {
            Document document = mongo.getDatabase("membership").getCollection("organisations").find(Filters.eq("_id", organisation)).first();
            assertThat(document).isNotNull();
            return document;
        }
    }

    private static Connection postgres(Platform platform, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + platform.port("postgres") + "/" + database, "postgres", "postgres");
    }

    private static boolean exists(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    private static boolean contains(byte[] bytes, String marker) {
        return bytes != null && new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains(marker);
    }
}
