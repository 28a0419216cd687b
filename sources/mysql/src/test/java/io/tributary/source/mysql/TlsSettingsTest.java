package io.tributary.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsSettingsTest {

    @ParameterizedTest
    @CsvSource({"disabled, DISABLED", "disable, DISABLED", "preferred, PREFERRED", "required, REQUIRED",
            "trust, REQUIRED", "verify_ca, VERIFY_CA", "verify-ca, VERIFY_CA", "VERIFY_IDENTITY, VERIFY_IDENTITY",
            "verify-full, VERIFY_IDENTITY"})
    void bothConnectorsSpellingsAreUnderstood(String value, SslMode expected) {
        assertThat(SslMode.parse(value)).isEqualTo(expected);
    }

    @Test
    void theModeDefaultsToPreferredAndAnUnknownOneIsAClearError() {
        Map<String, String> base = Map.of("database.hostname", "db", "database.user", "u", "topic.prefix", "t");
        assertThat(MySqlSourceConfig.parse(base).tls().mode()).isEqualTo(SslMode.PREFERRED);

        Map<String, String> wrong = new java.util.HashMap<>(base);
        wrong.put("database.ssl.mode", "always");
        assertThatThrownBy(() -> MySqlSourceConfig.parse(wrong)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("database.ssl.mode").hasMessageContaining("verify_identity")
                .hasMessageContaining("verify-full");
    }

    @Test
    void storePasswordsAreNeverShown() {
        Map<String, String> config = Map.of("database.hostname", "db", "database.user", "u", "topic.prefix", "t",
                "database.ssl.mode", "verify_ca", "database.ssl.truststore", "/etc/trust.p12",
                "database.ssl.truststore.password", "Tr-9x!");
        TlsSettings tls = MySqlSourceConfig.parse(config).tls();

        assertThat(tls.trustStore()).map(TlsSettings.Store::path).contains(Path.of("/etc/trust.p12"));
        assertThat(tls.toString()).doesNotContain("Tr-9x!");
        assertThat(MySqlSourceConfig.parse(config).toString()).doesNotContain("Tr-9x!");
    }

    @Test
    void preferredAsksTheDriverForTlsOnlyWhenTheServerOffersIt() {
        TlsSettings preferred = new TlsSettings(SslMode.PREFERRED, Optional.empty(), Optional.empty());
        assertThat(preferred.jdbcProperties(true).getProperty("sslMode")).isEqualTo("trust");
        assertThat(preferred.jdbcProperties(false).getProperty("sslMode")).isEqualTo("disable");

        TlsSettings verify = new TlsSettings(SslMode.VERIFY_IDENTITY, Optional.empty(),
                Optional.of(new TlsSettings.Store(Path.of("/t.p12"), "pw")));
        assertThat(verify.jdbcProperties(false)).containsEntry("sslMode", "verify-full")
                .containsEntry("trustStore", "/t.p12").containsEntry("trustStorePassword", "pw");
    }

    @Test
    void theGreetingsCapabilitiesSayWhetherTlsIsOffered() throws IOException {
        assertThat(ServerGreeting.capabilities(greeting(0xffff)) & 0x0800).isNotZero();
        assertThat(ServerGreeting.capabilities(greeting(0xffff & ~0x0800)) & 0x0800).isZero();
        assertThatThrownBy(() -> ServerGreeting.capabilities(new byte[] {(byte) 0xff, 0x10, 0x04}))
                .isInstanceOf(IOException.class);
    }

    /** A protocol-10 greeting as MySQL 8 sends it, up to the lower capability flags. */
    private static byte[] greeting(int capabilities) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(10);
        out.writeBytes("8.4.3".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeBytes(new byte[] {7, 0, 0, 0}); // connection id
        out.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.write(capabilities & 0xff);
        out.write(capabilities >> 8 & 0xff);
        out.write(255); // character set, then more that is not read
        return out.toByteArray();
    }
}
