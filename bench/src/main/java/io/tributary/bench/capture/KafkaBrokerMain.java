package io.tributary.bench.capture;

import java.nio.file.Files;
import java.nio.file.Path;

import io.tributary.testkit.TestingKafka;

/**
 * The benchmark's Kafka broker in a JVM of its own, so that its CPU can be read from {@code /proc} apart from the
 * engines' and the benchmark's. Writes its bootstrap servers to the file named by the argument, then serves until
 * its standard input ends (the benchmark closes it, or exits).
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (TestingKafka kafka = TestingKafka.create()) {
            Path ready = Path.of(args[0]);
            Files.writeString(ready.resolveSibling(ready.getFileName() + ".tmp"), kafka.bootstrapServers());
            Files.move(ready.resolveSibling(ready.getFileName() + ".tmp"), ready);
            while (System.in.read() >= 0) {
                // serves until the benchmark closes this process's input
            }
        }
        System.exit(0);
    }
}
