package org.icm.infrastructure;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server), for where no MongoDB can run.
 * With a data folder it keeps documents on disk (H2 MVStore backend); without one, in memory.
 * Limits worth knowing: no transactions, non-unique secondary indexes are accepted but not used.
 * The docker-compose topology runs a real MongoDB.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend diskBackend;

    private EmbeddedMongo(MongoServer server, H2Backend diskBackend) {
        this.server = server;
        this.diskBackend = diskBackend;
    }

    static EmbeddedMongo start(Path dataFile, int port) {
        H2Backend diskBackend = null;
        MongoServer server;
        if (dataFile != null) {
            try {
                Files.createDirectories(dataFile.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dataFile.getParent(), e);
            }
            diskBackend = new H2Backend(dataFile.toAbsolutePath().toString());
            server = new MongoServer(diskBackend);
        } else {
            server = new MongoServer(new MemoryBackend());
        }
        server.bind("localhost", port);
        return new EmbeddedMongo(server, diskBackend);
    }

    String uri() {
        return "mongodb://localhost:" + server.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        // shutdownNow closes the backend too, which commits and closes the H2 store file
        server.shutdownNow();
    }
}
