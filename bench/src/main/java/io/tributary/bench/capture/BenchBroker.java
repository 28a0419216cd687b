package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.tributary.testkit.ChildJvm;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The product benchmark's broker: {@link KafkaBrokerMain} in a JVM of its own, and an admin client to it. */
final class BenchBroker implements AutoCloseable {
    private final Process process;
    private final String bootstrapServers;
    private final Admin admin;

    private BenchBroker(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    static BenchBroker start(Path directory) throws IOException, InterruptedException {
        Path ready = directory.resolve("broker.ready");
        Process process = ChildJvm.start(KafkaBrokerMain.class, directory.resolve("broker.log"),
                System.getProperty("java.class.path"), List.of("-Xmx1g"), ready.toString());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the benchmark's Kafka broker did not start; see "
                        + directory.resolve("broker.log"));
            }
            Thread.sleep(100);
        }
        return new BenchBroker(process, Files.readString(ready).strip());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's CPU (user + system) since it started. */
    long cpuNanos() throws IOException {
        return ProcessCpu.of(process.pid()).cpuNanos();
    }

    void createTopic(String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                .get(1, TimeUnit.MINUTES);
    }

    long endOffset(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                .get(1, TimeUnit.MINUTES).offset();
    }

    boolean topicExists(String topic) throws Exception {
        return admin.listTopics().names().get(1, TimeUnit.MINUTES).contains(topic);
    }

    /** Deletes the topic and waits until it is gone, so that the next run starts from an empty one. */
    void deleteTopic(String topic) throws Exception {
        admin.deleteTopics(List.of(topic)).all().get(1, TimeUnit.MINUTES);
        while (admin.listTopics().names().get(1, TimeUnit.MINUTES).contains(topic)) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        admin.close();
        process.getOutputStream().close();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }
}
