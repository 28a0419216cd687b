package io.tributary.compat;

/** {@link TransactionStatementsDifferentialIT} on MySQL 9.7 with Debezium 3.6.1 (MyISAM as the non-transactional table). */
class MySqlTransactionStatementsDifferentialIT extends TransactionStatementsDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
