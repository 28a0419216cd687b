package io.tributary.compat;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingMySql;

/**
 * {@link TransactionStatementsDifferentialIT} on MySQL 9.7 with Debezium 3.6.1, MyISAM as the non-transactional table.
 * Without GTIDs, as RDS for MySQL starts: enforce_gtid_consistency refuses a MyISAM change inside a transaction.
 */
class MySqlTransactionStatementsDifferentialIT extends TransactionStatementsDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }

    @Override
    boolean rolledBackRowLogged() {
        return false;
    }

    @Override
    TestingBinlogServer startServer() {
        return TestingMySql.builder().gtids(false).start();
    }
}
