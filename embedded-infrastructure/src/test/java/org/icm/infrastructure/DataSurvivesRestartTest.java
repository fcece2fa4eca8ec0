package org.icm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data folder, durable settings and a restart in between, nothing written is lost. */
class DataSurvivesRestartTest {

    @TempDir
    Path data;

    @Test
    void kafkaPostgresAndMongoKeepTheirDataAcrossARestart() throws Exception {
        var settings = new InfrastructureSettings(data, true, 0, 0, 0, 0, 0, List.of("policy"));
        String marker = UUID.randomUUID().toString();

        try (var first = EmbeddedInfrastructure.start(settings)) {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart.probe", marker, marker)).get();
            }
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("create table probe (marker text primary key)");
                statement.execute("insert into probe values ('" + marker + "')");
            }
            try (MongoClient client = MongoClients.create(first.mongoUri())) {
                client.getDatabase("policy").getCollection("probe").insertOne(new Document("_id", marker));
            }
        }

        try (var second = EmbeddedInfrastructure.start(settings)) {
            assertThat(readTopic(second, "restart.probe")).contains(marker);
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select marker from probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(marker);
            }
            try (MongoClient client = MongoClients.create(second.mongoUri())) {
                assertThat(client.getDatabase("policy").getCollection("probe").find(Filters.eq("_id", marker)).first()).isNotNull();
            }
        }
    }

    private static Connection connect(Infrastructure infrastructure) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + infrastructure.postgresPort() + "/policy",
                infrastructure.postgresUser(), infrastructure.postgresPassword());
    }

    private static List<String> readTopic(Infrastructure infrastructure, String topic) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
