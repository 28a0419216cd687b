package io.tributary.compat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.testkit.ConnectRestException;
import io.tributary.testkit.TestingConnect;
import io.tributary.testkit.TestingKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

/** A Kafka broker with one Connect worker, running one connector; its topics read back as {@link EventLog}s. */
final class ConnectPipeline implements AutoCloseable {
    // a ceiling: Debezium's MySQL snapshot beside a Connect worker took over 90 s on a loaded 2-core machine
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final TestingKafka kafka;
    private final TestingConnect connect;

    private ConnectPipeline(Map<String, String> workerOverrides) {
        this.kafka = TestingKafka.create();
        this.connect = TestingConnect.create(kafka, workerOverrides);
    }

    static ConnectPipeline start(Map<String, String> workerOverrides) {
        return new ConnectPipeline(workerOverrides);
    }

    TestingKafka kafka() {
        return kafka;
    }

    TestingConnect connect() {
        return connect;
    }

    void deploy(String name, Map<String, String> config) {
        deploy(name, config, 1);
    }

    /**
     * Deploys a connector and waits until it and its {@code tasks} tasks run (right after the PUT the worker may not
     * know its status yet and answers 404: asked again).
     */
    void deploy(String name, Map<String, String> config, int tasks) {
        connect.rest().putConnector(name, config);
        Awaitility.await().atMost(TIMEOUT).until(() -> connect.rest().isRunning(name, tasks));
    }

    /** Waits until {@code topic} holds at least {@code count} records. */
    void awaitRecords(String topic, int count) {
        Awaitility.await().atMost(TIMEOUT).until(() -> topicExists(topic) && kafka.readAll(topic).size() >= count);
    }

    private boolean topicExists(String topic) throws Exception {
        try (var admin = kafka.admin()) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    /** Every record of {@code topic}, normalised, with its headers' texts, as a log named {@code name}. */
    EventLog read(String topic, String name) {
        EventLog log = new EventLog(name);
        for (ConsumerRecord<String, String> record : kafka.readAll(topic)) {
            List<String> headers = new ArrayList<>();
            for (Header header : record.headers()) {
                headers.add(header.key() + "=" + (header.value() == null ? null
                        : new String(header.value(), StandardCharsets.UTF_8)));
            }
            log.add(new CapturedEvent(record.topic(), record.key(), record.value(), headers));
        }
        return log;
    }

    @Override
    public void close() {
        connect.close();
        kafka.close();
    }
}
