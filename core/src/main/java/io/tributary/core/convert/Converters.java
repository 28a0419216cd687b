package io.tributary.core.convert;

import java.util.List;
import java.util.Optional;

import io.tributary.api.config.ConfigOption;
import io.tributary.core.json.ConnectJsonEncoder;

/**
 * The Kafka Connect converters a sink that writes records as bytes (Kafka, files) writes like: {@code JsonConverter}
 * (with or without schemas) and {@code StringConverter}. Others are refused, saying why.
 */
public final class Converters {
    public static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    public static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
    private static final String WRITTEN = JSON_CONVERTER + " or " + STRING_CONVERTER;
    /** What a refused converter's error says: the two written, and why the other common ones are not. */
    private static final String EXPECTED = WRITTEN + " (change events are structs, which ByteArrayConverter cannot "
            + "write, as a Connect worker fails on the first one; Avro with a schema registry is written by the Kafka "
            + "sink)";

    private Converters() {
    }

    /** {@code key.converter} or {@code value.converter}: JsonConverter (the default) or StringConverter. */
    public static ConfigOption<String> option(String key) {
        return new ConfigOption<>(key, EXPECTED, String::strip, Optional.of(JSON_CONVERTER), false, false, List.of(),
                "the converter whose bytes this sink writes: " + WRITTEN)
                .validatedBy(Converters::isWritten, EXPECTED);
    }

    /**
     * {@code key.converter} or {@code value.converter} of a sink that writes {@code more} converters too (the Kafka
     * sink's Avro converters), named in {@code moreExpected}.
     */
    public static ConfigOption<String> option(String key, java.util.Set<String> more, String moreExpected) {
        String expected = WRITTEN + ", or " + moreExpected;
        return new ConfigOption<>(key, expected, String::strip, Optional.of(JSON_CONVERTER), false, false, List.of(),
                "the converter whose bytes this sink writes: " + expected)
                .validatedBy(name -> isWritten(name) || more.contains(name), expected + " (ByteArrayConverter cannot "
                        + "write change events, which are structs, as a Connect worker fails on the first one)");
    }

    private static boolean isWritten(String className) {
        return className.equals(JSON_CONVERTER) || className.equals(STRING_CONVERTER);
    }

    /** The encoder writing what {@code converter} writes; {@code schemas} is its {@code schemas.enable}. */
    public static RecordEncoder encoder(String converter, boolean schemas) {
        return switch (converter.strip()) {
            case JSON_CONVERTER -> new ConnectJsonEncoder(schemas);
            case STRING_CONVERTER -> new ConnectStringEncoder();
            default -> throw new IllegalArgumentException("no encoder for " + converter + "; expected " + WRITTEN);
        };
    }
}
