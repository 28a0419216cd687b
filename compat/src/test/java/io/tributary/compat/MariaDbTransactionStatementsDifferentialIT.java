package io.tributary.compat;

/** {@link TransactionStatementsDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbTransactionStatementsDifferentialIT extends TransactionStatementsDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }

    @Override
    boolean rolledBackRowLogged() {
        return true;
    }
}
