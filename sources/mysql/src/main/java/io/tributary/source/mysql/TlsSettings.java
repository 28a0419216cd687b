package io.tributary.source.mysql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import io.tributary.api.SourceException;

/**
 * How connections to the server use TLS ({@code database.ssl.*}), applied alike to the JDBC connections (MariaDB
 * Connector/J) and to the binlog connection. A key store holds the client's certificate for servers that ask for
 * one; a trust store the authorities a verifying mode accepts (without one, the JVM's). Passwords are never shown.
 *
 * @param keyStore the client certificate and key, if any ({@code database.ssl.keystore})
 * @param trustStore the trusted authorities, if any ({@code database.ssl.truststore})
 */
public record TlsSettings(SslMode mode, Optional<Store> keyStore, Optional<Store> trustStore) {

    /** A key or trust store file, in any format the JVM reads (PKCS12, JKS), and its password. */
    public record Store(Path path, String password) {
        public Store {
            requireNonNull(path, "path is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public String toString() {
            return path.toString();
        }

        KeyStore load(String key) {
            try {
                return KeyStore.getInstance(path.toFile(), password.toCharArray());
            } catch (IOException | GeneralSecurityException e) {
                throw SourceException.fatal("cannot read " + key + " " + path + " (" + e.getMessage() + "): expected "
                        + "a PKCS12 or JKS store readable with its password; check the path and the password setting");
            }
        }
    }

    public TlsSettings {
        requireNonNull(mode, "mode is null");
        requireNonNull(keyStore, "keyStore is null");
        requireNonNull(trustStore, "trustStore is null");
    }

    /** Plain connections. */
    public static TlsSettings disabled() {
        return new TlsSettings(SslMode.DISABLED, Optional.empty(), Optional.empty());
    }

    /**
     * Connector/J's properties for one connection; {@code serverOffersTls} decides {@link SslMode#PREFERRED}, which
     * the driver does not know.
     */
    Properties jdbcProperties(boolean serverOffersTls) {
        Properties properties = new Properties();
        String driverMode = switch (mode) {
            case DISABLED -> "disable";
            case PREFERRED -> serverOffersTls ? "trust" : "disable";
            case REQUIRED -> "trust";
            case VERIFY_CA -> "verify-ca";
            case VERIFY_IDENTITY -> "verify-full";
        };
        properties.setProperty("sslMode", driverMode);
        keyStore.ifPresent(store -> {
            properties.setProperty("keyStore", store.path().toString());
            properties.setProperty("keyStorePassword", store.password());
        });
        trustStore.ifPresent(store -> {
            properties.setProperty("trustStore", store.path().toString());
            properties.setProperty("trustStorePassword", store.password());
        });
        return properties;
    }

    /** Sets the binlog client's TLS mode and, when stores are given, the context its TLS sockets come from. */
    void configure(BinaryLogClient client) {
        client.setSSLMode(switch (mode) {
            case DISABLED -> SSLMode.DISABLED;
            case PREFERRED -> SSLMode.PREFERRED;
            case REQUIRED -> SSLMode.REQUIRED;
            case VERIFY_CA -> SSLMode.VERIFY_CA;
            case VERIFY_IDENTITY -> SSLMode.VERIFY_IDENTITY;
        });
        if (mode != SslMode.DISABLED && (keyStore.isPresent() || trustStore.isPresent())) {
            SSLContext context = sslContext();
            client.setSslSocketFactory(socket -> upgrade(context, socket));
        }
    }

    private static SSLSocket upgrade(SSLContext context, Socket socket) throws java.net.SocketException {
        try {
            return (SSLSocket) context.getSocketFactory().createSocket(socket,
                    socket.getInetAddress().getHostName(), socket.getPort(), true);
        } catch (IOException e) {
            throw new java.net.SocketException("cannot start TLS on the binlog connection: " + e.getMessage());
        }
    }

    /** The context TLS connections are made with: the key store's certificate, and whom the mode trusts. */
    SSLContext sslContext() {
        try {
            KeyManager[] keys = null;
            if (keyStore.isPresent()) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keyStore.get().load("database.ssl.keystore"), keyStore.get().password().toCharArray());
                keys = factory.getKeyManagers();
            }
            TrustManager[] trust;
            if (!mode.verifiesCertificate()) {
                trust = new TrustManager[] {new AcceptingTrustManager()};
            } else if (trustStore.isPresent()) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(
                        TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trustStore.get().load("database.ssl.truststore"));
                trust = factory.getTrustManagers();
            } else {
                trust = null; // the JVM's authorities
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw SourceException.fatal("cannot set up TLS for the binlog connection: " + e.getMessage());
        }
    }

    /** Encrypts without checking who is at the other end: required and preferred, as in Debezium and the driver. */
    private static final class AcceptingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
