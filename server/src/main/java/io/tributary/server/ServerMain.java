package io.tributary.server;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one pipeline file until SIGTERM/Ctrl-C (graceful: the batch in hand is delivered and its offset stored)
 * or until the pipeline fails (exit code 1). The {@code tributary run} command does the same with a friendlier
 * surface; tests start this in a child JVM to kill it.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: ServerMain <pipeline file>");
            System.exit(2);
        }
        TributaryServer server = TributaryServer.start(Path.of(args[0]));
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            closed.countDown();
        }, "tributary-shutdown"));
        // the pipeline may be replaced by another (its config provider values read again): wait for the one running
        Pipeline pipeline = server.pipeline();
        while (true) {
            pipeline.awaitTermination();
            if (pipeline.state() == Pipeline.State.FAILED) {
                System.err.println("pipeline failed: " + pipeline.trace().orElse(""));
                System.exit(1);
            }
            if (closed.getCount() == 0 || server.pipeline() == pipeline) {
                break;
            }
            pipeline = server.pipeline();
        }
        closed.await();
    }
}
