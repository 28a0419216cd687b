package io.tributary.source.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.tributary.api.ChangeRecord;
import io.tributary.connect.ConnectBridge;
import io.tributary.core.json.HeaderText;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

/**
 * Debezium's {@code ExtractNewDocumentState} and Tributary's applied, each to its own side's records of the same
 * events, and their results compared: the same JsonConverter bytes of topic, key and value, with schemas and without
 * (Tributary's record through Kafka Connect and through its own encoder; nothing normalised), the same headers (each
 * as Connect's default header converter writes it; Debezium's {@code __debezium.context.*} headers, which its
 * connector adds and the unwrap passes, left out), or a record dropped by both, or refused by both. What differs is
 * collected, not thrown, so that one run shows all of it.
 */
final class UnwrapComparison {
    private static final String CONTEXT_HEADERS = "__debezium.context.";

    private final List<String> differences = new ArrayList<>();
    private int compared;
    private int refused;
    private int dropped;
    private int headers;
    private final List<SourceRecord> written = new ArrayList<>();
    private String firstRefusal = "none";

    /**
     * Compares the transforms' results of each pair of records; returns Debezium's records whose results were
     * compared (both wrote one).
     */
    List<SourceRecord> compare(String what, List<SourceRecord> expected, List<ChangeRecord> actual,
            Function<SourceRecord, SourceRecord> debeziums, Function<ChangeRecord, ChangeRecord> tributarys) {
        assertThat(actual).as("%s: records of both", what).hasSameSizeAs(expected);
        List<SourceRecord> comparedInputs = new ArrayList<>();
        for (int r = 0; r < expected.size(); r++) {
            String where = what + ", record " + r;
            Outcome<SourceRecord> oracle = Outcome.of(debeziums, expected.get(r));
            Outcome<ChangeRecord> ours = Outcome.of(tributarys, actual.get(r));
            if (bothWrote(where, oracle, ours) && sameRecords(where, oracle.record(), ours.record())) {
                compared++;
                comparedInputs.add(expected.get(r));
                written.add(oracle.record());
            }
        }
        return comparedInputs;
    }

    /**
     * Tributary's transform as a Kafka Connect transformation ({@code io.tributary.connect.transforms}) on Debezium's
     * own records, against Debezium's transform on the same records (each side given its own copies, as Debezium's
     * adds headers to the record it is given).
     */
    void compareOnConnect(String what, List<SourceRecord> forDebezium, List<SourceRecord> forTributary,
            Function<SourceRecord, SourceRecord> debeziums, Function<SourceRecord, SourceRecord> tributarys) {
        assertThat(forTributary).as("%s: records of both", what).hasSameSizeAs(forDebezium);
        for (int r = 0; r < forDebezium.size(); r++) {
            String where = what + ", record " + r + " on Connect";
            Outcome<SourceRecord> oracle = Outcome.of(debeziums, forDebezium.get(r));
            Outcome<SourceRecord> ours = Outcome.of(tributarys, forTributary.get(r));
            if (bothWrote(where, oracle, ours) && sameConnectRecords(where, oracle.record(), ours.record())) {
                compared++;
                written.add(oracle.record());
            }
        }
    }

    /** Whether both transforms wrote a record; else counts what both did, or the difference. */
    private boolean bothWrote(String where, Outcome<?> oracle, Outcome<?> ours) {
        if (oracle.failure() != null || ours.failure() != null) {
            if (oracle.failure() == null || ours.failure() == null) {
                differences.add(where + ": Debezium " + oracle.describe() + ", Tributary " + ours.describe());
            } else if (refused++ == 0) {
                firstRefusal = where + ": Debezium " + oracle.describe() + ", Tributary " + ours.describe();
            }
            return false;
        }
        if (oracle.record() == null || ours.record() == null) {
            if ((oracle.record() == null) != (ours.record() == null)) {
                differences.add(where + ": Debezium " + oracle.describe() + ", Tributary " + ours.describe());
            } else {
                dropped++;
            }
            return false;
        }
        return true;
    }

    private boolean sameConnectRecords(String where, SourceRecord expected, SourceRecord actual) {
        int before = differences.size();
        for (boolean schemas : new boolean[] {true, false}) {
            EventJson expectedJson = EventJson.raw(expected, schemas);
            EventJson actualJson = EventJson.raw(actual, schemas);
            if (!expectedJson.equals(actualJson)) {
                differences.add(where + " (schemas " + schemas + ")\n  Debezium:  " + abbreviated(expectedJson)
                        + "\n  Tributary: " + abbreviated(actualJson));
            }
        }
        if (!headers(expected).equals(headers(actual))) {
            differences.add(where + ": headers\n  Debezium:  " + headers(expected) + "\n  Tributary: "
                    + headers(actual));
        }
        headers += headers(expected).isEmpty() ? 0 : 1;
        return differences.size() == before;
    }

    private boolean sameRecords(String where, SourceRecord expected, ChangeRecord actual) {
        int before = differences.size();
        for (boolean schemas : new boolean[] {true, false}) {
            EventJson expectedJson = EventJson.raw(expected, schemas);
            List<EventJson> actualJsons;
            try {
                actualJsons = List.of(EventJson.rawViaConnect(actual, schemas), EventJson.rawViaEncoder(actual,
                        schemas));
            } catch (RuntimeException e) {
                // a record Kafka Connect refuses (a value that does not fit its schema) is not Debezium's
                differences.add(where + ": Debezium wrote " + abbreviated(expectedJson) + ", Tributary's record "
                        + "does not convert: " + e);
                return false;
            }
            for (EventJson actualJson : actualJsons) {
                if (!expectedJson.equals(actualJson)) {
                    differences.add(where + " (schemas " + schemas + ")\n  Debezium:  " + abbreviated(expectedJson)
                            + "\n  Tributary: " + abbreviated(actualJson));
                }
            }
        }
        List<String> expectedHeaders = headers(expected);
        List<String> viaKafkaSink = new ArrayList<>();
        List<String> viaConnect = new ArrayList<>();
        ConnectBridge bridge = new ConnectBridge();
        try (SimpleHeaderConverter converter = new SimpleHeaderConverter()) {
            for (ChangeRecord.Header header : actual.headers()) {
                viaKafkaSink.add(header.key() + "=" + text(HeaderText.encode(header)));
                viaConnect.add(header.key() + "=" + text(converter.fromConnectHeader(actual.topic(), header.key(),
                        bridge.connectSchema(header.schema()), bridge.connectValue(header.schema(),
                                header.value()))));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!expectedHeaders.equals(viaKafkaSink) || !expectedHeaders.equals(viaConnect)) {
            differences.add(where + ": headers\n  Debezium:  " + expectedHeaders + "\n  Tributary: " + viaKafkaSink
                    + " (via Connect " + viaConnect + ")");
        }
        headers += expectedHeaders.isEmpty() ? 0 : 1;
        return differences.size() == before;
    }

    /** Debezium's headers but its connector's context headers, as Connect's default header converter writes them. */
    private static List<String> headers(SourceRecord record) {
        List<String> headers = new ArrayList<>();
        try (SimpleHeaderConverter converter = new SimpleHeaderConverter()) {
            for (Header header : record.headers()) {
                if (!header.key().startsWith(CONTEXT_HEADERS)) {
                    headers.add(header.key() + "=" + text(converter.fromConnectHeader(record.topic(), header.key(),
                            header.schema(), header.value())));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return headers;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Debezium's results that Tributary's equalled. */
    List<SourceRecord> written() {
        return written;
    }

    /** The first record both refused, and why each did. */
    String firstRefusal() {
        return firstRefusal;
    }

    int compared() {
        return compared;
    }

    int refused() {
        return refused;
    }

    int dropped() {
        return dropped;
    }

    /** Records compared that carried headers other than Debezium's context headers. */
    int withHeaders() {
        return headers;
    }

    /** No differences; where there are, all of them in {@code target/unwrap-differences-<what>.txt}, the first shown. */
    void assertNone(String what) throws IOException {
        if (!differences.isEmpty()) {
            // getBytes, not writeString: an edge case's lone surrogate is written as '?' rather than failing here
            Files.write(Path.of("target", "unwrap-differences-" + what + ".txt"),
                    String.join("\n\n", differences).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(differences.stream().limit(3).toList()).as("%s: %d differences, the first", what,
                differences.size()).isEmpty();
    }

    static String abbreviated(Object what) {
        String text = String.valueOf(what);
        return text.length() > 3_000 ? text.substring(0, 3_000) + "... (" + text.length() + " chars)" : text;
    }

    /** A transform's result: the record (null: dropped), or what it threw. */
    private record Outcome<R>(R record, RuntimeException failure) {
        static <R> Outcome<R> of(Function<R, R> transform, R input) {
            try {
                return new Outcome<>(transform.apply(input), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }

        String describe() {
            return failure != null ? "threw " + failure : record == null ? "dropped it"
                    : "wrote " + abbreviated(record);
        }
    }
}
