package io.tributary.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFileOptionsTest {

    @Test
    void theCaFileIsTakenOutOfTheOptionsAndTheOthersKept() {
        TlsFileOptions options = TlsFileOptions.of("mongodb://user:p%40ss@docdb.example:27017/?tls=true"
                + "&TLSCAFILE=%2Fetc%2Fdocdb%2Fglobal-bundle.pem&replicaSet=rs0;retryWrites=false");

        assertThat(options.caFile()).contains(Path.of("/etc/docdb/global-bundle.pem"));
        assertThat(options.connectionString())
                .isEqualTo("mongodb://user:p%40ss@docdb.example:27017/?tls=true&replicaSet=rs0&retryWrites=false");
        assertThat(options.toString()).doesNotContain("p%40ss");
    }

    @Test
    void aStringWithoutTheCaFileIsLeftAsItIs() {
        assertThat(TlsFileOptions.of("mongodb://h:27017/?tls=true")).isEqualTo(new TlsFileOptions(
                "mongodb://h:27017/?tls=true", java.util.Optional.empty()));
        assertThat(TlsFileOptions.of("mongodb://h:27017").connectionString()).isEqualTo("mongodb://h:27017");
        assertThat(TlsFileOptions.of("mongodb://h/?tlsCAFile=/a.pem").connectionString()).isEqualTo("mongodb://h/");
        assertThat(TlsFileOptions.of("mongodb://h:27017").sslContext()).isEmpty();
    }

    @Test
    void clientCertificatesAndAnEmptyCaFileAreRefused() {
        assertThatThrownBy(() -> TlsFileOptions.of("mongodb://h/?tls=true&tlsCertificateKeyFile=/c.pem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tlsCertificateKeyFile (a client certificate) is not supported");
        assertThatThrownBy(() -> TlsFileOptions.of("mongodb://h/?tlsCAFile="))
                .hasMessageContaining("tlsCAFile names no file");
    }

    @Test
    void aMissingOrUnreadableCaFileSaysWhatWasExpected(@TempDir Path directory) throws Exception {
        Path missing = directory.resolve("missing.pem");
        assertThatThrownBy(() -> TlsFileOptions.of("mongodb://h/?tlsCAFile=" + missing).sslContext())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        Path empty = Files.writeString(directory.resolve("empty.pem"), "");
        assertThatThrownBy(() -> TlsFileOptions.of("mongodb://h/?tlsCAFile=" + empty).sslContext())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BEGIN CERTIFICATE");
        Path text = Files.writeString(directory.resolve("text.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n"
                + "-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TlsFileOptions.of("mongodb://h/?tlsCAFile=" + text).sslContext())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read as PEM");
    }
}
