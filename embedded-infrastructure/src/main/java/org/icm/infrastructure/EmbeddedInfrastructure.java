package org.icm.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, PostgreSQL, the MongoDB-wire server and SMTP, all real servers, started in this JVM (PostgreSQL
 * as its own process). The data folder holds {@code kafka/}, {@code postgres/} and {@code mongo/}, and the key-encryption
 * key of the platform's key store ({@code key-encryption-key}: made on the first start, needed for every later one).
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final InfrastructureSettings settings;
    private final Path dataDirectory;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;
    private EmbeddedMongo mongo;
    private EmbeddedSmtp smtp;
    private String keyEncryptionKeys;

    private EmbeddedInfrastructure(InfrastructureSettings settings, Path dataDirectory) {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
    }

    /** Starts every server; on a failure, stops those already started and rethrows. */
    public static EmbeddedInfrastructure start(InfrastructureSettings settings) {
        Path data = settings.keepsData() ? settings.dataDirectory() : temporaryFolder();
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(settings, data);
        try {
            infrastructure.startServers();
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    private void startServers() {
        long begin = System.nanoTime();
        int kafkaPort = Ports.orFree(settings.kafkaPort());
        int controllerPort = settings.kafkaPort() == 0 ? Ports.free() : settings.kafkaPort() + 1;
        postgres = remember(EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), settings.keepsData(),
                settings.durable(), Ports.orFree(settings.postgresPort()), settings.databases()));
        mongo = remember(EmbeddedMongo.start(settings.keepsData() ? dataDirectory.resolve("mongo").resolve("mongo.mv") : null,
                Ports.orFree(settings.mongoPort())));
        smtp = remember(EmbeddedSmtp.start(Ports.orFree(settings.smtpPort()), Ports.orFree(settings.imapPort())));
        kafka = remember(EmbeddedKafka.start(dataDirectory.resolve("kafka"), kafkaPort, controllerPort));
        keyEncryptionKeys = KeyEncryptionKeyFile.readOrCreate(dataDirectory.resolve("key-encryption-key"));
        log.info("Embedded infrastructure up in {} ms: Kafka {}, PostgreSQL {}, MongoDB-wire {}, SMTP {}",
                (System.nanoTime() - begin) / 1_000_000, kafka.bootstrapServers(), postgres.port(), mongo.uri(), smtp.smtpPort());
    }

    private <T extends AutoCloseable> T remember(T server) {
        started.push(server);
        return server;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("icm-infrastructure-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String postgresHost() {
        return "localhost";
    }

    @Override
    public int postgresPort() {
        return postgres.port();
    }

    @Override
    public String postgresUser() {
        return EmbeddedPostgresServer.USER;
    }

    @Override
    public String postgresPassword() {
        return EmbeddedPostgresServer.PASSWORD;
    }

    @Override
    public String mongoUri() {
        return mongo.uri();
    }


    @Override
    public String keyEncryptionKeys() {
        return keyEncryptionKeys;
    }

    @Override
    public EmbeddedSmtp smtp() {
        return smtp;
    }

    /** Stops the servers in reverse order of start; throw-away data is deleted. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", server.getClass().getSimpleName(), e.toString());
            }
        }
        if (!settings.keepsData()) {
            deleteQuietly(dataDirectory);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}: {}", folder, e.toString());
        }
    }
}
