package io.tributary.compat;

import java.time.Duration;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debezium 3.5's own {@code ExtractNewRecordState} on Debezium's events, against Tributary's on Tributary's, for
 * every {@code delete.tombstone.handling.mode}, with {@code add.fields} and {@code add.headers}: every record equal, in order — including
 * deletes, the tombstones after them, and a NULL column whose default the rewrite modes put in its place. Written
 * once; a subclass per server.
 */
abstract class UnwrapDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @ParameterizedTest(name = "{0}, route.by.field={2}")
    @CsvSource({"tombstone,8,", "drop,6,", "rewrite,8,", "rewrite-with-tombstone,10,", "delete-to-tombstone,8,",
        "rewrite,8,name"})
    void unwrappedEventsEqualDebeziums(String mode, int expected, String route) throws Exception {
        try (TestingBinlogServer database = server().start()) {
            database.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20), qty INT DEFAULT 7, "
                            + "price DECIMAL(8,2) NOT NULL)",
                    "INSERT INTO shop.items VALUES (1, 'pen', 1, 1.50), (2, 'ink', NULL, 7.25), (3, 'pad', 3, 3.00)");
            Map<String, String> config = new java.util.HashMap<>(Map.of("database.include.list", "shop",
                    "include.schema.changes", "false", "transforms", "unwrap",
                    "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState",
                    "transforms.unwrap.delete.tombstone.handling.mode", mode,
                    "transforms.unwrap.add.fields", "op,table,source.ts_ms,db:database",
                    "transforms.unwrap.add.headers", "op,table,source.pos,db:database"));
            if (route != null) {
                config.put("transforms.unwrap.route.by.field", route);
            }
            DifferentialRun run = DifferentialRun.start(database, "unwrap-" + mode
                    + (route == null ? "" : "-route-" + route), config);
            try (run) {
                run.debezium().awaitEvents(3, TIMEOUT);
                run.tributary().awaitEvents(3, TIMEOUT);
                database.execute("INSERT INTO shop.items VALUES (4, 'cap', 4, 2.00)",
                        "UPDATE shop.items SET name = 'fountain pen' WHERE id = 1",
                        "DELETE FROM shop.items WHERE id = 3",
                        "INSERT INTO shop.items (id, name, qty, price) VALUES (5, NULL, NULL, 9.99)",
                        "DELETE FROM shop.items WHERE id = 5");
                run.debezium().awaitEvents(expected, TIMEOUT);
                run.tributary().awaitEvents(expected, TIMEOUT);
            }
            run.compare();
        }
    }

    /** The server the suite runs on. */
    abstract TestServer server();
}
