package io.tributary.sink.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.OffsetStore;
import io.tributary.api.SinkException;
import io.tributary.core.offsets.OffsetJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Source offsets in a compacted Kafka topic, written in the same transaction as the events they follow, so that
 * after a crash the stored offset and the committed events agree exactly. Keys are shaped as Kafka Connect's
 * offset topic keys: {@code ["<pipeline>",{partition}]}.
 */
final class KafkaOffsets implements OffsetStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaSink sink;
    private final KafkaSinkConfig config;
    private final String pipeline;

    KafkaOffsets(KafkaSink sink, KafkaSinkConfig config, String pipeline) {
        this.sink = sink;
        this.config = config;
        this.pipeline = pipeline;
    }

    @Override
    public Optional<Map<String, ?>> load() {
        Map<String, Object> settings = new HashMap<>(config.clientSettings());
        settings.put("isolation.level", "read_committed");
        settings.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(config.offsetsTopic(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, ?> last = null;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && isOurs(record.key())) {
                        last = OffsetJson.read(record.value());
                    }
                }
            }
            return Optional.ofNullable(last);
        }
    }

    private boolean isOurs(byte[] key) {
        try {
            var node = MAPPER.readTree(key);
            return node.isArray() && node.size() > 0 && pipeline.equals(node.get(0).asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public void save(Map<String, ?> partition, Map<String, ?> offset) {
        byte[] key;
        try {
            key = MAPPER.writeValueAsBytes(List.of(pipeline, partition));
        } catch (JsonProcessingException e) {
            throw new SinkException("cannot write the offset key of " + partition, e);
        }
        sink.commitWithOffset(new ProducerRecord<>(config.offsetsTopic(), key, OffsetJson.write(offset)));
    }

    @Override
    public void close() {
        // the sink owns the producer
    }

}
