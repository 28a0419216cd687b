package io.tributary.server;

import java.util.List;
import java.util.Set;

import io.tributary.api.config.ConfigDefinition;
import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.UndeclaredKeys;

/**
 * The keys of a pipeline file that belong to the standalone runtime itself: its name, its sinks, the offset store and
 * how often offsets are stored, and the REST API ({@code rest.*}, and Kafka Connect's {@code listeners} with its
 * {@code listeners.https.*} TLS settings). Keys under {@code rest.}, {@code listeners.} and {@code offset.storage.} are
 * the runtime's, so a misspelt one there is an error with a did-you-mean.
 */
final class PipelineOptions {
    static final ConfigOption<String> NAME = ConfigOption.string("name")
            .validatedBy(name -> name.matches("[A-Za-z0-9._-]+"), "letters, digits, '.', '_' or '-'")
            .withDoc("the pipeline's name (a connector configuration's own name key); default: the file's name");
    static final ConfigOption<List<String>> SINKS = ConfigOption.list("sinks")
            .withDoc("the sinks, by name: sinks=kafka,debug");
    static final ConfigOption<String> OFFSET_STORAGE_DIR = ConfigOption.string("offset.storage.dir")
            .withDefault("tributary-offsets").withDoc("the local offset store's directory");
    static final ConfigOption<Long> OFFSET_FLUSH_INTERVAL_MS = ConfigOption.longInteger("offset.flush.interval.ms")
            .withDefault(1000L).validatedBy(interval -> interval >= 0, "a number of ms, 0 or more")
            .withDoc("how often the sinks are flushed and the offset stored while records keep coming (also when the "
                    + "source has nothing more for now, and on a graceful stop); 0 for after every batch");
    static final ConfigOption<String> REST_HOST = ConfigOption.string("rest.host").withDefault("127.0.0.1")
            .withDoc("the address the REST API binds to");
    static final ConfigOption<Integer> REST_PORT = ConfigOption.integer("rest.port").withDefault(8083)
            .validatedBy(port -> port >= -1 && port < 65536, "a port number, 0 for any free port or -1 for none")
            .withDoc("the REST API's port");
    static final ConfigOption<List<String>> REST_EXTENSION_CLASSES = ConfigOption.list("rest.extension.classes")
            .withDefault(List.of())
            .withDoc("Kafka Connect REST extensions to load, as a Connect worker does: "
                    + "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension turns on HTTP "
                    + "basic authentication against the JVM's java.security.auth.login.config");
    static final ConfigOption<Long> REST_REQUEST_MAX_BYTES = ConfigOption.longInteger("rest.request.max.bytes")
            .withDefault(1024L * 1024).validatedBy(bytes -> bytes > 0, "a number of bytes, 1 or more")
            .withDoc("the largest request body the REST API reads; a larger one is answered 413");
    static final ConfigOption<String> LISTENERS = ConfigOption.string("listeners")
            .withDoc("the REST API's listener as a Kafka Connect worker names it, http://host:port or "
                    + "https://host:port; replaces rest.host and rest.port");
    static final ConfigOption<String> HTTPS_KEYSTORE_LOCATION = ConfigOption.string(
            "listeners.https.ssl.keystore.location").withDoc("the keystore holding the HTTPS listener's key and "
                    + "certificate");
    static final ConfigOption<String> HTTPS_KEYSTORE_PASSWORD = ConfigOption.string(
            "listeners.https.ssl.keystore.password").asSensitive().withDoc("the keystore's password");
    static final ConfigOption<String> HTTPS_KEYSTORE_TYPE = ConfigOption.string("listeners.https.ssl.keystore.type")
            .withDefault("JKS").withDoc("the keystore's type: JKS or PKCS12");
    static final ConfigOption<String> HTTPS_KEY_PASSWORD = ConfigOption.string("listeners.https.ssl.key.password")
            .asSensitive().withDoc("the key's password; default: the keystore's");

    static final ConfigOption<Long> SHUTDOWN_TIMEOUT_MS = ConfigOption.longInteger("task.shutdown.graceful.timeout.ms")
            .withDefault(5000L).validatedBy(ms -> ms >= 0, "0 or more milliseconds")
            .withDoc("how long a stop waits for the batch in hand to be delivered before abandoning it (it is then "
                    + "repeated on the next start), as Kafka Connect's worker setting of that name");

    /** Prefixes under which every key is the runtime's. */
    static final List<String> PREFIXES = List.of("rest.", "offset.storage.", "listeners.");

    static final ConfigDefinition DEFINITION = new ConfigDefinition(List.of(NAME, SINKS, OFFSET_STORAGE_DIR,
            OFFSET_FLUSH_INTERVAL_MS, REST_HOST, REST_PORT, REST_EXTENSION_CLASSES, REST_REQUEST_MAX_BYTES, LISTENERS,
            HTTPS_KEYSTORE_LOCATION, HTTPS_KEYSTORE_PASSWORD, HTTPS_KEYSTORE_TYPE, HTTPS_KEY_PASSWORD,
            SHUTDOWN_TIMEOUT_MS), Set.of())
            .withUndeclaredKeys(UndeclaredKeys.reject("the pipeline runtime"));

    /** The runtime's keys, offered to the source as suggestions for misspelt keys that reached it. */
    static final Set<String> KEYS = Set.of(NAME.key(), SINKS.key(), OFFSET_STORAGE_DIR.key(),
            OFFSET_FLUSH_INTERVAL_MS.key(), REST_HOST.key(), REST_PORT.key(), REST_EXTENSION_CLASSES.key(),
            REST_REQUEST_MAX_BYTES.key(), LISTENERS.key(), SHUTDOWN_TIMEOUT_MS.key());

    private PipelineOptions() {
    }

    /**
     * Whether {@code key} is the runtime's: {@code sinks}, {@code offset.flush.interval.ms}, {@code listeners}, the
     * shutdown timeout, or under {@code rest.}, {@code listeners.} or {@code offset.storage.}.
     */
    static boolean isRuntimeKey(String key) {
        return key.equals(SINKS.key()) || key.equals(OFFSET_FLUSH_INTERVAL_MS.key()) || key.equals(LISTENERS.key())
                || key.equals(SHUTDOWN_TIMEOUT_MS.key()) || PREFIXES.stream().anyMatch(key::startsWith);
    }
}
