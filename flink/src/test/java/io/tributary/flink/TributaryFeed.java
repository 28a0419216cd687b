package io.tributary.flink;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.tributary.server.TributaryServer;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;

/** Tributary's standalone runtime capturing a database into Kafka, as a user would run it for Flink. */
final class TributaryFeed implements AutoCloseable {
    private final TributaryServer server;

    private TributaryFeed(TributaryServer server) {
        this.server = server;
    }

    /**
     * Captures {@code database} with topic prefix {@code prefix}; {@code schemas} chooses JsonConverter with or
     * without schemas, for keys and values; {@code extra} adds or overrides source settings (with a
     * {@code value.converter} of its own, {@code schemas} is not used).
     */
    static TributaryFeed start(TestingMariaDb mariaDb, TestingKafka kafka, Path directory, String prefix,
            String database, boolean schemas, Map<String, String> extra) {
        Map<String, String> pipeline = intoKafka(kafka, directory, prefix);
        pipeline.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
        pipeline.put("database.hostname", mariaDb.host());
        pipeline.put("database.port", String.valueOf(mariaDb.port()));
        pipeline.put("database.user", TestingMariaDb.CDC_USER);
        pipeline.put("database.password", TestingMariaDb.CDC_PASSWORD);
        pipeline.put("database.server.id", "7101");
        pipeline.put("topic.prefix", prefix);
        pipeline.put("database.include.list", database);
        pipeline.put("include.schema.changes", "false");
        if (!extra.containsKey("value.converter")) {
            pipeline.put("key.converter.schemas.enable", String.valueOf(schemas));
            pipeline.put("value.converter.schemas.enable", String.valueOf(schemas));
        }
        pipeline.putAll(extra);
        return new TributaryFeed(TributaryServer.start(prefix + ".properties", pipeline));
    }

    /**
     * Captures the MongoDB (or DocumentDB) server at {@code connectionString} with a pipeline file written for
     * Debezium's MongoDB connector and topic prefix {@code prefix}; {@code settings} adds the rest (collections,
     * transforms, converters).
     */
    static TributaryFeed mongo(String connectionString, TestingKafka kafka, Path directory, String prefix,
            Map<String, String> settings) {
        Map<String, String> pipeline = intoKafka(kafka, directory, prefix);
        pipeline.put("connector.class", "io.debezium.connector.mongodb.MongoDbConnector");
        pipeline.put("mongodb.connection.string", connectionString);
        pipeline.put("topic.prefix", prefix);
        pipeline.putAll(settings);
        return new TributaryFeed(TributaryServer.start(prefix + ".properties", pipeline));
    }

    /** What every feed's pipeline has: its name, the Kafka sink, offsets in the directory, no REST port. */
    private static Map<String, String> intoKafka(TestingKafka kafka, Path directory, String name) {
        Map<String, String> pipeline = new HashMap<>();
        pipeline.put("name", name);
        pipeline.put("sinks", "kafka");
        pipeline.put("sink.kafka.type", "kafka");
        pipeline.put("sink.kafka.bootstrap.servers", kafka.bootstrapServers());
        pipeline.put("offset.storage.dir", directory.resolve("offsets").toString());
        pipeline.put("rest.port", "-1");
        return pipeline;
    }

    @Override
    public void close() {
        server.close();
    }
}
