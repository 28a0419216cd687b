package io.tributary.compat;

import java.util.Map;

/** {@link LaggingDdlDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbLaggingDdlDifferentialIT extends LaggingDdlDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }

    @Override
    int schemaChangeEvents() {
        return 76;
    }

    @Override
    Map<String, String> debeziumFromTheBinlogsStart() {
        return Map.of("snapshot.mode", "never");
    }
}
