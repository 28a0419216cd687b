package io.tributary.source.mysql.schema;

import java.util.List;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlSchemaReaderIT extends SchemaReaderIT {
    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.create();
    }

    /**
     * A functional unique key (its hidden column is no key column Debezium's rule can take) before a plain one, which
     * InnoDB then clusters the rows by.
     */
    @Override
    List<OwnTable> ownTables() {
        return List.of(new OwnTable("CREATE TABLE k.functional (a INT NOT NULL, b INT NOT NULL, v INT, "
                + "UNIQUE KEY fa ((a + 1)), UNIQUE KEY ub (b))", List.of("b"), true));
    }
}
