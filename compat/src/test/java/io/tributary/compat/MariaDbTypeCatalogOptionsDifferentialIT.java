package io.tributary.compat;

/** {@link TypeCatalogOptionsDifferentialIT} on MariaDB with Debezium 3.5. */
class MariaDbTypeCatalogOptionsDifferentialIT extends TypeCatalogOptionsDifferentialIT {
    @Override
    TestServer server() {
        return TestServer.MARIADB;
    }
}
