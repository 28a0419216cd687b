package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.TestingHudiQuery;
import io.tributary.testkit.TestingMariaDb;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB's column types through the runtime into Hudi tables that Spark SQL reads, with Kafka Connect's temporal
 * types ({@code time.precision.mode=connect}, the form that carries Avro's logical types): every table can be
 * queried (a TIME column once made Parquet's TIME type, which Spark refuses, so the whole table could not be read),
 * and a decimal or date key is the text Hudi's key generators give it (a decimal key once was the bytes of Avro's
 * fixed), the same from the snapshot and from the binlog, so updates and deletes find their rows.
 */
class HudiTypesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyColumnTypeIsReadableAndDecimalAndDateKeysAreTheirText(@TempDir Path directory) throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create();
                TestingHudiQuery spark = TestingHudiQuery.start(directory.resolve("query-engine.log"))) {
            mariaDb.execute("CREATE DATABASE shop",
                    "CREATE TABLE shop.types (id INT PRIMARY KEY, c_tinyint_u TINYINT UNSIGNED, "
                            + "c_bigint_u BIGINT UNSIGNED, c_decimal DECIMAL(10,2), c_wide DECIMAL(65,30), "
                            + "c_float FLOAT, c_double DOUBLE, c_bit1 BIT(1), c_bit10 BIT(10), c_char CHAR(5), "
                            + "c_text TEXT, c_binary BINARY(4), c_blob BLOB, c_date DATE, c_time TIME(3), "
                            + "c_datetime DATETIME(3), c_datetime6 DATETIME(6), c_timestamp TIMESTAMP(6) NULL, "
                            + "c_year YEAR, c_enum ENUM('red','green'), c_set SET('a','b'), c_json JSON, "
                            + "c_point POINT, c_geometry GEOMETRY)",
                    "INSERT INTO shop.types VALUES (1, 255, 18446744073709551615, 12345678.90, 1.5, 1.5, 2.25, "
                            + "b'1', b'1000000001', 'ab', 'text é', 0x01020304, 0xDEADBEEF, '2026-11-22', "
                            + "'12:34:56.789', '2026-11-22 10:11:12.345', '2026-11-22 10:11:12.345678', "
                            + "'2026-11-22 10:11:12.123456', 2026, 'green', 'a,b', '{\"k\": [1, 2.5]}', "
                            + "ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('LINESTRING(0 0, 1 1)'))",
                    "INSERT INTO shop.types (id) VALUES (2)",
                    "CREATE TABLE shop.by_decimal (d DECIMAL(10,2) PRIMARY KEY, v INT)",
                    "INSERT INTO shop.by_decimal VALUES (12.50, 1), (-3.00, 2)",
                    "CREATE TABLE shop.by_date (d DATE PRIMARY KEY, v INT)",
                    "INSERT INTO shop.by_date VALUES ('2026-01-02', 1), ('1969-12-31', 2)");
            Map<String, String> pipeline = HudiPipelineIT.pipeline(mariaDb, directory);
            pipeline.put("time.precision.mode", "connect");
            pipeline.put("sink.lake.commit.interval.ms", "1000");
            String types = table(directory, "types");
            String byDecimal = table(directory, "by_decimal");
            String byDate = table(directory, "by_date");

            try (TributaryServer server = TributaryServer.start("shop.properties", pipeline)) {
                awaitRows(spark, server, byDate, "select _hoodie_record_key as k, v from t order by v",
                        "[{\"k\":\"2026-01-02\",\"v\":1},{\"k\":\"1969-12-31\",\"v\":2}]");
                awaitRows(spark, server, byDecimal, "select _hoodie_record_key as k, v from t order by v",
                        "[{\"k\":\"12.50\",\"v\":1},{\"k\":\"-3.00\",\"v\":2}]");
                awaitRows(spark, server, types, "select count(*) as n from t", "[{\"n\":2}]");

                mariaDb.execute("UPDATE shop.by_decimal SET v = 10 WHERE d = 12.50",
                        "DELETE FROM shop.by_decimal WHERE d = -3.00",
                        "UPDATE shop.by_date SET v = 20 WHERE d = '1969-12-31'",
                        "UPDATE shop.types SET c_time = '23:59:59.999', c_decimal = -0.05 WHERE id = 1");
                awaitRows(spark, server, byDecimal, "select _hoodie_record_key as k, v from t",
                        "[{\"k\":\"12.50\",\"v\":10}]");
                awaitRows(spark, server, byDate, "select _hoodie_record_key as k, v from t order by v",
                        "[{\"k\":\"2026-01-02\",\"v\":1},{\"k\":\"1969-12-31\",\"v\":20}]");
                awaitRows(spark, server, types, "select id, c_time, cast(c_decimal as string) as c_decimal, "
                        + "cast(c_date as string) as c_date, cast(c_datetime as string) as c_datetime, c_wide, "
                        + "c_enum, c_set, c_json, c_point.x as x, c_bit1, c_year from t order by id",
                        "[{\"id\":1,\"c_time\":86399999,\"c_decimal\":\"-0.05\",\"c_date\":\"2026-11-22\","
                                + "\"c_datetime\":\"2026-11-22 10:11:12.345\","
                                + "\"c_wide\":\"1.500000000000000000000000000000\",\"c_enum\":\"green\","
                                + "\"c_set\":\"a,b\",\"c_json\":\"{\\\"k\\\": [1, 2.5]}\",\"x\":1.0,\"c_bit1\":true,"
                                + "\"c_year\":2026},{\"id\":2}]");
            }
        }
    }

    private static String table(Path directory, String name) {
        return directory.resolve("lake").resolve("shop_shop_" + name).toUri().toString();
    }

    /** Waits until {@code sql} over the table answers {@code expected} (JSON rows; null columns left out). */
    private static void awaitRows(TestingHudiQuery spark, TributaryServer server, String table, String sql,
            String expected) throws Exception {
        JsonNode wanted = JSON.readTree(expected);
        AtomicReference<String> last = new AtomicReference<>("no answer");
        try {
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(server.pipeline().state()).as("the pipeline: %s", server.pipeline().error().orElse(""))
                        .isNotEqualTo(Pipeline.State.FAILED);
                try {
                    List<JsonNode> rows = spark.query(table, Map.of(), sql);
                    last.set(rows.toString());
                    return JSON.valueToTree(rows).equals(wanted);
                } catch (IllegalStateException e) {
                    last.set(e.getMessage());
                    return false; // no table yet, or no commit
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(sql + " over " + table + " answered " + last.get() + ", not " + expected, e);
        }
    }
}
