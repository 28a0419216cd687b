package io.tributary.bench.capture;

import java.nio.file.Path;

import io.tributary.testkit.TestingKafka;

/**
 * The benchmark's Kafka broker in a JVM of its own ({@link ServerJvm}): writes its bootstrap servers to the file
 * named by the argument, then serves until its standard input ends.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (TestingKafka kafka = TestingKafka.create()) {
            ServerJvm.serve(Path.of(args[0]), kafka.bootstrapServers());
        }
        System.exit(0);
    }
}
