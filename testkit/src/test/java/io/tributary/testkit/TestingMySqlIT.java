package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One MySQL server for the class (starting one costs seconds), plus a second where a test needs two at once. */
class TestingMySqlIT {
    private static TestingMySql mySql;

    @BeforeAll
    static void startServer() {
        mySql = TestingMySql.create();
    }

    @AfterAll
    static void stopServer() {
        mySql.close();
    }

    @Test
    void runsMySqlNineWithTheBinlogACdcConnectorNeeds() {
        assertThat(mySql.query("SELECT VERSION() AS v").get(0).get("v").toString()).startsWith("9.");
        assertThat(mySql.variable("log_bin")).isEqualTo("ON");
        assertThat(mySql.variable("binlog_format")).isEqualTo("ROW");
        assertThat(mySql.variable("binlog_row_image")).isEqualTo("FULL");
        assertThat(mySql.variable("binlog_row_metadata")).isEqualTo("FULL");
        assertThat(mySql.variable("gtid_mode")).isEqualTo("ON");
        assertThat(mySql.variable("server_id")).isEqualTo("1");
        assertThat(mySql.binlogStatus()).containsKeys("File", "Position", "Executed_Gtid_Set");
    }

    @Test
    void usersHoldExactlyTheirPrivilegesWithTheDefaultAuthentication() {
        assertThat(grants(TestingMySql.CDC_USER)).containsExactly("GRANT SELECT, RELOAD, SHOW DATABASES, LOCK TABLES, "
                + "REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO `cdc`@`%`");
        assertThat(grants(TestingMySql.RDS_USER)).containsExactly("GRANT SELECT, SHOW DATABASES, REPLICATION SLAVE, "
                + "REPLICATION CLIENT ON *.* TO `rds_cdc`@`%`");
        assertThat(mySql.query("SELECT DISTINCT plugin FROM mysql.user WHERE user IN ('root', 'cdc', 'rds_cdc')"))
                .extracting(row -> row.get("plugin")).containsExactly("caching_sha2_password");
        assertThatThrownBy(() -> {
            try (Connection connection = mySql.connection(TestingMySql.RDS_USER, TestingMySql.RDS_PASSWORD);
                    Statement statement = connection.createStatement()) {
                statement.execute("FLUSH TABLES WITH READ LOCK");
            }
        }).hasMessageContaining("RELOAD");
    }

    @Test
    void theCdcUserReadsTheBinlogAfterARestartWithAnEmptyPasswordCache() throws IOException, TimeoutException {
        mySql.execute("CREATE DATABASE IF NOT EXISTS restarted",
                "CREATE TABLE IF NOT EXISTS restarted.t (id INT PRIMARY KEY)");
        int port = mySql.port();
        mySql.killServer();
        mySql.startServer();
        assertThat(mySql.port()).isEqualTo(port);

        // the first connection of a user after a start needs caching_sha2_password's full authentication
        List<Event> events = new CopyOnWriteArrayList<>();
        BinaryLogClient client = new BinaryLogClient(mySql.host(), mySql.port(), TestingMySql.CDC_USER,
                TestingMySql.CDC_PASSWORD);
        client.setServerId(5400);
        client.registerEventListener(events::add);
        client.connect(10_000);
        try {
            mySql.execute("INSERT INTO restarted.t VALUES (1)");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                    .anyMatch(event -> event.getData() instanceof WriteRowsEventData));
        } finally {
            client.disconnect();
        }
        mySql.stopServer();
        assertThat(mySql.isRunning()).isFalse();
        mySql.startServer();
        assertThat(mySql.query("SELECT COUNT(*) AS n FROM restarted.t").get(0).get("n")).isEqualTo(1L);
    }

    @Test
    void twoServersRunSideBySideWithTheirOwnDirectories() {
        try (TestingMySql second = TestingMySql.builder().gtids(false).start()) {
            second.execute("CREATE DATABASE other", "CREATE TEMPORARY TABLE other.scratch (id INT)");
            assertThat(second.port()).isNotEqualTo(mySql.port());
            assertThat(second.dataDirectory()).isNotEqualTo(mySql.dataDirectory());
            assertThat(second.variable("gtid_mode")).isEqualTo("OFF");
            assertThat(mySql.query("SHOW DATABASES LIKE 'other'")).isEmpty();
        }
    }

    private static List<Object> grants(String user) {
        List<Map<String, Object>> rows = mySql.query("SHOW GRANTS FOR '" + user + "'@'%'");
        return rows.stream().map(row -> row.values().iterator().next()).toList();
    }
}
