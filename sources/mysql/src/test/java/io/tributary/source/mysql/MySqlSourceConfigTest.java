package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;

class MySqlSourceConfigTest {
    private static Map<String, String> minimal() {
        return new HashMap<>(Map.of(
                "database.hostname", "db.example.com",
                "database.user", "cdc",
                "database.password", "s3cret-pw",
                "topic.prefix", "shop"));
    }

    @Test
    void defaultsAreDebeziums() {
        MySqlSourceConfig config = MySqlSourceConfig.parse(minimal());

        assertThat(config.port()).isEqualTo(3306);
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.decimalHandlingMode()).isEqualTo(DecimalHandlingMode.PRECISE);
        assertThat(config.bigintUnsignedHandlingMode()).isEqualTo(BigintUnsignedHandlingMode.LONG);
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.includeSchemaChanges()).isTrue();
        assertThat(config.provideTransactionMetadata()).isFalse();
        assertThat(config.heartbeatIntervalMs()).isZero();
        assertThat(config.snapshotChunkSize()).isEqualTo(10_000);
        assertThat(config.serverId()).isEqualTo(MySqlSourceConfig.derivedServerId(config.topicPrefix()))
                .isBetween(5400L, 1_005_400L);
        assertThat(MySqlSourceConfig.derivedServerId("shop")).isNotEqualTo(MySqlSourceConfig.derivedServerId("shop2"));
        assertThat(config.retry()).isEqualTo(new MySqlSourceConfig.Retry(10, 300, 10_000));
        assertThat(config.messageKeyColumns()).isSameAs(MessageKeyColumns.NONE);
        assertThat(config.schemaNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.NONE);
        assertThat(config.fieldNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.NONE);
        assertThat(config.unknownKeys()).isEmpty();
    }

    @Test
    void everyKeyMapsToItsField() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of(
                "database.port", "3307",
                "database.server.id", "123456",
                "snapshot.mode", "when_needed",
                "snapshot.fetch.size", "500",
                "decimal.handling.mode", "string",
                "bigint.unsigned.handling.mode", "precise",
                "tombstones.on.delete", "false",
                "include.schema.changes", "false",
                "provide.transaction.metadata", "true",
                "heartbeat.interval.ms", "5000"));
        properties.putAll(Map.of(
                "connect.timeout.ms", "1500",
                "errors.max.retries", "-1",
                "errors.retry.delay.initial.ms", "50",
                "errors.retry.delay.max.ms", "800",
                "max.queue.size", "100",
                "max.batch.size", "10",
                "table.include.list", "shop\\.orders, shop\\.items"));
        properties.putAll(Map.of(
                "message.key.columns", "shop.orders:order_no,customer_id",
                "schema.name.adjustment.mode", "avro",
                "field.name.adjustment.mode", "avro_unicode"));

        MySqlSourceConfig config = MySqlSourceConfig.parse(properties);

        assertThat(config.hostname()).isEqualTo("db.example.com");
        assertThat(config.port()).isEqualTo(3307);
        assertThat(config.user()).isEqualTo("cdc");
        assertThat(config.password()).isEqualTo("s3cret-pw");
        assertThat(config.serverId()).isEqualTo(123456L);
        assertThat(config.topicPrefix()).isEqualTo("shop");
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.WHEN_NEEDED);
        assertThat(config.snapshotChunkSize()).isEqualTo(500);
        assertThat(config.decimalHandlingMode()).isEqualTo(DecimalHandlingMode.STRING);
        assertThat(config.bigintUnsignedHandlingMode()).isEqualTo(BigintUnsignedHandlingMode.PRECISE);
        assertThat(config.tombstonesOnDelete()).isFalse();
        assertThat(config.includeSchemaChanges()).isFalse();
        assertThat(config.provideTransactionMetadata()).isTrue();
        assertThat(config.heartbeatIntervalMs()).isEqualTo(5000L);
        assertThat(config.connectTimeoutMs()).isEqualTo(1500L);
        assertThat(config.retry()).isEqualTo(new MySqlSourceConfig.Retry(-1, 50, 800));
        assertThat(config.maxQueueSize()).isEqualTo(100);
        assertThat(config.maxBatchSize()).isEqualTo(10);
        assertThat(config.filter().includesTable("shop", "orders")).isTrue();
        assertThat(config.filter().includesTable("shop", "orders_archive")).isFalse();
        assertThat(config.filter().includesTable("SHOP", "ITEMS")).isTrue();
        assertThat(config.messageKeyColumns().keyOf(new TableId("shop", "orders"), List.of("id", "customer_id",
                "order_no"))).contains(List.of("order_no", "customer_id"));
        assertThat(config.schemaNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.AVRO);
        assertThat(config.fieldNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.AVRO_UNICODE);
    }

    @Test
    void debezium1SpellingsAreAccepted() {
        Map<String, String> properties = minimal();
        properties.remove("topic.prefix");
        properties.put("database.server.name", "legacy");
        properties.put("database.whitelist", "inventory");

        MySqlSourceConfig config = MySqlSourceConfig.parse(properties);

        assertThat(config.topicPrefix()).isEqualTo("legacy");
        assertThat(config.filter().includesDatabase("inventory")).isTrue();
        assertThat(config.filter().includesDatabase("other")).isFalse();
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsKey() {
        Map<String, String> properties = Map.of(
                "database.password", "s3cret-pw",
                "database.port", "70000",
                "snapshot.mode", "sometimes",
                "tombstones.on.delete", "yes",
                "table.include.list", "shop.(orders");

        assertThatThrownBy(() -> MySqlSourceConfig.parse(properties))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::key)
                        .containsExactlyInAnyOrder("database.hostname", "database.user", "topic.prefix", "database.port",
                                "snapshot.mode", "tombstones.on.delete"))
                .hasMessageContaining("snapshot.mode: expected one of [initial, initial_only, no_data, schema_only, "
                        + "never, when_needed] but found 'sometimes'")
                .hasMessageContaining("topic.prefix: is required")
                .hasMessageContaining("older spellings: [database.server.name]")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void invalidRegularExpressionIsNamed() {
        Map<String, String> properties = minimal();
        properties.put("table.include.list", "shop.(orders");

        assertThatThrownBy(() -> MySqlSourceConfig.parse(properties))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("table.include.list: expected regular expressions but 'shop.(orders' is not one");
    }

    @Test
    void malformedMessageKeyColumnsAndUnknownAdjustmentModesAreNamedWithTheirFix() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of("message.key.columns", "shop.orders:id;shop.items",
                "schema.name.adjustment.mode", "avro-ish", "field.name.adjustment.mode", "unicode"));

        assertThatThrownBy(() -> MySqlSourceConfig.parse(properties))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::key)
                        .containsExactlyInAnyOrder("message.key.columns", "schema.name.adjustment.mode",
                                "field.name.adjustment.mode"))
                .hasMessageContaining("message.key.columns: expected entries <db>.<table>:<column>[,<column>...] "
                        + "separated by ';', tables and columns as regular expressions (for example "
                        + "shop.orders:customer_id,order_no) but found 'shop.orders:id;shop.items'")
                .hasMessageContaining("schema.name.adjustment.mode: expected one of [none, avro, avro_unicode] but "
                        + "found 'avro-ish'");
    }

    @Test
    void anEmptyOrUncompilableMessageKeyColumnsIsRefused() {
        for (String value : List.of("", "shop.(orders:id")) {
            Map<String, String> properties = minimal();
            properties.put("message.key.columns", value);

            assertThatThrownBy(() -> MySqlSourceConfig.parse(properties))
                    .as("message.key.columns=%s", value)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("message.key.columns: expected entries");
        }
    }

    @Test
    void unknownKeysAreCollectedForAWarningAndConnectKeysAreNot() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of("databse.hostname", "typo", "connector.class", "x", "tasks.max", "1",
                "database.history.kafka.topic", "history", "transforms", "unwrap",
                "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState"));

        assertThat(MySqlSourceConfig.parse(properties).unknownKeys()).containsExactly("databse.hostname");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(MySqlSourceConfig.parse(minimal()).toString()).doesNotContain("s3cret-pw").contains("********");
    }

    @Test
    void retryWaitsDoubleUpToTheMaximum() {
        MySqlSourceConfig.Retry retry = new MySqlSourceConfig.Retry(3, 300, 1000);

        assertThat(List.of(retry.delayMs(1), retry.delayMs(2), retry.delayMs(3), retry.delayMs(40)))
                .containsExactly(300L, 600L, 1000L, 1000L);
        assertThat(retry.allows(3)).isTrue();
        assertThat(retry.allows(4)).isFalse();
        assertThat(new MySqlSourceConfig.Retry(-1, 1, 1).allows(1_000_000)).isTrue();
    }
}
