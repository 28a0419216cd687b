package io.tributary.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.BrokerageSchema;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TemporaryDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenario S1 end to end: the demo's brokerage database captured by Tributary (as {@code tributary demo} runs it:
 * JSON without schemas, DECIMAL as strings) into Kafka, then trades, cancellations, corrections, price ticks and
 * closed positions; the continuous queries of {@code examples/brokerage/} run in Flink SQL over the topics
 * (bounded), and their final results equal the same queries run on MariaDB, row for row. Then holdings per account
 * are written back to Kafka twice, with the {@code kafka} connector (debezium-json) and with {@code upsert-kafka},
 * to show how each carries a delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerageFlinkIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Path EXAMPLES = Path.of("..", "examples", "brokerage");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestingMariaDb mariaDb;
    private TestingKafka kafka;
    private FlinkSql flink;

    @BeforeAll
    void captureTheBrokerageAndTradeADay() throws Exception {
        mariaDb = TestingMariaDb.create();
        kafka = TestingKafka.create();
        BrokerageSchema.create(mariaDb);
        try (TemporaryDirectory directory = TemporaryDirectory.create("tributary-flink");
                TributaryFeed feed = TributaryFeed.start(mariaDb, kafka, directory.path(), "brokerage",
                        BrokerageSchema.DATABASE, false, Map.of("decimal.handling.mode", "string"))) {
            Awaitility.await().atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> kafka.readAll("brokerage.brokerage.trades").size() >= 20_000);
            mariaDb.execute(
                    "UPDATE brokerage.quotes SET price = price * 1.05, updated_at = NOW(3) "
                            + "WHERE symbol IN ('AAPL', 'MSFT', 'NVDA')",
                    "UPDATE brokerage.quotes SET price = price * 0.97, updated_at = NOW(3) WHERE symbol = 'TSLA'",
                    "INSERT INTO brokerage.trades (account_id, symbol, side, quantity, price, executed_at) VALUES "
                            + "(1, 'AAPL', 'BUY', 10, 180.5000, NOW(3)), (2, 'TSLA', 'SELL', 3, 240.1250, NOW(3)), "
                            + "(3, 'NVO', 'BUY', 7.5, 99.9900, NOW(3))",
                    "UPDATE brokerage.trades SET price = price + 1 WHERE id % 1000 = 0",
                    "DELETE FROM brokerage.trades WHERE id % 997 = 0",
                    "UPDATE brokerage.positions SET quantity = quantity + 5 WHERE account_id % 17 = 0",
                    "DELETE FROM brokerage.positions WHERE account_id = 7",
                    "UPDATE brokerage.quotes SET price = price + 0.0001, updated_at = NOW(3) WHERE symbol = 'AAPL'",
                    // the last change: once it is in Kafka, so is everything before it (one ordered producer)
                    "UPDATE brokerage.accounts SET owner = 'end of day' WHERE id = 1");
            Awaitility.await().atMost(TIMEOUT).until(() -> kafka.readAll("brokerage.brokerage.accounts").stream()
                    .anyMatch(record -> record.value() != null && record.value().contains("end of day")));
        }
        flink = FlinkSql.create();
        flink.executeScript(FlinkSql.bounded(example("tables.sql")
                .replace("${bootstrap.servers}", kafka.bootstrapServers())));
    }

    @AfterAll
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @Test
    void marketValuePerAccountEqualsTheSameQueryOnMariaDb() throws Exception {
        String query = example("market-value.sql");

        List<List<String>> fromFlink = normalized(flink.finalRows(query));

        assertThat(fromFlink).hasSize(BrokerageSchema.ACCOUNTS - 1).noneMatch(row -> row.get(0).equals("7"));
        assertThat(fromFlink).isEqualTo(onMariaDb(query));
    }

    @Test
    void vwapPerInstrumentEqualsTheSameQueryOnMariaDb() throws Exception {
        String query = example("vwap.sql");

        List<List<String>> fromFlink = normalized(flink.finalRows(query));

        assertThat(fromFlink).hasSize(BrokerageSchema.SYMBOLS.size());
        assertThat(fromFlink).isEqualTo(onMariaDb(query));
    }

    @Test
    void aDeleteLeavesKafkaAsADebeziumDeleteAndUpsertKafkaAsATombstone() throws Exception {
        String servers = kafka.bootstrapServers();
        flink.executeScript("""
                CREATE TABLE holdings_changelog (account_id INT, shares DECIMAL(38, 2)) WITH (
                  'connector' = 'kafka', 'topic' = 'holdings-changelog',
                  'properties.bootstrap.servers' = '%s', 'format' = 'debezium-json');
                CREATE TABLE holdings_upserts (account_id INT, shares DECIMAL(38, 2),
                  PRIMARY KEY (account_id) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'holdings-upserts',
                  'properties.bootstrap.servers' = '%s', 'key.format' = 'json', 'value.format' = 'json')
                """.formatted(servers, servers));
        // account 7's positions were all deleted: its aggregate row is inserted from the snapshot, then deleted
        String holdings = "SELECT account_id, SUM(quantity) AS shares FROM positions "
                + "WHERE account_id IN (7, 8) GROUP BY account_id";
        flink.executeAndAwait("INSERT INTO holdings_changelog " + holdings);
        flink.executeAndAwait("INSERT INTO holdings_upserts " + holdings);

        // kafka + debezium-json: every change as an event; an update is a "d" of the old row and a "c" of the new
        List<JsonNode> aboutSeven = values(kafka.readAll("holdings-changelog")).stream()
                .filter(event -> event.at("/before/account_id").asInt() == 7
                        || event.at("/after/account_id").asInt() == 7).toList();
        assertThat(aboutSeven.get(0).path("op").asText()).isEqualTo("c");
        JsonNode last = aboutSeven.get(aboutSeven.size() - 1);
        assertThat(last.path("op").asText()).isEqualTo("d");
        assertThat(last.path("after").isNull()).isTrue();

        // upsert-kafka: the latest value per key; a delete is a tombstone, the key with a null value
        List<ConsumerRecord<String, String>> upserts = kafka.readAll("holdings-upserts");
        assertThat(upserts).filteredOn(record -> record.key().equals("{\"account_id\":7}")).last()
                .extracting(ConsumerRecord::value).isNull();
        assertThat(upserts).filteredOn(record -> record.key().equals("{\"account_id\":8}")).last()
                .extracting(ConsumerRecord::value).asString().startsWith("{\"account_id\":8,\"shares\":");
    }

    private static String example(String file) throws IOException {
        return Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8);
    }

    /** The query on MariaDB: the same text, tables qualified with the database, sorted by its first column. */
    private List<List<String>> onMariaDb(String query) {
        String qualified = query.replaceAll("(?m)^--.*$", "")
                .replaceAll("\\b(FROM|JOIN) (\\w+)", "$1 " + BrokerageSchema.DATABASE + ".$2");
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : mariaDb.query(qualified)) {
            rows.add(new ArrayList<>(row.values()));
        }
        return normalized(rows);
    }

    /** Rows as text, numbers without trailing zeros, sorted by the first column (numbers by value). */
    private static List<List<String>> normalized(List<List<Object>> rows) {
        return rows.stream()
                .map(row -> row.stream().map(value -> value instanceof BigDecimal decimal
                        ? decimal.stripTrailingZeros().toPlainString() : String.valueOf(value)).toList())
                .sorted(Comparator.comparing((List<String> row) -> row.get(0).matches("-?\\d+")
                        ? "%012d".formatted(Long.parseLong(row.get(0))) : row.get(0)))
                .toList();
    }

    private static List<JsonNode> values(List<ConsumerRecord<String, String>> records) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            values.add(JSON.readTree(record.value()));
        }
        return values;
    }
}
