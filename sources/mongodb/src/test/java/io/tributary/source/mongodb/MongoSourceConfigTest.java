package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.tributary.api.config.ConfigProblem;
import io.tributary.core.retry.Retry;
import org.bson.BsonDocument;
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
        assertThat(config.fields().isEmpty()).as("no field.exclude.list, no field.renames").isTrue();
        assertThat(config.toString()).doesNotContain("secret-pw");
        assertThat(config.skippedOperations()).isEmpty();
        assertThat(config.collectionListingIntervalMs()).isEqualTo(30_000);
    }

    /**
     * The mongodb.* settings apply as Debezium applies them: the driver's settings first, the credentials of
     * mongodb.user, then the connection string, whose own settings win.
     */
    @Test
    void driverSettingsComeFirstAndTheConnectionStringWins() {
        var settings = MongoSourceConfig.parse(with("mongodb.connection.string",
                "mongodb://db:27017/?connectTimeoutMS=2500", "mongodb.user", "cdc", "mongodb.password", "pw-secret",
                "mongodb.authsource", "users", "mongodb.connect.timeout.ms", "7000",
                "mongodb.server.selection.timeout.ms", "1500", "mongodb.ssl.enabled", "true")).client();

        assertThat(settings.settings().getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
        assertThat(settings.settings().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(1500);
        assertThat(settings.settings().getSslSettings().isEnabled()).isTrue();
        assertThat(settings.settings().getCredential()).satisfies(credential -> {
            assertThat(credential.getUserName()).isEqualTo("cdc");
            assertThat(credential.getSource()).isEqualTo("users");
        });
        assertThat(settings.toString()).doesNotContain("pw-secret");
    }

    @Test
    void skippedOperationsAreDebeziums() {
        assertThat(MongoSourceConfig.parse(with("skipped.operations", "u, d")).skippedOperations())
                .containsExactlyInAnyOrder("u", "d");
        assertThat(MongoSourceConfig.parse(with("skipped.operations", "none")).skippedOperations()).isEmpty();
        assertThat(MongoSourceConfig.validate(with("skipped.operations", "c,x"), Set.of()).toString())
                .contains("skipped.operations").contains("or none");
    }

    @Test
    void everyCaptureModeOfDebeziumsSaysWhatItAsksTheServerFor() {
        assertThat(MongoSourceConfig.parse(with("capture.mode", "change_streams")).captureMode())
                .satisfies(mode -> assertThat(mode.fullUpdate()).isFalse())
                .satisfies(mode -> assertThat(mode.preImage()).isFalse());
        assertThat(MongoSourceConfig.parse(with("capture.mode", "change_streams_with_pre_image")).captureMode())
                .satisfies(mode -> assertThat(mode.fullUpdate()).isFalse())
                .satisfies(mode -> assertThat(mode.preImage()).isTrue());
        MongoSourceConfig full = MongoSourceConfig.parse(with("capture.mode",
                "change_streams_update_full_with_pre_image", "capture.mode.full.update.type", "post_image",
                "snapshot.mode", "when_needed"));
        assertThat(full.captureMode().fullUpdate()).isTrue();
        assertThat(full.captureMode().preImage()).isTrue();
        assertThat(full.fullUpdateType()).isEqualTo(MongoSourceConfig.FullUpdateType.POST_IMAGE);
        assertThat(full.snapshotMode()).isEqualTo(MongoSourceConfig.SnapshotMode.WHEN_NEEDED);
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
    void fieldExclusionsAndRenamesApplyToTheCollectionsTheyName() {
        MongoSourceConfig config = MongoSourceConfig.parse(with("field.exclude.list", "shop.orders.secret",
                "field.renames", "shop.*.qty:quantity"));
        BsonDocument document = BsonDocument.parse("{\"_id\": 1, \"secret\": \"s\", \"qty\": 2}");

        assertThat(config.fields().forCollection(new MongoSource.Namespace("shop", "orders")).document(document)
                .toJson()).isEqualTo("{\"_id\": 1, \"quantity\": 2}");
        assertThat(config.fields().forCollection(new MongoSource.Namespace("shop", "items")).document(document)
                .toJson()).isEqualTo("{\"_id\": 1, \"secret\": \"s\", \"quantity\": 2}");
        assertThat(config.fields().forCollection(new MongoSource.Namespace("other", "orders")).isEmpty()).isTrue();
    }

    @Test
    void fieldPathsNotOfDebeziumsFormatAreRefused() {
        Map<String, String> config = with("field.exclude.list", "shop.orders.a,shop.orders", "field.renames",
                "shop.orders.a:b.c");

        assertThat(MongoSourceConfig.validate(config, Set.of())).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("field.exclude.list", "field.renames");
        assertThat(MongoSourceConfig.validate(config, Set.of()).toString())
                .contains("<database>.<collection>.<field>[.<nested field>...] but found 'shop.orders.a,shop.orders'")
                .contains(":<new name> but found 'shop.orders.a:b.c'");
    }

    @Test
    void everyProblemIsListedWithWhatToDo() {
        Map<String, String> config = with("capture.mode", "oplog", "snapshot.mode", "configuration_based",
                "collection.include.list", "shop\\.(a", "colection.exclude.list", "x", "max.batch.size", "0");
        config.remove("topic.prefix");

        assertThat(MongoSourceConfig.validate(config, Set.of())).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "topic.prefix", "capture.mode", "snapshot.mode", "collection.include.list", "colection.exclude.list",
                "max.batch.size");
        assertThat(MongoSourceConfig.validate(config, Set.of()).toString())
                .contains("did you mean collection.exclude.list?")
                .contains("change_streams_update_full_with_pre_image")
                .contains("'configuration_based' is a Debezium value that Tributary does not support")
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
