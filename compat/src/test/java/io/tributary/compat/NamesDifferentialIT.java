package io.tributary.compat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables and databases whose names Kafka or Avro do not accept as they are — spaces, dots, non-ASCII letters,
 * {@code -}, {@code $} and {@code +} in table, database and column names, a unique key on such a column, tables
 * created with such names while streaming (one unquoted) — captured by Debezium 3.5 and by Tributary with each
 * {@code schema.name.adjustment.mode} and {@code field.name.adjustment.mode} (none, avro, avro_unicode): topics,
 * key, value and envelope schema names, field names and the raw names in {@code source} must be the same. Written once;
 * a subclass per server.
 */
abstract class NamesDifferentialIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "name adjustment mode {0}")
    @ValueSource(strings = {"none", "avro", "avro_unicode"})
    void topicSchemaAndFieldNamesEqualDebeziums(String mode) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("database.include.list", "names,sklep ż",
                "include.schema.changes", "true"));
        if (!mode.equals("none")) {
            config.putAll(Map.of("schema.name.adjustment.mode", mode, "field.name.adjustment.mode", mode));
        }
        try (TestingBinlogServer server = server().start()) {
            server.runScript(SqlScripts.read("names.sql"));
            DifferentialRun run = DifferentialRun.start(server, "names-" + mode,
                    config);
            try (run) {
                run.awaitBothQuiet(TIMEOUT);
                server.runScript(SqlScripts.read("names-changes.sql"));
                run.awaitBothQuiet(TIMEOUT);
                run.assertEventsPerTopic(expectedEvents());
            }
            run.compare();
        }
    }

    /** The server the suite runs on. */
    abstract TestServer server();

    /**
     * The events per topic: each character outside [A-Za-z0-9._-] of a name is one '_' in the topic; one event per
     * snapshot row, insert and update, three per key change, two per delete; on the schema-change topic the
     * snapshot's 21 statements (seven tables in two databases) and three CREATE TABLEs.
     */
    private static Map<String, Integer> expectedEvents() {
        return Map.ofEntries(
                Map.entry("diff", 21 + 3),
                Map.entry("diff.names.odd_name", 2 + 1 + 1 + 2),
                Map.entry("diff.names.t.bla", 1 + 1),
                Map.entry("diff.names.za____", 2 + 1 + 3 + 2),
                Map.entry("diff.names.my-table", 1 + 1),
                Map.entry("diff.names.a_b_c", 1 + 2),
                Map.entry("diff.names.unique_key._", 2 + 3),
                Map.entry("diff.sklep__.zam_wienia", 2 + 1 + 2),
                Map.entry("diff.names.nowa_tabela.x", 2 + 1 + 2),
                Map.entry("diff.names._d_b_o", 1 + 1),
                Map.entry("diff.sklep__.nowe-zam_wienia", 1));
    }
}
