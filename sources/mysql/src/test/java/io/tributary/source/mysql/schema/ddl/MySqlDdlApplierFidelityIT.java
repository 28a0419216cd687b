package io.tributary.source.mysql.schema.ddl;

import java.util.List;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

class MySqlDdlApplierFidelityIT extends DdlApplierFidelityIT {
    @Override
    TestingBinlogServer start() {
        return TestingMySql.create();
    }

    @Override
    boolean mariaDb() {
        return false;
    }

    @Override
    List<String> ownStatements() {
        return List.of("CREATE TABLE f.j (id INT PRIMARY KEY, doc JSON, w INT(5))",
                "ALTER TABLE f.j ADD tz TINYINT(2) ZEROFILL, ADD bo BOOLEAN DEFAULT 0",
                "ALTER TABLE f.j ADD CONSTRAINT cj CHECK (w > 0) NOT ENFORCED",
                "ALTER TABLE f.j ALTER CHECK cj ENFORCED",
                "ALTER TABLE f.j DROP CHECK cj",
                "CREATE INDEX iw ON f.j (w)",
                "ALTER TABLE f.j ALTER INDEX iw INVISIBLE");
    }
}
