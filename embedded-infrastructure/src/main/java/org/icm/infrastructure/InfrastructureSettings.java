package org.icm.infrastructure;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to run the embedded infrastructure.
 *
 * @param dataDirectory where servers keep their data between runs; {@code null} for throw-away data in a
 *                      temporary folder (tests)
 * @param durable       whether PostgreSQL syncs every commit to disk (the local platform) or not (tests)
 * @param kafkaPort     Kafka's client port; the KRaft controller listens on the next port. 0 picks free ports
 * @param postgresPort  0 picks a free port
 * @param mongoPort     0 picks a free port
 * @param smtpPort      0 picks a free port
 * @param imapPort      0 picks a free port
 * @param databases     the PostgreSQL databases to create when missing, one per event-sourced service
 */
public record InfrastructureSettings(
        Path dataDirectory,
        boolean durable,
        int kafkaPort,
        int postgresPort,
        int mongoPort,
        int smtpPort,
        int imapPort,
        List<String> databases) {

    /** The database of the platform's key store: each person's data key (crypto-shredding), shared by every service. */
    public static final String KEY_STORE_DATABASE = "personal_data";

    /** The databases of the event-sourced services, and the key store's. */
    public static final List<String> SERVICE_DATABASES = List.of("membership", "policy", "events", KEY_STORE_DATABASE);

    public InfrastructureSettings {
        Objects.requireNonNull(databases, "databases");
        databases = List.copyOf(databases);
    }

    /** Free ports, throw-away data, no fsync: for tests. */
    public static InfrastructureSettings forTests() {
        return new InfrastructureSettings(null, false, 0, 0, 0, 0, 0, SERVICE_DATABASES);
    }

    /** The local platform's fixed ports, data kept in the given folder, durable. */
    public static InfrastructureSettings local(Path dataDirectory) {
        return new InfrastructureSettings(dataDirectory, true, 9092, 5432, 27017, 2525, 3143, SERVICE_DATABASES);
    }

    public boolean keepsData() {
        return dataDirectory != null;
    }
}
