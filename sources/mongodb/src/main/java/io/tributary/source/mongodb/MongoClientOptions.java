package io.tributary.source.mongodb;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import io.tributary.api.SourceException;
import io.tributary.core.tls.TlsFileOptions;
import org.bson.UuidRepresentation;

/**
 * How the source's client connects, as Debezium's MongoDB connector builds its client: the {@code mongodb.*} settings
 * first, credentials from {@code mongodb.user} / {@code mongodb.password} (in {@code mongodb.authsource}) when given,
 * then the connection string, whose own settings win; its {@code tlsCAFile}, which the driver does not read, read
 * here ({@link TlsFileOptions}).
 */
record MongoClientOptions(String connectionString, String user, String password, String authSource,
        boolean sslEnabled, boolean invalidHostnameAllowed, long connectTimeoutMs, long socketTimeoutMs,
        long serverSelectionTimeoutMs, long heartbeatFrequencyMs) {

    /**
     * The driver's settings.
     *
     * @throws SourceException when the connection string's TLS files are refused or cannot be read
     */
    MongoClientSettings settings() {
        TlsFileOptions tls;
        Optional<SSLContext> trusting;
        try {
            tls = TlsFileOptions.of(connectionString);
            trusting = tls.sslContext();
        } catch (IllegalArgumentException e) {
            throw SourceException.fatal("mongodb.connection.string: " + e.getMessage(), e);
        }
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applyToSocketSettings(socket -> socket.connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(socketTimeoutMs, TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelectionTimeoutMs,
                        TimeUnit.MILLISECONDS))
                .applyToServerSettings(server -> server.heartbeatFrequency(heartbeatFrequencyMs,
                        TimeUnit.MILLISECONDS))
                .applyToSslSettings(ssl -> ssl.enabled(sslEnabled).invalidHostNameAllowed(invalidHostnameAllowed));
        if (user != null || password != null) {
            settings.credential(MongoCredential.createCredential(user, authSource,
                    password == null ? null : password.toCharArray()));
        }
        settings.applyConnectionString(new ConnectionString(tls.connectionString()));
        trusting.ifPresent(context -> settings.applyToSslSettings(ssl -> ssl.context(context)));
        return settings.build();
    }

    /** Without the connection string and the password, which may hold secrets. */
    @Override
    public String toString() {
        return "MongoClientOptions[user=" + user + ", authSource=" + authSource + ", ssl=" + sslEnabled + "]";
    }
}
