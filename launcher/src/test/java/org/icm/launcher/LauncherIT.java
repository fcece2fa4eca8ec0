package org.icm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.icm.infrastructure.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the platform from the packaged launcher jar (what {@code ./mvnw -Pstart} runs), on free ports,
 * as a person would: waits for the ready line, reaches every service through the gateway, sees a killed service come
 * back, stops it with SIGINT (Ctrl-C), starts it again and finds what was written before the stop; kills the launcher
 * itself and starts once more on the same folder.
 */
class LauncherIT {

    @TempDir
    Path data;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsEveryServiceBehindTheGatewayStopsCleanlyAndKeepsDataAcrossARestart() throws Exception {
        Map<String, Integer> ports = RunningLauncher.freePorts();
        String marker = UUID.randomUUID().toString();

        // no option: an empty data folder gets the sample organisations and dossiers on its first start
        try (RunningLauncher first = RunningLauncher.start(args(ports))) {
            first.awaitReady();
            assertPlatformHealthy(ports.get("gateway-port"));
            awaitSampleDossierThroughTheGateway(ports.get("gateway-port"));
            awaitSampleOrganisationThroughTheGateway(ports.get("gateway-port"));
            // the web client's pages at the gateway's root
            HttpResponse<String> home = get("http://localhost:" + ports.get("gateway-port") + "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Initiative for Children in Migration");
            assertThat(first.output()).anyMatch(line -> line.contains("focal-point@icm.local / icm-local-development"));

            // a service that crashes is started again, said on the terminal, and serves again behind the gateway
            first.killService("notification-service");
            first.awaitLine("ICM launcher: notification-service stopped unexpectedly (exit status 137); starting it again in 1 s", Duration.ofSeconds(10));
            first.awaitLine("ICM launcher: notification-service started again", Duration.ofSeconds(30));
            awaitPlatformHealthy(ports.get("gateway-port"));
            writeMarker(ports, marker);
            // the MongoDB stand-in (H2 MVStore, in the launcher's JVM) writes to disk once a second: what it took in the
            // last second before a SIGKILL is lost (a known gap of the local platform; docker-compose runs real MongoDB)
            Thread.sleep(2_000);
            // a hard stop of the launcher itself: its services and PostgreSQL keep running on the folder's ports
            first.killLauncher();
        }
        assertThat(Ports.isTaken(ports.get("postgres-port"))).as("PostgreSQL outlives a killed launcher").isTrue();

        // the next start on the same folder stops what the killed run left, then starts as usual, with everything kept
        // (two starts, not three: each costs a minute or more of the build's time)
        List<String> withoutSampleContent = new ArrayList<>(args(ports));
        withoutSampleContent.add("--no-sample-content");
        try (RunningLauncher second = RunningLauncher.start(withoutSampleContent)) {
            second.awaitReady();
            assertThat(second.output()).anyMatch(line -> line.startsWith("The previous run of this data folder ended without stopping the platform;")
                    && line.contains("PostgreSQL") && line.contains("gateway") && line.contains("notification-service"));
            assertPlatformHealthy(ports.get("gateway-port"));
            assertMarkerFound(ports, marker);
            // the dossiers loaded on the first start are still there, events and read model alike (none loaded this time)
            HttpResponse<String> dossiers = get("http://localhost:" + ports.get("gateway-port") + "/api/policy/dossiers?q=Pact");
            assertThat(dossiers.body()).contains("Pact on Migration and Asylum");
            // Ctrl-C stops everything cleanly
            second.interrupt();
            assertThat(second.awaitExit()).as("exit status after Ctrl-C (128 + SIGINT)").isEqualTo(130);
            assertThat(second.output()).anyMatch(line -> line.equals("ICM platform stopped."));
        }
        assertThat(ports.values()).allSatisfy(port -> assertThat(Ports.isTaken(port)).as("port %d released", port).isFalse());
        assertThat(Files.list(data.resolve("logs")).map(path -> path.getFileName().toString()))
                .contains("gateway.log", "membership-service.log", "policy-service.log", "events-service.log",
                        "notification-service.log", "web.log", "infrastructure.log");
    }

    @Test
    void aTakenPortIsOneClearLine() throws Exception {
        Map<String, Integer> ports = RunningLauncher.freePorts();
        try (var blocker = new java.net.ServerSocket(ports.get("policy-port"), 1, java.net.InetAddress.getLoopbackAddress())) {
            try (RunningLauncher launcher = RunningLauncher.start(args(ports))) {
                assertThat(launcher.awaitExit()).isEqualTo(1);
                assertThat(launcher.output()).containsExactly(
                        "ICM launcher: port " + ports.get("policy-port") + " (policy) is already in use: stop what uses it, or choose another with --policy-port=<port>");
            }
        }
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsOneClearLine() throws Exception {
        Path file = Files.writeString(data.resolve("not-a-folder"), "x");
        try (RunningLauncher launcher = RunningLauncher.start(List.of("--data=" + file.resolve("data")))) {
            assertThat(launcher.awaitExit()).isEqualTo(2);
            assertThat(launcher.output()).singleElement().asString()
                    .startsWith("ICM launcher: cannot write to the data folder " + file.resolve("data"))
                    .endsWith("choose another with --data=<folder>");
        }
    }

    private List<String> args(Map<String, Integer> ports) {
        List<String> args = new ArrayList<>(List.of("--home=" + RunningLauncher.HOME, "--data=" + data));
        args.addAll(RunningLauncher.portOptions(ports));
        return args;
    }

    /** Waits (up to 2 minutes) until the gateway reports every service UP again. */
    private void awaitPlatformHealthy(int gatewayPort) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // 200 only when every service is UP (the body names each service's status, UP ones too, while one is DOWN)
        while (get("http://localhost:" + gatewayPort + "/actuator/health").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the platform is not healthy again within 2 minutes");
            }
            Thread.sleep(500);
        }
        assertPlatformHealthy(gatewayPort);
    }

    private void assertPlatformHealthy(int gatewayPort) throws Exception {
        HttpResponse<String> health = get("http://localhost:" + gatewayPort + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        for (String service : Launcher.SERVICES.stream().map(Launcher::nameAtGateway).toList()) {
            assertThat(health.body()).contains("\"" + service + "\":{\"status\":\"UP\"}");
            HttpResponse<String> serviceHealth = get("http://localhost:" + gatewayPort + "/api/" + service + "/actuator/health");
            assertThat(serviceHealth.statusCode()).as(service).isEqualTo(200);
            assertThat(serviceHealth.body()).as(service).contains("\"status\":\"UP\"");
        }
    }

    private void awaitSampleDossierThroughTheGateway(int gatewayPort) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline && !body.contains("Pact on Migration and Asylum")) {
            body = get("http://localhost:" + gatewayPort + "/api/policy/dossiers?q=Pact").body();
            Thread.sleep(250);
        }
        assertThat(body).as("the sample dossiers, read anonymously through the gateway").contains("Pact on Migration and Asylum");
    }

    private void awaitSampleOrganisationThroughTheGateway(int gatewayPort) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline && !body.contains("Kinderrechte Beispielverein")) {
            body = get("http://localhost:" + gatewayPort + "/api/membership/organisations?q=Kinderrechte").body();
            Thread.sleep(250);
        }
        assertThat(body).as("the sample organisations, in the public directory through the gateway").contains("Kinderrechte Beispielverein");
    }

    private static void writeMarker(Map<String, Integer> ports, String marker) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.get("kafka-port"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("launcher.restart-probe", marker, marker)).get();
        }
        try (Connection connection = postgres(ports); Statement statement = connection.createStatement()) {
            statement.execute("create table restart_probe (marker text primary key)");
            statement.execute("insert into restart_probe values ('" + marker + "')");
        }
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + ports.get("mongo-port"))) {
            mongo.getDatabase("policy").getCollection("restart_probe").insertOne(new Document("_id", marker));
        }
    }

    private static void assertMarkerFound(Map<String, Integer> ports, String marker) throws Exception {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.get("kafka-port"),
                ConsumerConfig.GROUP_ID_CONFIG, "launcher-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("launcher.restart-probe"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        assertThat(values).containsExactly(marker);
        try (Connection connection = postgres(ports); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select marker from restart_probe")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(marker);
        }
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + ports.get("mongo-port"))) {
            assertThat(mongo.getDatabase("policy").getCollection("restart_probe").find(Filters.eq("_id", marker)).first()).isNotNull();
        }
    }

    private static Connection postgres(Map<String, Integer> ports) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.get("postgres-port") + "/policy", "postgres", "postgres");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
