package io.tributary.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS file options of a connection string that a driver does not read itself: MongoDB's Java driver only warns
 * about {@code tlsCAFile} (and would connect trusting the JVM's authorities alone), which is how DocumentDB's guides
 * give its certificate authorities. {@code tlsCAFile} is taken out of the string and read here; the client
 * certificate options, which Tributary does not read, are refused rather than left for the driver to ignore.
 *
 * @param connectionString the connection string without {@code tlsCAFile}
 * @param caFile the PEM file of certificate authorities it named, if any
 */
public record TlsFileOptions(String connectionString, Optional<Path> caFile) {
    private static final String CA_FILE = "tlscafile";
    private static final List<String> REFUSED = List.of("tlscertificatekeyfile", "tlscertificatekeyfilepassword");

    /**
     * Takes {@code tlsCAFile} (any case, percent-encoded or not) out of a connection string's options.
     *
     * @throws IllegalArgumentException when the string holds a client certificate option, saying what to do instead
     */
    public static TlsFileOptions of(String connectionString) {
        int query = connectionString.indexOf('?');
        if (query < 0) {
            return new TlsFileOptions(connectionString, Optional.empty());
        }
        List<String> kept = new ArrayList<>();
        Optional<Path> caFile = Optional.empty();
        for (String option : connectionString.substring(query + 1).split("[&;]")) {
            int equals = option.indexOf('=');
            String key = (equals < 0 ? option : option.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (REFUSED.contains(key)) {
                throw new IllegalArgumentException("the connection string's " + option.substring(0, Math.max(0,
                        equals)) + " (a client certificate) is not supported: Tributary reads tlsCAFile, the "
                        + "authorities that sign the server's certificate, but no client certificate; use "
                        + "password authentication, or leave it out");
            }
            if (key.equals(CA_FILE)) {
                String value = equals < 0 ? "" : URLDecoder.decode(option.substring(equals + 1),
                        StandardCharsets.UTF_8);
                if (value.isBlank()) {
                    throw new IllegalArgumentException("the connection string's tlsCAFile names no file: expected "
                            + "tlsCAFile=<path of a PEM file of certificate authorities>");
                }
                caFile = Optional.of(Path.of(value));
            } else if (!option.isEmpty()) {
                kept.add(option);
            }
        }
        String base = connectionString.substring(0, query);
        return new TlsFileOptions(kept.isEmpty() ? base : base + "?" + String.join("&", kept), caFile);
    }

    /**
     * A TLS context that trusts the authorities of {@link #caFile} alone, as {@code tlsCAFile} means.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public Optional<SSLContext> sslContext() {
        return caFile.map(TlsFileOptions::trusting);
    }

    private static SSLContext trusting(Path pemFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the connection string's tlsCAFile " + pemFile + " does not exist: "
                    + "expected a PEM file of certificate authorities (DocumentDB's global-bundle.pem)", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the connection string's tlsCAFile " + pemFile + " cannot be read as "
                    + "PEM certificates (" + e.getMessage() + "): expected -----BEGIN CERTIFICATE----- blocks", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the connection string's tlsCAFile " + pemFile + " holds no "
                    + "certificate: expected -----BEGIN CERTIFICATE----- blocks");
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context trusting " + pemFile + ": " + e.getMessage(), e);
        }
    }

    /** Without the connection string, which may hold a password. */
    @Override
    public String toString() {
        return "TlsFileOptions[caFile=" + caFile.map(Path::toString).orElse("none") + "]";
    }
}
