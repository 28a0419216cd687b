package io.tributary.source.mysql.schema.ddl;

import java.util.List;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMariaDb;

class MariaDbDdlApplierFidelityIT extends DdlApplierFidelityIT {
    @Override
    TestingBinlogServer start() {
        return TestingMariaDb.create();
    }

    @Override
    boolean mariaDb() {
        return true;
    }

    @Override
    List<String> ownStatements() {
        return List.of("ALTER TABLE f.t DROP COLUMN IF EXISTS nothing, DROP COLUMN y",
                "ALTER TABLE f.t ADD w INT(5) DEFAULT 3 COMMENT 'with\\nline'",
                "CREATE INDEX iw ON f.t (w)",
                "ALTER TABLE f.t ALTER INDEX iw IGNORED, PAGE_CHECKSUM=1",
                "ALTER TABLE f.t ALTER INDEX iw NOT IGNORED, COMMENT='a ''table'''");
    }
}
