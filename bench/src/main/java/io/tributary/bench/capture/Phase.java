package io.tributary.bench.capture;

import java.util.Locale;

/**
 * What one benchmark run measures: a capture engine reading one workload in one JSON mode and delivering the
 * events to a counter or, with acknowledgements, to Kafka.
 *
 * @param engine who captures
 * @param workload the snapshot of the loaded table, or the binlog of the mixed workload
 * @param schemas JsonConverter with schemas (true) or without
 * @param delivery where the encoded events go
 */
record Phase(Engine engine, Workload workload, boolean schemas, Delivery delivery) {
    enum Engine {
        DEBEZIUM, TRIBUTARY
    }

    enum Workload {
        /** {@code snapshot.mode=initial} over the loaded table: one {@code r} event per row. */
        SNAPSHOT("snap", "initial"),
        /** {@code snapshot.mode=never} from the start of the binlog holding only the mixed workload. */
        STREAMING("stream", "never");

        final String database;
        final String snapshotMode;

        Workload(String database, String snapshotMode) {
            this.database = database;
            this.snapshotMode = snapshotMode;
        }
    }

    enum Delivery {
        /** Each event is encoded and counted. */
        COUNTER,
        /**
         * Each event is sent to a local Kafka broker ({@code acks=all}) and counted once acknowledged: Tributary's
         * Kafka sink; for Debezium its engine's batches sent by a KafkaProducer with the same settings and flushed
         * before the batch is marked done, as Kafka Connect commits a source task's offsets.
         */
        KAFKA,
        /**
         * As {@link #KAFKA}, each event encoded in Avro with a schema registry (Confluent's wire format) instead of
         * JSON: Tributary's Kafka sink with {@code io.confluent.connect.avro.AvroConverter}'s settings; Debezium's
         * records through Apicurio Registry's {@code AvroConverter}, as a Connect worker converts them; one registry.
         */
        KAFKA_AVRO;

        /** Whether the events go to Kafka. */
        boolean kafka() {
            return this != COUNTER;
        }

        /** The encodings a run of this delivery is made in: JSON with and without schemas, or Avro alone. */
        boolean[] schemaModes() {
            return this == KAFKA_AVRO ? new boolean[] {true} : new boolean[] {true, false};
        }

        /** The encoding column of the results. */
        String encoding(boolean schemas) {
            return this == KAFKA_AVRO ? "Avro" : schemas ? "with schemas" : "without";
        }
    }

    String label() {
        return lower(engine) + " " + lower(workload) + (delivery == Delivery.KAFKA_AVRO ? " avro"
                : schemas ? " with schemas" : " without schemas") + (delivery.kafka() ? " to kafka" : "");
    }

    static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
