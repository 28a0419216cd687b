package io.tributary.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's own
 * {@code keytool}: its private key and certificate (for a test server's TLS), and the certificate as a PEM file —
 * the authority a client is told to trust ({@code tlsCAFile}).
 */
public record TestingCertificate(PrivateKey key, X509Certificate certificate, Path pemFile) {
    private static final String PASSWORD = "changeit";

    public static TestingCertificate create(Path directory) throws IOException, InterruptedException {
        Path store = directory.resolve("server.p12");
        Path pem = directory.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(directory, List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        run(directory, List.of(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-file", pem.toString()));
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return new TestingCertificate((PrivateKey) keys.getKey("server", PASSWORD.toCharArray()),
                    (X509Certificate) keys.getCertificate("server"), pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("keytool's key store cannot be read: " + e.getMessage(), e);
        }
    }

    private static void run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = directory.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + Files.readString(log));
        }
    }
}
