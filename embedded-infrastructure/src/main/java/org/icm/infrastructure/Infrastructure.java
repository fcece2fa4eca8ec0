package org.icm.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The servers a platform needs: Kafka, PostgreSQL, a MongoDB-wire server and SMTP. The local launcher
 * and the tests reach them only through {@link #springProperties()}, so embedded servers and containers
 * are interchangeable.
 */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    String postgresHost();

    int postgresPort();

    String postgresUser();

    String postgresPassword();

    /** A MongoDB connection string without a database; each service names its own database. */
    String mongoUri();

    /**
     * The key-encryption keys that wrap every person's data key in the key store, as {@code id:base64} (the first wraps
     * new keys): what a key-management service holds in production.
     */
    String keyEncryptionKeys();

    /** The SMTP server that catches the platform's mail (embedded GreenMail in every setup). */
    EmbeddedSmtp smtp();

    default String smtpHost() {
        return "localhost";
    }

    default int smtpPort() {
        return smtp().smtpPort();
    }

    /**
     * The properties a service needs to reach this infrastructure. Each service's own configuration
     * turns {@code icm.postgres.host}/{@code port} into a JDBC URL for its own database.
     */
    default Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("icm.postgres.host", postgresHost());
        properties.put("icm.postgres.port", Integer.toString(postgresPort()));
        properties.put("spring.datasource.username", postgresUser());
        properties.put("spring.datasource.password", postgresPassword());
        properties.put("spring.mongodb.uri", mongoUri());
        properties.put("icm.personal-data.key-store.url", "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/"
                + InfrastructureSettings.KEY_STORE_DATABASE);
        properties.put("icm.personal-data.key-encryption-keys", keyEncryptionKeys());
        properties.put("spring.mail.host", smtpHost());
        properties.put("spring.mail.port", Integer.toString(smtpPort()));
        // what runs on this infrastructure is a local platform (the launcher's, or a test's): development secrets allowed
        properties.put("icm.local-platform", "true");
        return properties;
    }

    @Override
    void close();
}
