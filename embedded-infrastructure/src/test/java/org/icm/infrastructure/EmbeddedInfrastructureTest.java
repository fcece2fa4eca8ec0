package org.icm.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.cloudevents.CloudEvent;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.Topic;
import org.junit.jupiter.api.Test;

/** Each embedded server, used through its real client and wire protocol. */
class EmbeddedInfrastructureTest {

    record DossierOpened(String dossierId, String title) implements IntegrationEvent {
        @Override
        public String subject() {
            return dossierId;
        }
    }

    static final IntegrationEventType<DossierOpened> OPENED =
            new IntegrationEventType<>("org.icm.policy.DossierOpened.v1", Topic.POLICY, DossierOpened.class);

    final Infrastructure infrastructure = SharedInfrastructure.get();

    @Test
    void aCloudEventProducedToKafkaIsConsumedBack() {
        var codec = new IntegrationEventCodec(URI.create("/icm/policy-service"), List.of(OPENED));
        String topic = "test." + UUID.randomUUID();
        var event = new DossierOpened("d-1", "Pact on Migration and Asylum");
        CloudEvent envelope = codec.envelope(OPENED, event, UUID.randomUUID().toString(), Instant.now());

        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, event.subject(), codec.encode(envelope))).get();
        } catch (Exception e) {
            throw new AssertionError("send failed", e);
        }

        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        assertThat(received.getFirst().key()).isEqualTo("d-1");
        CloudEvent read = codec.decode(received.getFirst().value());
        assertThat(read.getId()).isEqualTo(envelope.getId());
        assertThat(codec.payload(read)).contains(event);
    }

    @Test
    void aRowWrittenToAServiceDatabaseIsReadBack() throws Exception {
        String url = "jdbc:postgresql://" + infrastructure.postgresHost() + ":" + infrastructure.postgresPort() + "/policy";
        try (Connection connection = DriverManager.getConnection(url, infrastructure.postgresUser(), infrastructure.postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists probe (id text primary key, note text)");
            statement.execute("insert into probe values ('" + UUID.randomUUID() + "', 'stored')");
            try (ResultSet rows = statement.executeQuery("select count(*) from probe where note = 'stored'")) {
                rows.next();
                assertThat(rows.getInt(1)).isPositive();
            }
        }
    }

    @Test
    void aDocumentWrittenThroughTheMongoDriverIsReadBack() {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoCollection<Document> dossiers = client.getDatabase("policy").getCollection("probe");
            String id = UUID.randomUUID().toString();
            dossiers.insertOne(new Document("_id", id).append("title", "Return regulation"));

            Document read = dossiers.find(Filters.eq("_id", id)).first();

            assertThat(read).isNotNull();
            assertThat(read.getString("title")).isEqualTo("Return regulation");
        }
    }

    @Test
    void aMailSentOverSmtpIsReceived() throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", infrastructure.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(infrastructure.smtpPort()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@icm.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("participant@ngo.example"));
        String subject = "Consultation closing in 7 days " + UUID.randomUUID();
        message.setSubject(subject);
        message.setText("The call for evidence closes soon.");

        Transport.send(message);

        assertThat(infrastructure.smtp().receivedMessages())
                .anySatisfy(received -> {
                    assertThat(received.getSubject()).isEqualTo(subject);
                    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("participant@ngo.example");
                });
    }
}
