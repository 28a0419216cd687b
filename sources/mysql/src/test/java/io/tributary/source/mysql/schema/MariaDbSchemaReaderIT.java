package io.tributary.source.mysql.schema;

import java.util.List;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbSchemaReaderIT extends SchemaReaderIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMariaDb.create();
    }

    /** A unique key on a whole BLOB (MariaDB keeps it as a hash), which MySQL refuses. */
    @Override
    List<OwnTable> ownTables() {
        return List.of(new OwnTable("CREATE TABLE k.hash_only (n INT, e BLOB NOT NULL, v INT, UNIQUE KEY un (n), "
                + "UNIQUE KEY ue (e))", List.of("e"), false));
    }
}
