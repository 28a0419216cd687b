package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@link TypeCatalogDifferentialIT} on MariaDB with Debezium 3.5, and snapshot.mode=never (which Debezium 3.6's MySQL
 * connector no longer has) and the key columns {@code column.include.list} leaves out (a Debezium 3.5 quirk).
 */
class MariaDbTypeCatalogDifferentialIT extends TypeCatalogDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }

    @Override
    int ownCatalogueEvents() {
        return 0;
    }

    /**
     * Without a data snapshot, from the start of the binlog (Debezium 3.5's snapshot.mode=never, which 3.6's MySQL
     * connector no longer has): Debezium learns each table from its CREATE TABLE text and so types a column declared
     * BOOLEAN as boolean and one declared JSON as io.debezium.data.Json, unlike what it writes after a snapshot;
     * Tributary writes the latter (a documented difference), so this compares the tables without such columns, and
     * data events only.
     */
    @Test
    void neverSnapshottingEqualsDebeziums() throws Exception {
        // a server of its own: the binlog is read from its start
        captureUntilQuiet("snapshot-mode-never", Map.of("database.include.list", "catalog",
                "include.schema.changes", "false", "snapshot.mode", "never",
                "table.include.list", "catalog\\.(defaults|keyless|composite)"), List.of()).compare();
    }

    /**
     * {@code column.include.list} leaving primary-key columns out of the value: they stay in the key, and every event
     * equals Debezium's but for the keys of snapshot records. Debezium 3.5's snapshot selects only the captured
     * columns, so it writes each left-out key column as its type's empty value ('' or 0) and every row of a table gets
     * the same key; streaming keys are right. Tributary writes the real key in the snapshot too (a deliberate
     * difference, listed in the README): that is checked here, and the rest compared byte for byte.
     */
    @Test
    void keyColumnsLeftOutOfTheValueStayInTheKey() throws Exception {
        keyColumnsStayInTheKey("column-include-list", Map.of("database.include.list", "catalog",
                "include.schema.changes", "false",
                "column.include.list", "catalog\\.types\\.(c_int|c_text),catalog\\.composite\\.body,"
                        + "catalog\\.keyless\\.name,catalog\\.defaults\\..*"));
    }

    /** The same with {@code column.exclude.list} naming the key columns. */
    @Test
    void keyColumnsExcludedFromTheValueStayInTheKey() throws Exception {
        keyColumnsStayInTheKey("column-exclude-list", Map.of("database.include.list", "catalog",
                "include.schema.changes", "false",
                "column.exclude.list", "catalog\\.types\\.id,catalog\\.composite\\.(region|seq)"));
    }

    private void keyColumnsStayInTheKey(String name, Map<String, String> config) throws Exception {
        DifferentialRun run = captureUntilQuiet(name, config, List.of());
        Map<String, List<String>> debeziumKeys = new java.util.TreeMap<>();
        Map<String, List<String>> tributaryKeys = new java.util.TreeMap<>();
        EventLog debezium = run.debeziumLog().mapped("keys", line -> withoutSnapshotKey(line, debeziumKeys));
        EventLog tributary = run.tributaryLog().mapped("keys", line -> withoutSnapshotKey(line, tributaryKeys));

        DifferentialReport.compare(debezium, tributary);
        for (String topic : List.of("diff.catalog.types", "diff.catalog.composite")) {
            assertThat(debeziumKeys.get(topic)).as("Debezium's snapshot keys of %s", topic).hasSize(3)
                    .containsOnly(debeziumKeys.get(topic).get(0));
            assertThat(tributaryKeys.get(topic)).as("Tributary's snapshot keys of %s", topic).hasSize(3)
                    .doesNotHaveDuplicates().doesNotContain(debeziumKeys.get(topic).get(0));
        }
        assertThat(tributaryKeys.get("diff.catalog.defaults")).isEqualTo(debeziumKeys.get("diff.catalog.defaults"));
    }

    /** A snapshot record's line with its key set aside in {@code keys} (per topic) and replaced by a mark. */
    private static String withoutSnapshotKey(String line, Map<String, List<String>> keys) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 3 || !fields[2].contains("\"op\":\"r\"")) {
            return line;
        }
        keys.computeIfAbsent(fields[0], topic -> new java.util.ArrayList<>()).add(fields[1]);
        fields[1] = "<snapshot key>";
        return String.join("\t", fields);
    }
}
