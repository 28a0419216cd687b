package io.tributary.compat;

/** {@link TypeCatalogOptionsDifferentialIT} on MySQL 9.7 with Debezium 3.6.1. */
class MySqlTypeCatalogOptionsDifferentialIT extends TypeCatalogOptionsDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MYSQL;
    }
}
