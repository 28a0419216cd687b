package io.tributary.source.mysql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;
import org.junit.jupiter.api.Test;

/**
 * The key read for a table is the one Debezium takes from the server's {@code SHOW CREATE TABLE}: the PRIMARY KEY,
 * else the first UNIQUE key listed whose columns are all NOT NULL; and where it is said to order the rows, a plain
 * {@code SELECT} meets them in key order. Run against each server by a subclass.
 */
abstract class SchemaReaderIT {
    /** Each table, with the key Debezium's rule gives it (checked against SHOW CREATE TABLE too). */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("CREATE TABLE k.pk_last (u INT NOT NULL UNIQUE, id INT NOT NULL, v INT, PRIMARY KEY (id))",
                List.of("id"));
        EXPECTED.put("CREATE TABLE k.nullable_first (a INT, b INT NOT NULL, v INT, UNIQUE KEY ua (a), "
                + "UNIQUE KEY ub (b))", List.of("b"));
        EXPECTED.put("CREATE TABLE k.only_nullable (a INT, v INT, UNIQUE KEY ua (a))", List.of());
        EXPECTED.put("CREATE TABLE k.composites (x INT NOT NULL, y INT NOT NULL, z INT, v INT, "
                + "UNIQUE KEY zx (z, x), UNIQUE KEY yx (y, x))", List.of("y", "x"));
        EXPECTED.put("CREATE TABLE k.ties (a INT NOT NULL, b INT NOT NULL, v INT, UNIQUE KEY z_first (b, a), "
                + "UNIQUE KEY a_second (a))", List.of("b", "a"));
        EXPECTED.put("CREATE TABLE k.prefix_then_full (c VARCHAR(20) NOT NULL, d INT NOT NULL, v INT, "
                + "UNIQUE KEY uc (c(5)), UNIQUE KEY ud (d))", List.of("d"));
        EXPECTED.put("CREATE TABLE k.prefix_only (c VARCHAR(20) NOT NULL, v INT, UNIQUE KEY uc (c(5)))",
                List.of("c"));
        EXPECTED.put("CREATE TABLE k.added (a INT NOT NULL, b INT NOT NULL, v INT)", List.of("b"));
    }

    private static final Pattern KEY_LINE = Pattern.compile("^\\s*(PRIMARY KEY|UNIQUE KEY `[^`]+`) \\((.*)\\)");
    private static final Pattern COLUMN_LINE = Pattern.compile("^\\s*`((?:[^`]|``)+)` .*");
    private static final Pattern KEY_PART = Pattern.compile("`((?:[^`]|``)+)`");

    /** A server ready for CDC. */
    abstract TestingBinlogServer startServer();

    /** A table only one server can make, the key Debezium's rule gives it and whether that key orders its rows. */
    record OwnTable(String ddl, List<String> key, boolean ordersRows) {
    }

    abstract List<OwnTable> ownTables();

    @Test
    void theKeyIsTheFirstEligibleKeyOfShowCreateTable() throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>(EXPECTED);
        ownTables().forEach(own -> expected.put(own.ddl(), own.key()));
        try (TestingBinlogServer server = startServer()) {
            server.execute("CREATE DATABASE k");
            server.execute(expected.keySet().toArray(String[]::new));
            // keys added later: the server orders them as it orders keys of a CREATE TABLE
            server.execute("CREATE UNIQUE INDEX ub ON k.added (b)", "ALTER TABLE k.added ADD UNIQUE KEY ua (a)");
            server.execute("INSERT INTO k.ties VALUES (2, 1, 0), (1, 3, 0), (3, 2, 0)",
                    "INSERT INTO k.composites VALUES (1, 2, 0, 0), (2, 1, 0, 0), (3, 0, 0, 0)",
                    "INSERT INTO k.prefix_only VALUES ('zzzzz', 0), ('aaaaa', 0)");

            SchemaReader reader = new SchemaReader(server instanceof TestingMariaDb);
            try (Connection connection = server.cdcConnection()) {
                for (Map.Entry<String, List<String>> table : expected.entrySet()) {
                    TableId id = new TableId("k", table.getKey().split("[ .(]")[3]);
                    TableKey key = reader.read(connection, id).orElseThrow().key();

                    assertThat(key.columns()).as("key of %s", id).isEqualTo(table.getValue())
                            .isEqualTo(firstEligibleKey(server, id));
                    if (key.ordersRows()) {
                        assertThat(rows(server, id, "")).as("rows of %s", id)
                                .isEqualTo(rows(server, id, " ORDER BY " + key.columns().stream()
                                        .map(column -> "`" + column + "`").collect(Collectors.joining(", "))));
                    }
                }
                assertThat(reader.read(connection, new TableId("k", "prefix_only")).orElseThrow().key().ordersRows())
                        .isFalse();
                for (OwnTable own : ownTables()) {
                    assertThat(reader.read(connection, new TableId("k", own.ddl().split("[ .(]")[3])).orElseThrow()
                            .key().ordersRows()).as(own.ddl()).isEqualTo(own.ordersRows());
                }
                assertThat(reader.read(connection, new TableId("k", "ties")).orElseThrow().key().ordersRows())
                        .isTrue();
            }
        }
    }

    /** Debezium's reading of SHOW CREATE TABLE: PRIMARY KEY, else the first UNIQUE KEY of NOT NULL columns. */
    private static List<String> firstEligibleKey(TestingBinlogServer server, TableId id) {
        String ddl = (String) server.query("SHOW CREATE TABLE k.`" + id.table() + "`").get(0).get("Create Table");
        Set<String> notNull = new HashSet<>();
        List<List<String>> uniqueKeys = new ArrayList<>();
        for (String line : ddl.split("\n")) {
            Matcher column = COLUMN_LINE.matcher(line);
            Matcher key = KEY_LINE.matcher(line);
            if (key.find()) {
                List<String> parts = new ArrayList<>();
                Matcher part = KEY_PART.matcher(key.group(2));
                while (part.find()) {
                    parts.add(part.group(1));
                }
                if (key.group(1).equals("PRIMARY KEY")) {
                    return parts;
                }
                uniqueKeys.add(parts);
            } else if (column.matches() && line.contains(" NOT NULL")) {
                notNull.add(column.group(1));
            }
        }
        return uniqueKeys.stream().filter(notNull::containsAll).findFirst().orElse(List.of());
    }

    private static List<Map<String, Object>> rows(TestingBinlogServer server, TableId id, String orderBy) {
        return server.query("SELECT * FROM k.`" + id.table() + "`" + orderBy);
    }
}
