package io.tributary.compat;

import java.util.Map;

/** {@link LaggingDdlDifferentialIT} on MySQL 9.7 with Debezium 3.6.1. */
class MySqlLaggingDdlDifferentialIT extends LaggingDdlDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }

    @Override
    int schemaChangeEvents() {
        return 76;
    }

    /** Debezium 3.6's MySQL connector has no snapshot.mode=never: the same, spelt as a configuration. */
    @Override
    Map<String, String> debeziumFromTheBinlogsStart() {
        return Map.of("snapshot.mode", "configuration_based",
                "snapshot.mode.configuration.based.snapshot.schema", "false",
                "snapshot.mode.configuration.based.snapshot.data", "false",
                "snapshot.mode.configuration.based.start.stream", "true");
    }
}
