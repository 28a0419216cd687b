package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import io.tributary.testkit.TestingMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real pipeline (MariaDB, snapshot then binlog, a file sink): Debezium's MBeans read through the platform MBean
 * server, and {@code /metrics} scraped over HTTP.
 */
class MetricsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();
    private static final ObjectName STREAMING = DebeziumMBeans.name("mariadb", "streaming", "shop");
    private static final ObjectName SNAPSHOT = DebeziumMBeans.name("mariadb", "snapshot", "shop");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void debeziumsMBeansAndPrometheusShowSnapshotStreamingAndATruthfulLag(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))",
                    "CREATE TABLE shop.orders (id INT PRIMARY KEY, item INT)",
                    "INSERT INTO shop.items VALUES (1, 'pen'), (2, 'ink'), (3, 'pad')",
                    "INSERT INTO shop.orders VALUES (1, 1), (2, 3)");

            try (TributaryServer server = TributaryServer.start("shop.properties", fileSinkPipeline(mariaDb,
                    directory))) {
                assertThat(ObjectName.getInstance("debezium.mariadb:type=connector-metrics,context=streaming,"
                        + "server=shop")).isEqualTo(STREAMING);
                await().atMost(TIMEOUT).until(() -> server.pipeline().metrics().events() == 5);
                await().atMost(TIMEOUT).until(() -> (Boolean) MBEANS.getAttribute(SNAPSHOT, "SnapshotCompleted"));
                assertThat(MBEANS.getAttribute(SNAPSHOT, "TotalTableCount")).isEqualTo(2);
                assertThat(MBEANS.getAttribute(SNAPSHOT, "RemainingTableCount")).isEqualTo(0);
                assertThat(MBEANS.getAttribute(SNAPSHOT, "SnapshotRunning")).isEqualTo(false);
                assertThat(rowsScanned()).isEqualTo(Map.of("shop.items", 3L, "shop.orders", 2L));

                mariaDb.execute("INSERT INTO shop.items VALUES (4, 'cap')", "UPDATE shop.orders SET item = 2 "
                        + "WHERE id = 1");
                await().atMost(TIMEOUT).until(() -> MBEANS.getAttribute(STREAMING, "NumberOfCommittedTransactions")
                        .equals(2L) && MBEANS.getAttribute(STREAMING, "TotalNumberOfEventsSeen").equals(7L));
                assertThat(MBEANS.getAttribute(STREAMING, "Connected")).isEqualTo(true);
                assertThat((Integer) MBEANS.getAttribute(STREAMING, "QueueTotalCapacity")).isPositive();
                assertThat(MBEANS.getAttribute(STREAMING, "QueueRemainingCapacity")).as("caught up: the queue is "
                        + "empty").isEqualTo(MBEANS.getAttribute(STREAMING, "QueueTotalCapacity"));
                assertThat((Long) MBEANS.getAttribute(STREAMING, "MilliSecondsSinceLastEvent")).isNotNegative();
                // the position stored last, once the streamed changes' offset is stored
                await().atMost(TIMEOUT).until(() -> server.pipeline().storedOffset().map(stored -> stored.offset()
                        .get("snapshot") == null && stored.offset().containsKey("gtids")).orElse(false));
                Map<String, ?> stored = server.pipeline().storedOffset().orElseThrow().offset();
                assertThat(MBEANS.getAttribute(STREAMING, "BinlogFilename")).isEqualTo(stored.get("file"));
                assertThat(MBEANS.getAttribute(STREAMING, "BinlogPosition")).isEqualTo(
                        ((Number) stored.get("pos")).longValue());
                assertThat(MBEANS.getAttribute(STREAMING, "GtidSet")).isEqualTo(stored.get("gtids"));
                assertThat(MBEANS.getAttribute(STREAMING, "GtidModeEnabled")).isEqualTo(true);
                assertThat(toMap(MBEANS.getAttribute(STREAMING, "SourceEventPosition")))
                        .containsEntry("file", String.valueOf(stored.get("file")));
                assertThat(MBEANS.getAttribute(STREAMING, "NumberOfDisconnects")).isEqualTo(0L);
                assertThat((Long) MBEANS.getAttribute(SNAPSHOT, "SnapshotDurationInSeconds")).isNotNegative();
                assertThat(MBEANS.getAttribute(SNAPSHOT, "SnapshotAborted")).isEqualTo(false);
                assertThat(MBEANS.getAttribute(SNAPSHOT, "SnapshotPaused")).isEqualTo(false);
                // idle and caught up: no lag, and none growing while nothing happens
                await().atMost(TIMEOUT).during(Duration.ofSeconds(3))
                        .until(() -> MBEANS.getAttribute(STREAMING, "MilliSecondsBehindSource").equals(0L));

                String metrics = scrape(server.restUrl() + "/metrics");
                assertThat(metrics).contains("tributary_events_captured_total{pipeline=\"shop\"} 7.0",
                        "tributary_events_delivered_total{pipeline=\"shop\"} 7.0",
                        "tributary_transactions_committed_total{pipeline=\"shop\"} 2.0",
                        "tributary_lag_milliseconds{pipeline=\"shop\"} 0.0",
                        "tributary_source_connected{pipeline=\"shop\"} 1.0",
                        "tributary_source_queue_remaining{pipeline=\"shop\"}",
                        "tributary_up{pipeline=\"shop\"} 1.0",
                        "tributary_snapshot_rows_read{pipeline=\"shop\",table=\"shop.items\"} 3.0",
                        "tributary_snapshot_rows_read{pipeline=\"shop\",table=\"shop.orders\"} 2.0",
                        "jvm_memory_used_bytes{");
            }
            assertThat(MBEANS.isRegistered(STREAMING)).as("unregistered on close").isFalse();
            assertThat(MBEANS.isRegistered(SNAPSHOT)).isFalse();
        }
    }

    private static Map<String, String> fileSinkPipeline(TestingMariaDb mariaDb, Path directory) {
        Map<String, String> pipeline = new HashMap<>(StandalonePipelineIT.pipeline(mariaDb, null, directory,
                "false"));
        pipeline.keySet().removeIf(key -> key.startsWith("sink.kafka"));
        pipeline.put("sinks", "files");
        // Debezium's MariaDB connector, whose MBeans are under debezium.mariadb
        pipeline.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        return pipeline;
    }

    /** A {@code Map} attribute, which JMX hands over as tabular data of key and value rows. */
    private static Map<Object, Object> toMap(Object tabular) {
        Map<Object, Object> map = new HashMap<>();
        for (Object row : ((TabularData) tabular).values()) {
            javax.management.openmbean.CompositeData data = (javax.management.openmbean.CompositeData) row;
            map.put(data.get("key"), data.get("value"));
        }
        return map;
    }

    /** {@code RowsScanned}, a {@code Map<String, Long>} that JMX hands over as tabular data. */
    private static Map<String, Long> rowsScanned() throws Exception {
        Map<String, Long> rows = new HashMap<>();
        for (Object row : ((TabularData) MBEANS.getAttribute(SNAPSHOT, "RowsScanned")).values()) {
            CompositeData entry = (CompositeData) row;
            rows.put((String) entry.get("key"), (Long) entry.get("value"));
        }
        return rows;
    }

    private String scrape(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        return response.body();
    }
}
