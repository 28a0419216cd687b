package io.tributary.converter.avro;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tributary.api.config.ConfigOption;
import io.tributary.api.config.ConfigProblem;
import io.tributary.api.config.ParsedConfig;

/**
 * The settings of an Avro converter — Confluent's {@code io.confluent.connect.avro.AvroConverter} or Apicurio's
 * {@code io.apicurio.registry.utils.converter.AvroConverter} — as a Kafka Connect worker takes them, under
 * {@code key.converter.} or {@code value.converter.}. Tributary writes what those converters write in Confluent's wire
 * format; settings that would make them write something else are refused with the reason, never ignored.
 *
 * @param urls the registry's Confluent-compatible API
 * @param userInfo {@code user:password} for HTTP basic authentication
 * @param autoRegister whether a table's schema is registered, or must be there already
 * @param subjects how a record's subject is named
 */
public record AvroConverterConfig(List<URI> urls, Optional<String> userInfo, boolean autoRegister,
        SubjectNaming subjects) {

    public static final String CONFLUENT = "io.confluent.connect.avro.AvroConverter";
    public static final String APICURIO = "io.apicurio.registry.utils.converter.AvroConverter";
    private static final Pattern APICURIO_NATIVE_API = Pattern.compile("(.*)/apis/registry/v([23])/*");

    /** The converter class names written as Avro. */
    public static boolean isAvro(String converter) {
        return converter.equals(CONFLUENT) || converter.equals(APICURIO);
    }

    /** A converter's options under one prefix ({@code key.converter.} or {@code value.converter.}). */
    public record Options(
            ConfigOption<List<String>> url,
            ConfigOption<String> credentialsSource,
            ConfigOption<String> userInfo,
            ConfigOption<Boolean> autoRegister,
            ConfigOption<SubjectNaming> subjectStrategy,
            ConfigOption<Boolean> connectMetaData,
            ConfigOption<Boolean> enhancedSchemas,
            ConfigOption<Integer> cacheSize,
            ConfigOption<String> apicurioUrl,
            ConfigOption<Boolean> apicurioAutoRegister,
            ConfigOption<Boolean> apicurioFindLatest,
            ConfigOption<Boolean> apicurioAsConfluent,
            ConfigOption<String> apicurioUseId,
            ConfigOption<Boolean> apicurioHeaders,
            ConfigOption<String> apicurioUsername,
            ConfigOption<String> apicurioPassword) {

        static Options under(String prefix) {
            boolean key = prefix.startsWith("key.");
            String strategy = key ? "key.subject.name.strategy" : "value.subject.name.strategy";
            return new Options(
                    ConfigOption.list(prefix + "schema.registry.url").withDoc("the schema registry's URLs "
                            + "(Confluent's converter; Apicurio Registry's Confluent-compatible API is "
                            + "http://host:port/apis/ccompat/v7)"),
                    ConfigOption.string(prefix + "basic.auth.credentials.source").withDefault("USER_INFO")
                            .validatedBy(source -> source.equals("USER_INFO") || source.equals("URL"),
                                    "USER_INFO or URL")
                            .withDoc("where the registry's credentials come from: basic.auth.user.info, or the URL"),
                    ConfigOption.string(prefix + "basic.auth.user.info").asSensitive()
                            .withLegacyKey(prefix + "schema.registry.basic.auth.user.info")
                            .withDoc("user:password for the registry"),
                    ConfigOption.bool(prefix + "auto.register.schemas").withDefault(true)
                            .withDoc("register each table version's schema (true) or expect it registered (false)"),
                    new ConfigOption<>(prefix + strategy, SubjectNaming.EXPECTED, SubjectNaming::parse,
                            Optional.of(SubjectNaming.TOPIC), false, false, List.of(), "")
                            .withDoc("subject names: TopicNameStrategy (<topic>-" + (key ? "key" : "value")
                                    + "), RecordNameStrategy or TopicRecordNameStrategy, by class or short name"),
                    ConfigOption.bool(prefix + "connect.meta.data").withDefault(true)
                            .validatedBy(Boolean::booleanValue, "true (Tributary writes Connect's metadata into "
                                    + "the Avro schemas, as the converter does by default)")
                            .withDoc("Connect's schema metadata in the Avro schemas: true only"),
                    ConfigOption.bool(prefix + "enhanced.avro.schema.support").withDefault(false)
                            .validatedBy(enhanced -> !enhanced, "false (the enhanced schemas are not written)")
                            .withDoc("false only"),
                    ConfigOption.integer(prefix + "schemas.cache.config").withDefault(1000)
                            .validatedBy(size -> size > 0, "a positive integer")
                            .withDoc("accepted for compatibility: Tributary keeps every table version's schema"),
                    ConfigOption.string(prefix + "apicurio.registry.url").withDoc("Apicurio Registry's URL "
                            + "(.../apis/registry/v2 or v3): Tributary uses its Confluent-compatible API there"),
                    ConfigOption.bool(prefix + "apicurio.registry.auto-register").withDefault(false)
                            .withDoc("Apicurio's converter: register each table version's schema"),
                    ConfigOption.bool(prefix + "apicurio.registry.find-latest").withDefault(false)
                            .withDoc("Apicurio's converter: accepted when auto-register is true (it then registers)"),
                    ConfigOption.bool(prefix + "apicurio.registry.as-confluent").withDefault(false)
                            .withDoc("Apicurio 2's converter: true for Confluent's wire format, which Tributary "
                                    + "writes"),
                    ConfigOption.string(prefix + "apicurio.registry.use-id")
                            .validatedBy(id -> id.equals("contentId") || id.equals("globalId"),
                                    "contentId or globalId")
                            .withDoc("Apicurio's converter: the id written; contentId (Apicurio 3's default) only"),
                    ConfigOption.bool(prefix + "apicurio.registry.headers.enabled")
                            .withDoc("Apicurio's converter: the id in Kafka headers; false (Apicurio 3's default) "
                                    + "only: Tributary writes it in the payload"),
                    ConfigOption.string(prefix + "apicurio.auth.username").withDoc("Apicurio Registry's user"),
                    ConfigOption.string(prefix + "apicurio.auth.password").asSensitive()
                            .withDoc("Apicurio Registry's password"));
        }

        /** Every option, for a configuration definition. */
        public List<ConfigOption<?>> all() {
            return List.of(url, credentialsSource, userInfo, autoRegister, subjectStrategy, connectMetaData,
                    enhancedSchemas, cacheSize, apicurioUrl, apicurioAutoRegister, apicurioFindLatest,
                    apicurioAsConfluent, apicurioUseId, apicurioHeaders, apicurioUsername, apicurioPassword);
        }
    }

    public static final Options KEY_OPTIONS = Options.under("key.converter.");
    public static final Options VALUE_OPTIONS = Options.under("value.converter.");

    /**
     * The settings of {@code converter} (an Avro converter) from a parsed configuration; what is wrong is added to
     * {@code problems} and the result is then empty.
     */
    public static Optional<AvroConverterConfig> from(String converter, Options options, ParsedConfig parsed,
            Map<String, String> raw, List<ConfigProblem> problems) {
        int before = problems.size();
        boolean apicurio = converter.equals(APICURIO);
        List<URI> urls = List.of();
        Optional<String> userInfo = Optional.empty();
        boolean autoRegister;
        if (apicurio) {
            Optional<String> url = parsed.find(options.apicurioUrl());
            if (url.isEmpty()) {
                problems.add(new ConfigProblem(options.apicurioUrl().key(), "required by " + converter
                        + ": Apicurio Registry's URL, such as http://registry:8080/apis/registry/v3"));
            } else {
                Matcher nativeApi = APICURIO_NATIVE_API.matcher(url.get().strip());
                if (!nativeApi.matches()) {
                    problems.add(new ConfigProblem(options.apicurioUrl().key(), "expected Apicurio Registry's "
                            + "URL ending in /apis/registry/v2 or /apis/registry/v3, found " + url.get()));
                } else {
                    urls = List.of(URI.create(nativeApi.group(1) + "/apis/ccompat/v7"));
                    boolean version2 = nativeApi.group(2).equals("2");
                    if (version2 && !parsed.get(options.apicurioAsConfluent())) {
                        problems.add(new ConfigProblem(options.apicurioAsConfluent().key(), "expected true: "
                                + "Apicurio 2's converter writes an 8-byte global id unless it is set, and Tributary "
                                + "writes Confluent's wire format (a 4-byte content id, as Apicurio 3 does); set it, "
                                + "with apicurio.registry.use-id=contentId and "
                                + "apicurio.registry.headers.enabled=false, for writers and readers alike"));
                    }
                    String useId = parsed.find(options.apicurioUseId()).orElse(version2 ? "globalId" : "contentId");
                    if (!useId.equals("contentId")) {
                        problems.add(new ConfigProblem(options.apicurioUseId().key(), "expected contentId"
                                + (version2 ? " (Apicurio 2's converter writes the global id by default)" : "")
                                + ": Tributary writes the content id, the id the registry's Confluent-compatible API "
                                + "gives, as Apicurio 3's converter does by default"));
                    }
                    if (parsed.find(options.apicurioHeaders()).orElse(version2)) {
                        problems.add(new ConfigProblem(options.apicurioHeaders().key(), "expected false"
                                + (version2 ? " (Apicurio 2's converter puts the id in Kafka headers by default)" : "")
                                + ": Tributary writes the id in the payload, in Confluent's wire format"));
                    }
                }
            }
            Optional<String> user = parsed.find(options.apicurioUsername());
            Optional<String> password = parsed.find(options.apicurioPassword());
            if (user.isPresent() != password.isPresent()) {
                problems.add(new ConfigProblem(user.isPresent() ? options.apicurioPassword().key()
                        : options.apicurioUsername().key(), "expected with " + (user.isPresent()
                        ? options.apicurioUsername().key() : options.apicurioPassword().key())));
            } else if (user.isPresent()) {
                userInfo = Optional.of(user.get() + ":" + password.get());
            }
            autoRegister = parsed.get(options.apicurioAutoRegister());
            refuseOthers(raw, problems, converter, List.of(options.url(), options.userInfo(),
                    options.autoRegister(), options.subjectStrategy()));
        } else {
            List<String> configured = parsed.get(options.url());
            if (configured.isEmpty()) {
                problems.add(new ConfigProblem(options.url().key(), "required by " + converter
                        + ": the schema registry's URL, such as http://schema-registry:8081"));
            }
            try {
                urls = configured.stream().map(String::strip).map(URI::create).toList();
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(options.url().key(), "expected URLs, found " + e.getMessage()));
            }
            if (parsed.get(options.credentialsSource()).equals("URL")) {
                userInfo = urls.stream().map(URI::getRawUserInfo).filter(info -> info != null).findFirst();
                urls = urls.stream().map(AvroConverterConfig::withoutUserInfo).toList();
            } else {
                userInfo = parsed.find(options.userInfo());
            }
            autoRegister = parsed.get(options.autoRegister());
            refuseOthers(raw, problems, converter, List.of(options.apicurioUrl(),
                    options.apicurioAutoRegister(), options.apicurioFindLatest(), options.apicurioAsConfluent(),
                    options.apicurioUseId(), options.apicurioHeaders(), options.apicurioUsername(),
                    options.apicurioPassword()));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        SubjectNaming subjects = apicurio ? SubjectNaming.TOPIC : parsed.get(options.subjectStrategy());
        return Optional.of(new AvroConverterConfig(urls, userInfo, autoRegister, subjects));
    }

    /** The other converter's settings are not this one's: set, they are a mistake worth saying. */
    private static void refuseOthers(Map<String, String> raw, List<ConfigProblem> problems, String converter,
            List<ConfigOption<?>> others) {
        for (ConfigOption<?> other : others) {
            if (raw.containsKey(other.key()) || other.legacyKeys().stream().anyMatch(raw::containsKey)) {
                problems.add(new ConfigProblem(other.key(), "is not a setting of " + converter));
            }
        }
    }

    private static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority().substring(url.getRawUserInfo().length() + 1)
                + (url.getRawPath() == null ? "" : url.getRawPath()));
    }
}
