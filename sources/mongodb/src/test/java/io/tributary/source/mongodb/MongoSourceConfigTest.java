package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.tributary.api.config.ConfigProblem;
import io.tributary.core.retry.Retry;
import org.junit.jupiter.api.Test;

class MongoSourceConfigTest {
    private static final Map<String, String> MINIMAL = Map.of("mongodb.connection.string",
            "mongodb://cdc:secret-pw@db:27017/?replicaSet=rs0", "topic.prefix", "docdb");

    @Test
    void defaultsAreDebeziums() {
        MongoSourceConfig config = MongoSourceConfig.parse(MINIMAL);

        assertThat(config.captureMode()).isEqualTo(MongoSourceConfig.CaptureMode.CHANGE_STREAMS_UPDATE_FULL);
        assertThat(config.snapshotMode()).isEqualTo(MongoSourceConfig.SnapshotMode.INITIAL);
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.retry()).isEqualTo(new Retry(10, 300, 10_000));
        assertThat(config.toString()).doesNotContain("secret-pw");
    }

    @Test
    void theServersOwnDatabasesAndSystemCollectionsAreNeverCaptured() {
        MongoSourceConfig all = MongoSourceConfig.parse(MINIMAL);
        MongoSourceConfig some = MongoSourceConfig.parse(with("collection.include.list", "shop\\..*,local\\..*",
                "collection.exclude.list", "shop\\.secret.*"));

        assertThat(all.captures("shop", "orders")).isTrue();
        assertThat(all.captures("admin", "users")).isFalse();
        assertThat(all.captures("local", "oplog.rs")).isFalse();
        assertThat(all.captures("shop", "system.views")).isFalse();
        assertThat(some.captures("shop", "orders")).isTrue();
        assertThat(some.captures("shop", "secrets")).isFalse();
        assertThat(some.captures("other", "orders")).isFalse();
        assertThat(some.captures("local", "startup_log")).isFalse();
    }

    @Test
    void everyProblemIsListedWithWhatToDo() {
        Map<String, String> config = with("capture.mode", "change_streams", "snapshot.mode", "when_needed",
                "collection.include.list", "shop\\.(a", "colection.exclude.list", "x", "max.batch.size", "0");
        config.remove("topic.prefix");

        assertThat(MongoSourceConfig.validate(config, Set.of())).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "topic.prefix", "capture.mode", "snapshot.mode", "collection.include.list", "colection.exclude.list",
                "max.batch.size");
        assertThat(MongoSourceConfig.validate(config, Set.of()).toString())
                .contains("did you mean collection.exclude.list?")
                .contains("change_streams_update_full")
                .doesNotContain("secret-pw");
    }

    private static Map<String, String> with(String... keysAndValues) {
        Map<String, String> config = new HashMap<>(MINIMAL);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
