package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.debezium.config.Configuration;
import io.debezium.config.Field;
import io.debezium.connector.binlog.BinlogConnectorConfig;
import io.debezium.connector.mariadb.MariaDbConnector;
import io.debezium.connector.mariadb.MariaDbConnectorConfig;
import io.debezium.jdbc.TemporalPrecisionMode;
import io.tributary.source.mysql.DebeziumOptions;
import io.tributary.source.mysql.MySqlSourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Tributary's catalogue of Debezium properties ({@link DebeziumOptions}) against Debezium 3.5 itself: every field
 * its MariaDB connector defines, and the properties its documentation lists that no field of that connector holds,
 * has an entry — so a property Tributary does not know can never be ignored silently.
 */
class DebeziumOptionCatalogueTest {
    /** Debezium's fields for families of keys are regular expressions; a key of each family stands for it. */
    private static final Map<String, String> FAMILY_EXAMPLES = Map.of(
            "column.mask.hash.([^.]+).with.salt.(.+)", "column.mask.hash.SHA-256.with.salt.pepper",
            "column.mask.with.(d+).chars", "column.mask.with.5.chars",
            "column.truncate.to.(d+).chars", "column.truncate.to.20.chars");

    /** Properties Debezium 3.5's MySQL and MariaDB documentation lists that are not fields of the MariaDB connector. */
    private static final List<String> DOCUMENTED_ELSEWHERE = List.of("binary.handling.mode",
            "field.name.adjustment.mode", "event.converting.failure.handling.mode", "read.only",
            "skip.messages.without.change", "snapshot.locking.mode.custom.name", "source.struct.version",
            "topic.cache.size", "topic.delimiter", "topic.heartbeat.prefix", "topic.transaction",
            "column.mask.hash.v2.SHA-256.with.salt.pepper", "database.jdbc.driver", "database.protocol",
            "schema.history.internal.kafka.topic", "schema.history.internal.kafka.bootstrap.servers",
            "schema.history.internal.kafka.recovery.poll.interval.ms",
            "schema.history.internal.kafka.recovery.attempts", "schema.history.internal.kafka.query.timeout.ms",
            "schema.history.internal.kafka.create.timeout.ms", "schema.history.internal.producer.security.protocol",
            "schema.history.internal.consumer.security.protocol", "signal.kafka.topic", "signal.kafka.groupId",
            "signal.kafka.bootstrap.servers", "signal.kafka.poll.timeout.ms", "signal.consumer.security.protocol",
            "notification.sink.topic.name", "driver.allowPublicKeyRetrieval");

    @Test
    void everyFieldOfDebeziumsMariaDbConnectorIsInTheCatalogue() {
        List<String> keys = new ArrayList<>();
        for (Field field : MariaDbConnectorConfig.ALL_FIELDS) {
            keys.add(FAMILY_EXAMPLES.getOrDefault(field.name(), field.name()));
            field.deprecatedAliases().forEach(keys::add);
        }
        new MariaDbConnector().config().names().forEach(name -> keys.add(FAMILY_EXAMPLES.getOrDefault(name, name)));

        assertThat(keys).hasSizeGreaterThan(100)
                .allSatisfy(key -> assertThat(DebeziumOptions.find(key)).as(key).isPresent());
    }

    @Test
    void everyPropertyTheDocumentationListsIsInTheCatalogue() {
        assertThat(DOCUMENTED_ELSEWHERE).allSatisfy(key -> assertThat(DebeziumOptions.find(key)).as(key).isPresent());
    }

    @Test
    void aRefusedPropertyAcceptsDebeziumsDefault() {
        // a refused property accepts the value that asks for what Tributary does; where that is Debezium's default,
        // the catalogue must spell it as Debezium does
        List<String> checked = new ArrayList<>();
        for (Field field : MariaDbConnectorConfig.ALL_FIELDS) {
            DebeziumOptions.find(field.name()).filter(option -> !option.acceptedValues().isEmpty())
                    .filter(option -> !option.isPrefix() && field.defaultValueAsString() != null)
                    .filter(option -> !EXPECTED_OTHER_THAN_DEFAULT.contains(option.key()))
                    .ifPresent(option -> {
                        assertThat(option.accepts(field.defaultValueAsString()))
                                .as("%s accepts Debezium's default %s", option.key(), field.defaultValueAsString())
                                .isTrue();
                        checked.add(option.key());
                    });
        }
        assertThat(checked).contains("binlog.buffer.size", "topic.naming.strategy", "sourceinfo.struct.maker",
                "database.query.timeout.ms");
    }

    /**
     * {@code time.precision.mode}: each value Debezium's binlog connectors accept Tributary honours, and the one their
     * validation refuses ({@code adaptive}) Tributary refuses too.
     */
    @Test
    void timePrecisionModesAreAcceptedAndRefusedAsByDebezium() {
        List<String> debeziumAccepts = new ArrayList<>();
        List<String> tributaryAccepts = new ArrayList<>();
        for (TemporalPrecisionMode mode : TemporalPrecisionMode.values()) {
            Configuration debezium = Configuration.create().with("time.precision.mode", mode.getValue()).build();
            if (BinlogConnectorConfig.TIME_PRECISION_MODE.validate(debezium, (field, value, problem) -> { })) {
                debeziumAccepts.add(mode.getValue());
            }
            Map<String, String> tributary = Map.of("database.hostname", "db", "database.user", "u", "topic.prefix",
                    "p", "time.precision.mode", mode.getValue());
            if (MySqlSourceConfig.validate(tributary).isEmpty()) {
                tributaryAccepts.add(mode.getValue());
            }
        }

        assertThat(tributaryAccepts).isEqualTo(debeziumAccepts).doesNotContain("adaptive")
                .contains("adaptive_time_microseconds", "connect");
    }

    /** Refused properties whose accepted value is deliberately not Debezium's default: Tributary does otherwise. */
    private static final List<String> EXPECTED_OTHER_THAN_DEFAULT = List.of("extended.headers.enabled",
            "event.converting.failure.handling.mode");
}
