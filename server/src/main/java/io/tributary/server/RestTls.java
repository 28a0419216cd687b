package io.tributary.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener's connection factories: TLS with the configured keystore, then HTTP/1.1. The keystore is opened
 * here, before anything listens, so a wrong path, type or password is a configuration error naming the key.
 */
final class RestTls {
    private RestTls() {
    }

    static ConnectionFactory[] factories(RestConfig.Tls tls, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(open(tls));
        ssl.setKeyStorePassword(tls.keystorePassword());
        ssl.setKeyManagerPassword(tls.keyPassword());
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        return new ConnectionFactory[] {new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https)};
    }

    private static KeyStore open(RestConfig.Tls tls) {
        String location = PipelineOptions.HTTPS_KEYSTORE_LOCATION.key();
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(tls.keystoreType());
        } catch (GeneralSecurityException e) {
            throw problem(PipelineOptions.HTTPS_KEYSTORE_TYPE.key(), "unknown keystore type '" + tls.keystoreType()
                    + "': expected JKS or PKCS12");
        }
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            keyStore.load(in, tls.keystorePassword().toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw problem(PipelineOptions.HTTPS_KEYSTORE_PASSWORD.key(), "does not open the keystore "
                        + tls.keystore() + ": give its password");
            }
            throw problem(location, "cannot read the keystore " + tls.keystore().toAbsolutePath() + " as "
                    + tls.keystoreType() + " (" + e.getMessage() + "): check the path, the type ("
                    + PipelineOptions.HTTPS_KEYSTORE_TYPE.key() + ") and the password");
        } catch (GeneralSecurityException e) {
            throw problem(location, "cannot read the keystore " + tls.keystore().toAbsolutePath() + ": " + e);
        }
        return keyStore;
    }

    private static ConfigException problem(String key, String message) {
        return new ConfigException(java.util.List.of(new ConfigProblem(key, message)));
    }
}
