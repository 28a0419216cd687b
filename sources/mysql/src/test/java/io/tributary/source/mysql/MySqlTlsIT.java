package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.ChangeRecord;
import io.tributary.api.SourceException;
import io.tributary.testkit.TestingMariaDb;
import io.tributary.testkit.TestingMySql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * database.ssl.* against a MySQL server with the TLS certificate it makes for itself, read by an account that may
 * only connect over TLS ({@code REQUIRE SSL}), so every capture that works proves both the JDBC and the binlog
 * connection were encrypted; and the clear errors when TLS cannot be had or the certificate is not trusted.
 */
class MySqlTlsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String TLS_USER = "tls_cdc";
    private static final String TLS_PASSWORD = "tls-secret";
    private static TestingMySql mySql;

    @BeforeAll
    static void startServer() {
        mySql = TestingMySql.create();
        mySql.execute("SET sql_log_bin = 0",
                "CREATE USER '" + TLS_USER + "'@'%' IDENTIFIED BY '" + TLS_PASSWORD + "' REQUIRE SSL",
                "GRANT " + TestingMySql.CDC_PRIVILEGES + " ON *.* TO '" + TLS_USER + "'@'%'",
                "SET sql_log_bin = 1",
                "CREATE DATABASE secure", "CREATE TABLE secure.notes (id INT PRIMARY KEY, body VARCHAR(40))",
                "INSERT INTO secure.notes VALUES (1, 'snapshotted')");
    }

    @AfterAll
    static void stopServer() {
        mySql.close();
    }

    private static Map<String, String> tlsConfig(String... overrides) {
        Map<String, String> config = SourceRunner.config(mySql, overrides);
        config.put("database.user", TLS_USER);
        config.put("database.password", TLS_PASSWORD);
        config.put("database.include.list", "secure");
        return config;
    }

    @Test
    void requiredModeSnapshotsAndStreamsOverTls() throws Exception {
        assertCaptures(tlsConfig("database.ssl.mode", "required"), 2);
    }

    @Test
    void preferredIsTheDefaultAndEncryptsWhenTheServerOffersTls() throws Exception {
        assertCaptures(tlsConfig(), 3);
    }

    @Test
    void verifyCaAcceptsTheServerSignedByTheTrustedAuthority(@TempDir Path directory) throws Exception {
        Path trustStore = trustStoreOf(mySql.certificateAuthority(), directory.resolve("trust.p12"), "changeit");
        assertCaptures(tlsConfig("database.ssl.mode", "verify_ca", "database.ssl.truststore", trustStore.toString(),
                "database.ssl.truststore.password", "changeit"), 4);
    }

    @Test
    void verifyCaWithoutTheAuthorityIsAClearErrorThatIsNotRetried() throws Exception {
        RuntimeException failure = failureOf(tlsConfig("database.ssl.mode", "verify-ca"));

        assertThat(failure).isInstanceOf(SourceException.class).hasMessageContaining("TLS with the server at")
                .hasMessageContaining("database.ssl.mode=verify_ca").hasMessageContaining("database.ssl.truststore");
        assertThat(((SourceException) failure).isRetriable()).isFalse();
    }

    @Test
    void aPlainConnectionForAnAccountThatRequiresTlsSaysWhatToSet() throws Exception {
        RuntimeException failure = failureOf(tlsConfig("database.ssl.mode", "disabled"));

        assertThat(failure).isInstanceOf(SourceException.class).hasMessageContaining("refused user 'tls_cdc'")
                .hasMessageContaining("REQUIRE SSL").hasMessageContaining("database.ssl.mode=required")
                .hasMessageNotContaining(TLS_PASSWORD);
    }

    @Test
    void requiredModeOnAServerWithoutTlsSaysSo() throws Exception {
        try (TestingMariaDb mariaDb = TestingMariaDb.create()) {
            RuntimeException failure = failureOf(SourceRunner.config(mariaDb, "database.ssl.mode", "trust"));

            assertThat(failure).isInstanceOf(SourceException.class).hasMessageContaining("offers no TLS")
                    .hasMessageContaining("database.ssl.mode=required requires it");
            assertThat(((SourceException) failure).isRetriable()).isFalse();
        }
    }

    /** What the source failed with: at start, or later when polled. */
    private static RuntimeException failureOf(Map<String, String> config) throws InterruptedException {
        SourceRunner runner;
        try {
            runner = SourceRunner.start(config, Optional.empty());
        } catch (RuntimeException e) {
            return e;
        }
        try (runner) {
            return runner.awaitFailure(TIMEOUT);
        }
    }

    /** The snapshot's row, then a row inserted while streaming (id {@code id}): both captured. */
    private static void assertCaptures(Map<String, String> config, int id) throws Exception {
        int existing = ((Number) mySql.query("SELECT COUNT(*) AS n FROM secure.notes").get(0).get("n")).intValue();
        try (SourceRunner runner = SourceRunner.start(config, Optional.empty())) {
            runner.awaitRecords(existing, TIMEOUT);
            mySql.execute("INSERT INTO secure.notes VALUES (" + id + ", 'streamed')");
            List<ChangeRecord> records = runner.awaitRecords(existing + 1, TIMEOUT);
            assertThat(records).hasSize(existing + 1).last().satisfies(record -> {
                assertThat(((Object[]) record.key())[0]).isEqualTo(id);
                assertThat(record.offset()).as("streamed, not snapshotted").doesNotContainKey("snapshot");
            });
        }
    }

    private static Path trustStoreOf(Path pem, Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("server-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
