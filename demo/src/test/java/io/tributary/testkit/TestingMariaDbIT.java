package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestingMariaDbIT {

    @Test
    void insertedRowIsReadBackFromTheBinlogByTheCdcUser() throws IOException, TimeoutException {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.execute(
                    "CREATE DATABASE shop",
                    "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(32) NOT NULL)");
            List<Event> events = new CopyOnWriteArrayList<>();
            BinaryLogClient client = new BinaryLogClient(mariaDb.host(), mariaDb.port(),
                    TestingMariaDb.CDC_USER, TestingMariaDb.CDC_PASSWORD);
            client.setServerId(5400);
            client.registerEventListener(events::add);
            client.connect(10_000);
            try {
                mariaDb.execute("INSERT INTO shop.orders VALUES (42, 'book')");

                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> eventsOf(events, WriteRowsEventData.class).count() == 1);
            } finally {
                client.disconnect();
            }

            TableMapEventData table = eventsOf(events, TableMapEventData.class).findFirst().orElseThrow();
            assertThat(table.getDatabase()).isEqualTo("shop");
            assertThat(table.getTable()).isEqualTo("orders");
            // binlog_row_metadata=FULL puts the column names into the binlog itself
            assertThat(table.getEventMetadata().getColumnNames()).containsExactly("id", "item");
            WriteRowsEventData insert = eventsOf(events, WriteRowsEventData.class).findFirst().orElseThrow();
            assertThat(insert.getRows()).hasSize(1);
            Serializable[] row = insert.getRows().get(0);
            assertThat(row[0]).isEqualTo(42);
            assertThat(asText(row[1])).isEqualTo("book");
        }
    }

    @Test
    void cdcUserHoldsExactlyTheReplicationPrivileges() {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            List<Map<String, Object>> grants = mariaDb.query("SHOW GRANTS FOR 'cdc'@'%'");

            assertThat(grants).hasSize(1);
            assertThat(grants.get(0).values().iterator().next().toString())
                    .startsWith("GRANT SELECT, RELOAD, LOCK TABLES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`@`%`");
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.notes (id INT PRIMARY KEY)");
            assertThatThrownBy(() -> {
                try (var connection = mariaDb.cdcConnection(); var statement = connection.createStatement()) {
                    statement.execute("INSERT INTO shop.notes VALUES (1)");
                }
            }).hasMessageContaining("INSERT command denied");
        }
    }

    @Test
    void accountSetUpStaysOutOfTheBinlog() {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            List<Map<String, Object>> events = mariaDb.query("SHOW BINLOG EVENTS");

            assertThat(events).extracting(event -> event.get("Info").toString())
                    .noneMatch(info -> info.contains("cdc"));
        }
    }

    @ParameterizedTest
    @MethodSource("misconfiguredBinlogs")
    void startsWithMisconfiguredBinlogForErrorTests(BinlogSettings settings, String variable, String expected) {
        try (TestingMariaDb mariaDb = TestingMariaDb.create(settings)) {
            assertThat(mariaDb.variable(variable)).isEqualTo(expected);
        }
    }

    static Stream<Arguments> misconfiguredBinlogs() {
        BinlogSettings ready = BinlogSettings.cdcReady();
        return Stream.of(
                Arguments.of(BinlogSettings.off(), "log_bin", "OFF"),
                Arguments.of(ready.withFormat(BinlogSettings.Format.STATEMENT), "binlog_format", "STATEMENT"),
                Arguments.of(ready.withRowImage(BinlogSettings.RowImage.MINIMAL), "binlog_row_image", "MINIMAL"),
                Arguments.of(ready.withRowMetadata(BinlogSettings.RowMetadata.MINIMAL), "binlog_row_metadata", "MINIMAL"));
    }

    @Test
    void restartsOnTheSamePortWithItsData() {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.execute("CREATE DATABASE shop", "CREATE TABLE shop.notes (id INT PRIMARY KEY)",
                    "INSERT INTO shop.notes VALUES (7)");
            int port = mariaDb.port();

            mariaDb.killServer();
            assertThat(mariaDb.isRunning()).isFalse();
            assertThatThrownBy(mariaDb::adminConnection).isInstanceOf(TestkitException.class);
            mariaDb.startServer();

            assertThat(mariaDb.port()).isEqualTo(port);
            assertThat(mariaDb.query("SELECT id FROM shop.notes")).containsExactly(Map.of("id", 7));
        }
    }

    @Test
    void closeDeletesTheDataDirectory() {
        TestingMariaDb mariaDb = TestingMariaDb.create();
        assertThat(mariaDb.dataDirectory()).isDirectory();

        mariaDb.close();

        assertThat(mariaDb.dataDirectory()).doesNotExist();
        assertThat(mariaDb.isRunning()).isFalse();
    }

    private static <T> Stream<T> eventsOf(List<Event> events, Class<T> type) {
        return events.stream().map(Event::getData).filter(type::isInstance).map(type::cast);
    }

    private static String asText(Serializable value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
