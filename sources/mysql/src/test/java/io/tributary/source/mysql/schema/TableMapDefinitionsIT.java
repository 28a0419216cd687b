package io.tributary.source.mysql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Definitions read from binlog table maps agree with {@code information_schema} on everything rows need. Run against
 * each server by a subclass.
 */
abstract class TableMapDefinitionsIT {
    private static final String TABLE = """
            CREATE TABLE shop.everything (
              a TINYINT NOT NULL, b TINYINT UNSIGNED, c SMALLINT, d MEDIUMINT UNSIGNED, e INT NOT NULL,
              f BIGINT UNSIGNED NOT NULL, g DECIMAL(10,2), h DECIMAL(30,5) UNSIGNED, i FLOAT, j DOUBLE, y YEAR,
              k BIT(1), l BIT(13), m CHAR(3) CHARACTER SET utf8mb4, n VARCHAR(20) CHARACTER SET latin1,
              o VARCHAR(300), p BINARY(4), q VARBINARY(8), r TINYTEXT, s TEXT CHARACTER SET latin1, t MEDIUMTEXT,
              u LONGTEXT, v TINYBLOB, w BLOB, x MEDIUMBLOB, z LONGBLOB, aa DATE, ab TIME(3), ac DATETIME(6),
              ad TIMESTAMP(2) NULL, ae ENUM('a','b''c') CHARACTER SET latin1, af SET('x','y'), ag JSON,
              ah GEOMETRY, ai POINT, aj CHAR(200) CHARACTER SET latin1, ak INT UNSIGNED,
              PRIMARY KEY (e, a))
            DEFAULT CHARSET utf8mb4""";

    /** A server ready for CDC. */
    abstract TestingBinlogServer startServer();

    @Test
    void everyTypeIsDescribedAsInformationSchemaDescribesIt() throws Exception {
        try (TestingBinlogServer server = startServer()) {
            boolean mariaDb = server instanceof TestingMariaDb;
            server.execute("CREATE DATABASE shop", TABLE);
            TableMapEventData tableMap = tableMapOfAnInsert(server);

            try (Connection connection = server.cdcConnection()) {
                TableId id = new TableId("shop", "everything");
                TableDefinition expected = new SchemaReader(mariaDb).read(connection, id).orElseThrow();
                TableDefinition logged = TableMapDefinitions.definition(tableMap, mariaDb, Collations.read(connection),
                        Optional.empty());

                assertThat(logged.id()).isEqualTo(id);
                assertThat(logged.primaryKey()).containsExactly("e", "a");
                assertThat(logged.columns()).hasSameSizeAs(expected.columns());
                for (int i = 0; i < expected.columns().size(); i++) {
                    assertThat(decodingView(logged.columns().get(i)))
                            .as("column %s", expected.columns().get(i).name())
                            .isEqualTo(decodingView(expected.columns().get(i)));
                }
                TableDefinition merged = TableMapDefinitions.definition(tableMap, mariaDb, Collations.read(connection),
                        Optional.of(expected));
                assertThat(merged).isEqualTo(expected);
            }
        }
    }

    /** What decoding and event schemas depend on; display widths and defaults are not in the binlog. */
    private static List<Object> decodingView(ColumnDefinition column) {
        boolean lengthMatters = List.of("decimal", "bit", "char", "binary", "varchar", "varbinary")
                .contains(column.dataType());
        return List.of(column.name(), column.position(), column.dataType(), column.unsigned(), column.nullable(),
                column.charset(), lengthMatters ? column.length() : -1, column.scale(), column.enumValues());
    }

    private static TableMapEventData tableMapOfAnInsert(TestingBinlogServer server) throws Exception {
        List<TableMapEventData> tableMaps = new CopyOnWriteArrayList<>();
        BinaryLogClient client = new BinaryLogClient(server.host(), server.port(), TestingBinlogServer.CDC_USER,
                TestingBinlogServer.CDC_PASSWORD);
        client.setServerId(5401);
        client.registerEventListener(event -> {
            if (event.getData() instanceof TableMapEventData tableMap) {
                tableMaps.add(tableMap);
            }
        });
        client.connect(10_000);
        try {
            server.execute("INSERT INTO shop.everything (a, e, f) VALUES (1, 2, 3)");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !tableMaps.isEmpty());
        } finally {
            client.disconnect();
        }
        return tableMaps.get(0);
    }
}
