package org.icm.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same infrastructure as {@link EmbeddedInfrastructure} on real images through Testcontainers, for
 * machines with a Docker engine ({@code -Dicm.infrastructure=testcontainers}). Image versions match
 * docker-compose.yml. SMTP stays the embedded GreenMail server: it is the catcher either way.
 */
final class ContainerInfrastructure implements Infrastructure {

    static final String POSTGRES_IMAGE = "postgres:17.6-alpine";
    static final String MONGO_IMAGE = "mongo:8.0.13";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private final PostgreSQLContainer postgres;
    private final MongoDBContainer mongo;
    private final KafkaContainer kafka;
    private final EmbeddedSmtp smtp;
    private final String keyEncryptionKeys = KeyEncryptionKeyFile.random("test-1");

    private ContainerInfrastructure(PostgreSQLContainer postgres, MongoDBContainer mongo, KafkaContainer kafka, EmbeddedSmtp smtp) {
        this.postgres = postgres;
        this.mongo = mongo;
        this.kafka = kafka;
        this.smtp = smtp;
    }

    static ContainerInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres.start();
        mongo.start();
        kafka.start();
        createServiceDatabases(postgres);
        return new ContainerInfrastructure(postgres, mongo, kafka, EmbeddedSmtp.start(Ports.free(), Ports.free()));
    }

    private static void createServiceDatabases(PostgreSQLContainer postgres) {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
             Statement statement = connection.createStatement()) {
            for (String database : InfrastructureSettings.SERVICE_DATABASES) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the service databases", e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String postgresHost() {
        return postgres.getHost();
    }

    @Override
    public int postgresPort() {
        return postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String postgresUser() {
        return postgres.getUsername();
    }

    @Override
    public String postgresPassword() {
        return postgres.getPassword();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }


    @Override
    public String keyEncryptionKeys() {
        return keyEncryptionKeys;
    }

    @Override
    public EmbeddedSmtp smtp() {
        return smtp;
    }

    @Override
    public void close() {
        smtp.close();
        kafka.stop();
        mongo.stop();
        postgres.stop();
    }
}
