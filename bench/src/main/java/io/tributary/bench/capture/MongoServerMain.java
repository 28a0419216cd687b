package io.tributary.bench.capture;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A mongo-java-server of the benchmark in a JVM of its own ({@link ServerJvm}), on a free port of 127.0.0.1: writes
 * its connection string to the file named by the first argument, then serves until its standard input ends. The
 * second argument is its backend, {@code memory} or {@code h2:<file>} (an MVStore file, so that documents live on
 * disk rather than in the heap). Its oplog, which change streams need, is off until the benchmark tells it
 * {@code oplog}: mongo-java-server's change streams scan and sort the whole oplog at every {@code getMore}, so the
 * preloaded documents are left out of it, as they are from a real server's oplog that has rolled over since.
 */
public final class MongoServerMain {
    private MongoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        MongoBackend backend = args[1].startsWith("h2:") ? new H2Backend(args[1].substring("h2:".length()))
                : new MemoryBackend();
        MongoServer server = new MongoServer(backend);
        server.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
        int port = server.getLocalAddress().getPort();
        try {
            ServerJvm.serve(Path.of(args[0]), "mongodb://127.0.0.1:" + port, command -> {
                if (command.equals("oplog")) {
                    server.enableOplog();
                }
            });
        } finally {
            server.shutdownNow();
        }
        System.exit(0);
    }
}
