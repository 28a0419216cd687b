package io.tributary.compat;

import java.util.Map;

/**
 * {@link UniqueKeysDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, with a table whose only unique key is functional
 * (on LOWER(code): no column, so no message key) and one whose primary key is an invisible column.
 */
class MySqlUniqueKeysDifferentialIT extends UniqueKeysDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }

    /** uk_functional and uk_invisible_pk: 2 reads, an update, a delete and its (null-keyed) tombstone. */
    @Override
    Map<String, Integer> ownExpectedEvents() {
        return Map.of("diff", 24 + 4, "diff.ukeys.uk_functional", 2 + 1 + 2, "diff.ukeys.uk_invisible_pk", 2 + 1 + 2);
    }
}
