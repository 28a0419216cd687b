package io.tributary.source.mongodb;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import org.bson.UuidRepresentation;

/**
 * How the source's client connects, as Debezium's MongoDB connector builds its client: the {@code mongodb.*} settings
 * first, credentials from {@code mongodb.user} / {@code mongodb.password} (in {@code mongodb.authsource}) when given,
 * then the connection string, whose own settings win.
 */
record MongoClientOptions(String connectionString, String user, String password, String authSource,
        boolean sslEnabled, boolean invalidHostnameAllowed, long connectTimeoutMs, long socketTimeoutMs,
        long serverSelectionTimeoutMs, long heartbeatFrequencyMs) {

    MongoClientSettings settings() {
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
        return settings.applyConnectionString(new ConnectionString(connectionString)).build();
    }

    /** Without the connection string and the password, which may hold secrets. */
    @Override
    public String toString() {
        return "MongoClientOptions[user=" + user + ", authSource=" + authSource + ", ssl=" + sslEnabled + "]";
    }
}
