package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestingKafkaIT {
    private static TestingKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = TestingKafka.create();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void producedRecordIsConsumedBack() {
        kafka.createTopic("greetings", 3);

        kafka.produce("greetings", "k1", "hello");

        List<ConsumerRecord<String, String>> records = kafka.readAll("greetings");
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("k1");
            assertThat(record.value()).isEqualTo("hello");
        });
    }

    @Test
    void transactionsWorkOnTheSingleBroker() {
        kafka.createTopic("orders", 1);
        Properties properties = kafka.producerProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-tx");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("orders", "1", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("orders", "1", "committed"));
            producer.commitTransaction();
        }

        // the commit markers are written just after commitTransaction returns; until then the records are unstable
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(kafka.readAll("orders", new StringDeserializer(), new StringDeserializer(),
                        IsolationLevel.READ_COMMITTED)).extracting(ConsumerRecord::value).containsExactly("committed"));
    }
}
