package io.tributary.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tributary.server.TributaryServer;

/**
 * A running server's graceful stop on SIGTERM or Ctrl-C (a JVM shutdown hook), or on demand from the command itself
 * (a failure, an interrupt), whichever comes first; it stops the server once.
 */
final class ShutdownStop {
    private final TributaryServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownStop(TributaryServer server) {
        this.server = server;
        this.hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tributary-shutdown");
    }

    static ShutdownStop install(TributaryServer server) {
        ShutdownStop stop = new ShutdownStop(server);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Whether the shutdown hook stopped the server. */
    boolean stopped() {
        return stopped.getCount() == 0;
    }

    /** Waits for the shutdown hook's stop. */
    void await() throws InterruptedException {
        stopped.await();
    }

    /** Waits up to {@code timeout} for the shutdown hook's stop; whether it came. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** Stops the server now, the command's own decision: the shutdown hook is not needed any more. */
    void stopNow() {
        Runtime.getRuntime().removeShutdownHook(hook);
        server.close();
    }
}
