package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.tributary.api.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as a Connect worker configures it: {@code listeners=https://...} with {@code listeners.https.ssl.keystore.*},
 * against a keystore the JDK's keytool makes for the test (a self-signed certificate for 127.0.0.1 and localhost).
 */
class RestTlsTest {
    private static final String STORE_PASSWORD = "store-pa55";

    @TempDir
    static Path security;
    private static Path keystore;

    @TempDir
    Path directory;

    @BeforeAll
    static void generateKeystore() throws Exception {
        keystore = security.resolve("rest.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "rest", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void servesTheApiOverHttpsOnly() throws Exception {
        try (RestFixture api = new RestFixture(directory, https(STORE_PASSWORD))) {
            assertThat(api.rest().url()).isEqualTo("https://127.0.0.1:" + api.rest().port());
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).build();
            HttpResponse<String> connectors = trusting.send(HttpRequest.newBuilder(URI.create(api.url("/connectors")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(connectors.statusCode()).isEqualTo(200);
            assertThat(connectors.body()).isEqualTo("[\"shop\"]");
            assertThat(trusting.send(HttpRequest.newBuilder(URI.create(api.url("/connectors/shop/restart")))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("Origin", api.rest().url()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("the https origin is the server's own").isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.sourceStarts() == 2);

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.rest().port() + "/connectors")).build(),
                    HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP to the TLS port gets a TLS alert, not the API").isInstanceOf(IOException.class);
        }
    }

    @Test
    void aWrongKeystorePasswordIsAConfigErrorThatDoesNotPrintIt() {
        assertThatThrownBy(() -> new RestFixture(directory, https("not-the-pa55")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.ssl.keystore.password: does not open the keystore " + keystore)
                .hasMessageNotContaining("not-the-pa55");
        assertThatThrownBy(() -> new RestFixture(directory, Map.of("listeners", "https://127.0.0.1:0",
                "listeners.https.ssl.keystore.location", directory.resolve("absent.p12").toString(),
                "listeners.https.ssl.keystore.password", STORE_PASSWORD)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.https.ssl.keystore.location: cannot read the keystore")
                .hasMessageNotContaining(STORE_PASSWORD);
    }

    private static Map<String, String> https(String password) {
        return Map.of("listeners", "https://127.0.0.1:0", "listeners.https.ssl.keystore.location", keystore.toString(),
                "listeners.https.ssl.keystore.type", "PKCS12", "listeners.https.ssl.keystore.password", password);
    }

    private static SSLContext trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
