package io.tributary.bench.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The product benchmark's broker: {@link KafkaBrokerMain} in a JVM of its own, and an admin client to it. */
final class BenchBroker implements AutoCloseable {
    private final ServerJvm server;
    private final Admin admin;

    private BenchBroker(ServerJvm server) {
        this.server = server;
        this.admin = Admin.create(Map.of("bootstrap.servers", server.address()));
    }

    static BenchBroker start(Path directory) throws IOException, InterruptedException {
        return new BenchBroker(ServerJvm.start(KafkaBrokerMain.class, directory, "broker"));
    }

    String bootstrapServers() {
        return server.address();
    }

    /** The broker's CPU (user + system) since it started. */
    long cpuNanos() throws IOException {
        return server.cpuNanos();
    }

    void createTopic(String topic) throws Exception {
        createTopic(topic, 1);
    }

    void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
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
        server.close();
    }
}
