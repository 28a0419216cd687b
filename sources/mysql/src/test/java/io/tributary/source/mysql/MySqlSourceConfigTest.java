package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import io.tributary.source.mysql.convert.ColumnMapper;
import io.tributary.source.mysql.convert.ColumnRules;
import io.tributary.source.mysql.schema.TableId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MySqlSourceConfigTest {
    private static final String NOBODYS = "is not a key of Tributary's MySQL/MariaDB source, of Debezium's MySQL and "
            + "MariaDB connectors (3.5, or 1.x/2.x spellings) or of Kafka Connect";

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
        assertThat(config.retry()).isEqualTo(new io.tributary.core.retry.Retry(10, 300, 10_000));
        assertThat(config.messageKeyColumns()).isSameAs(MessageKeyColumns.NONE);
        assertThat(config.schemaNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.NONE);
        assertThat(config.fieldNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.NONE);
        assertThat(config.includeQuery()).isFalse();
        assertThat(config.columnRules()).isSameAs(ColumnRules.NONE);
        assertThat(config.filter().ignoreBuiltin()).isTrue();
        assertThat(config.filter().includesDatabase("mysql")).isFalse();
        assertThat(config.filter().includesColumn("shop", "orders", "note")).isTrue();
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
                "include.query", "true",
                "table.ignore.builtin", "false",
                "column.include.list", "shop\\.orders\\.(id|total)",
                "event.processing.failure.handling.mode", "fail",
                "event.deserialization.failure.handling.mode", "FAIL",
                "inconsistent.schema.handling.mode", "fail",
                "column.truncate.to.20.chars", "shop\\.orders\\.note",
                "column.mask.with.5.chars", "shop\\.orders\\.email",
                "column.propagate.source.type", "shop\\.orders\\.total",
                "datatype.propagate.source.type", ".+\\.DECIMAL"));
        properties.putAll(Map.of(
                "message.key.columns", "shop.orders:order_no,customer_id",
                "schema.name.adjustment.mode", "avro",
                "field.name.adjustment.mode", "avro_unicode"));
        properties.putAll(Map.of(
                "column.mask.hash.SHA-256.with.salt.pepper", "shop\\.orders\\.card",
                "column.mask.hash.v2.MD5.with.salt.s.a.l.t", "shop\\.orders\\.phone"));

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
        assertThat(config.retry()).isEqualTo(new io.tributary.core.retry.Retry(-1, 50, 800));
        assertThat(config.maxQueueSize()).isEqualTo(100);
        assertThat(config.maxBatchSize()).isEqualTo(10);
        assertThat(config.filter().includesTable("shop", "orders")).isTrue();
        assertThat(config.filter().includesTable("shop", "orders_archive")).isFalse();
        assertThat(config.filter().includesTable("SHOP", "ITEMS")).isTrue();
        assertThat(config.messageKeyColumns().keyOf(new TableId("shop", "orders"), List.of("id", "customer_id",
                "order_no"))).contains(List.of("order_no", "customer_id"));
        assertThat(config.schemaNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.AVRO);
        assertThat(config.fieldNameAdjustmentMode()).isEqualTo(NameAdjustmentMode.AVRO_UNICODE);
        assertThat(config.includeQuery()).isTrue();
        assertThat(config.filter().ignoreBuiltin()).isFalse();
        assertThat(config.filter().includesDatabase("mysql")).isTrue();
        assertThat(config.filter().includesColumn("shop", "orders", "total")).isTrue();
        assertThat(config.filter().includesColumn("shop", "orders", "note")).isFalse();
        // Debezium's order of precedence: truncation, masking, propagation by column, by type, hashing, hashing v2
        assertThat(config.columnRules().rules()).extracting(ColumnRules.Rule::mapper).containsExactly(
                new ColumnMapper.Truncate(20), new ColumnMapper.Mask(5), new ColumnMapper.PropagateSourceType(),
                new ColumnMapper.PropagateSourceType(), new ColumnMapper.Hash("SHA-256", "pepper", false),
                new ColumnMapper.Hash("MD5", "s.a.l.t", true));
        assertThat(config.columnRules().rules()).extracting(ColumnRules.Rule::target).containsExactly(
                ColumnRules.Target.COLUMN, ColumnRules.Target.COLUMN, ColumnRules.Target.COLUMN,
                ColumnRules.Target.DATA_TYPE, ColumnRules.Target.COLUMN, ColumnRules.Target.COLUMN);
        assertThat(config.columnRules().rules().get(1).patterns()).extracting(java.util.regex.Pattern::pattern)
                .containsExactly("shop\\.orders\\.email");
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
                                "snapshot.mode", "tombstones.on.delete", "table.include.list"))
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
    void kafkaConnectKeysAndDebeziumInternalsAreAccepted() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of("connector.class", "x", "tasks.max", "1", "database.history.kafka.topic", "history",
                "schema.history.internal.kafka.bootstrap.servers", "k:9092", "transforms", "unwrap",
                "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState", "poll.interval.ms", "100",
                "time.precision.mode", "adaptive_time_microseconds", "snapshot.locking.mode", "MINIMAL",
                "key.converter.schemas.enable", "false"));

        assertThat(MySqlSourceConfig.validate(properties)).isEmpty();
    }

    @Test
    void aMisspeltKeyGetsADidYouMean() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of("snapshot.mdoe", "initial", "database.hostnmae", "db", "tombstones.on.delet", "false",
                "schema.history.internal.kafka.topci", "history"));

        assertThat(MySqlSourceConfig.validate(properties)).extracting(ConfigProblem::toString).containsExactly(
                "database.hostnmae: " + NOBODYS + "; did you mean database.hostname?",
                "schema.history.internal.kafka.topci: " + NOBODYS + "; did you mean schema.history.internal.kafka.topic?",
                "snapshot.mdoe: " + NOBODYS + "; did you mean snapshot.mode?",
                "tombstones.on.delet: " + NOBODYS + "; did you mean tombstones.on.delete?");
    }

    @Test
    void aRefusedDebeziumPropertyIsAnErrorThatSaysWhy() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of(
                "database.serverTimezone", "UTC", "event.processing.failure.handling.mode", "skip",
                "snapshot.mode", "always"));

        assertThat(MySqlSourceConfig.validate(properties)).extracting(ConfigProblem::toString).containsExactly(
                "snapshot.mode: 'always' is a Debezium value that Tributary does not support: Tributary takes a "
                        + "snapshot with initial, initial_only, no_data (schema_only), never or when_needed",
                "event.processing.failure.handling.mode: 'skip' is a Debezium value that Tributary does not support: "
                        + "Tributary does not drop events: it stops at an event it cannot process, naming it, as fail "
                        + "does",
                "database.serverTimezone: is a Debezium property that Tributary does not support (database.*): "
                        + "Debezium hands these to the MySQL JDBC driver; Tributary connects with MariaDB Connector/J in "
                        + "sessions of its own making (time zone UTC) and passes no driver properties (any database.* "
                        + "key not listed here); remove it");
    }

    @ParameterizedTest
    @CsvSource({"adaptive_time_microseconds, ADAPTIVE_TIME_MICROSECONDS", "connect, CONNECT", "ISOSTRING, ISOSTRING",
            "microseconds, MICROSECONDS", "nanoseconds, NANOSECONDS"})
    void everyTimePrecisionModeOfTheBinlogConnectorsIsHonoured(String value, TimePrecisionMode expected) {
        Map<String, String> properties = minimal();
        properties.put("time.precision.mode", value);

        assertThat(MySqlSourceConfig.parse(properties).timePrecisionMode()).isEqualTo(expected);
    }

    @Test
    void timePrecisionModeAdaptiveIsRefusedAsDebeziumsBinlogConnectorsRefuseIt() {
        Map<String, String> properties = minimal();
        properties.put("time.precision.mode", "adaptive");

        assertThat(MySqlSourceConfig.validate(properties)).extracting(ConfigProblem::toString).containsExactly(
                "time.precision.mode: expected one of [adaptive_time_microseconds, connect, isostring, microseconds, "
                        + "nanoseconds] but found 'adaptive'");
    }

    @Test
    void keysNobodyDefinesAreErrors() {
        Map<String, String> properties = minimal();
        properties.put("completely.made.up", "1");

        assertThat(MySqlSourceConfig.validate(properties)).extracting(ConfigProblem::toString)
                .containsExactly("completely.made.up: " + NOBODYS + "; remove it");
    }

    @Test
    void tinyIntOneToBooleanConvertersAreReadWithTheirOwnSettings() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of("converters", "boolean, flags",
                "boolean.type", "io.debezium.connector.binlog.converters.TinyIntOneToBooleanConverter",
                "flags.type", "io.debezium.connector.mysql.converters.TinyIntOneToBooleanConverter",
                "flags.selector", "shop\\.orders\\.is_.*", "flags.length.checker", "false"));

        assertThat(MySqlSourceConfig.parse(properties).converters()).hasSize(2).satisfiesExactly(
                first -> {
                    assertThat(first.selector()).isEmpty();
                    assertThat(first.lengthChecker()).isTrue();
                },
                second -> {
                    assertThat(second.selector()).extracting(java.util.regex.Pattern::pattern)
                            .containsExactly("shop\\.orders\\.is_.*");
                    assertThat(second.lengthChecker()).isFalse();
                });
        assertThat(MySqlSourceConfig.parse(minimal()).converters()).isEmpty();
    }

    @Test
    void anotherConverterClassOrSettingIsRefusedNamingTheConverter() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of("converters", "money,flags,lost", "money.type", "com.example.MoneyConverter",
                "flags.type", "io.debezium.connector.binlog.converters.TinyIntOneToBooleanConverter",
                "flags.selectr", "x", "flags.length.checker", "maybe"));

        assertThat(MySqlSourceConfig.validate(properties)).extracting(ConfigProblem::toString).containsExactly(
                "money.type: is a converter class Tributary does not support: custom converters other than "
                        + "TinyIntOneToBooleanConverter (io.debezium.connector.binlog.converters."
                        + "TinyIntOneToBooleanConverter or io.debezium.connector.mysql.converters."
                        + "TinyIntOneToBooleanConverter) are not supported yet; found 'com.example.MoneyConverter'",
                "flags.selectr: is not a setting of TinyIntOneToBooleanConverter (flags.type, flags.selector, "
                        + "flags.length.checker); did you mean flags.selector?",
                "flags.length.checker: expected true or false but found 'maybe'",
                "lost.type: is required: the class of converter 'lost' named by converters (io.debezium.connector."
                        + "binlog.converters.TinyIntOneToBooleanConverter)");
    }

    @Test
    void columnIncludeAndExcludeListsExcludeEachOtherAndAreReportedWithOtherProblems() {
        Map<String, String> properties = minimal();
        properties.putAll(Map.of("column.include.list", "a\\.b\\.c", "column.exclude.list", "a\\.b\\.d",
                "snapshot.mdoe", "never", "column.mask.with.x.chars", "a\\.b\\.e",
                "column.mask.hash.NOPE-1.with.salt.s", "a\\.b\\.f"));

        assertThat(MySqlSourceConfig.validate(properties)).extracting(ConfigProblem::toString).containsExactly(
                "column.mask.with.x.chars: expected column.mask.with.<length>.chars=<comma-separated regular "
                        + "expressions of db.table.column names>; <length> must be a whole number, not 'x'",
                "column.mask.hash.NOPE-1.with.salt.s: expected column.mask.hash.<algorithm>.with.salt.<salt>=<comma-"
                        + "separated regular expressions of db.table.column names>; 'NOPE-1' is not a hash algorithm "
                        + "of this Java runtime (for example SHA-256, SHA-512, MD5)",
                "snapshot.mdoe: " + NOBODYS + "; did you mean snapshot.mode?",
                "column.exclude.list: cannot be used together with column.include.list; keep one of them");
    }

    @Test
    void regularExpressionListsKeepEscapedCommas() {
        assertThat(RegexLists.split(" a\\.b , c{1\\,2},, d ")).containsExactly("a\\.b", "c{1,2}", "d");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(MySqlSourceConfig.parse(minimal()).toString()).doesNotContain("s3cret-pw").contains("********");
    }

    @Test
    void retryWaitsDoubleUpToTheMaximum() {
        io.tributary.core.retry.Retry retry = new io.tributary.core.retry.Retry(3, 300, 1000);

        assertThat(List.of(retry.delayMs(1), retry.delayMs(2), retry.delayMs(3), retry.delayMs(40)))
                .containsExactly(300L, 600L, 1000L, 1000L);
        assertThat(retry.allows(3)).isTrue();
        assertThat(retry.allows(4)).isFalse();
        assertThat(new io.tributary.core.retry.Retry(-1, 1, 1).allows(1_000_000)).isTrue();
    }
}
