package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;

import io.tributary.api.SourceException;
import org.junit.jupiter.api.Test;

class BinlogErrorsTest {
    private static final BinlogErrors.Position AT = new BinlogErrors.Position("127.0.0.1", 3306, "cdc", 5400,
            "binlog.000001", 4, "");

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void aHandshakeCutShortByTheServerGoingAwayIsRetried() {
        SourceException eof = BinlogErrors.translate(new java.io.IOException("cannot start TLS",
                handshake("Remote host terminated the handshake", new EOFException("SSL peer shut down incorrectly"))),
                AT);
        SourceException reset = BinlogErrors.translate(handshake("x", new SocketException("Connection reset")), AT);

        assertThat(eof.isRetriable()).isTrue();
        assertThat(eof.getMessage()).contains("was cut short").contains("127.0.0.1:3306");
        assertThat(reset.isRetriable()).isTrue();
    }

    @Test
    void aHandshakeTheSettingsFailStopsSayingWhatToCheck() {
        SourceException refused = BinlogErrors.translate(handshake("PKIX path building failed",
                new CertificateException("unable to find valid certification path")), AT);

        assertThat(refused.isRetriable()).isFalse();
        assertThat(refused.getMessage()).contains("database.ssl.mode").contains("database.ssl.truststore");
    }
}
