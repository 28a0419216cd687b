package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingSchemaRegistry;
import org.awaitility.Awaitility;

/**
 * Debezium and Tributary capturing one database with the same configuration, each into an {@link EventLog} per JSON
 * form (Kafka Connect's JsonConverter with and without schemas, {@link JsonForms}); after {@link #close()},
 * {@link #compare()} checks that they wrote the same events in both forms. Waits and counts use the form with schemas.
 */
final class DifferentialRun implements AutoCloseable {
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final JsonForms debeziumLogs;
    private final JsonForms tributaryLogs;
    private final EventLog debeziumLog;
    private final EventLog tributaryLog;
    private final TestingBinlogServer server;
    private final Map<String, String> debeziumConfig;
    private final Map<String, String> tributaryConfig;
    private DebeziumCapture debezium;
    private TributaryCapture tributary;
    /** How many events both captures had written at the last {@link #awaitBothQuiet}. */
    private int agreed;

    private DifferentialRun(TestingBinlogServer server, String name, Map<String, String> debeziumConfig,
            Map<String, String> tributaryConfig) {
        this(server, name, debeziumConfig, tributaryConfig, null);
    }

    private DifferentialRun(TestingBinlogServer server, String name, Map<String, String> debeziumConfig,
            Map<String, String> tributaryConfig, TestingSchemaRegistry registry) {
        this.server = server;
        this.debeziumConfig = debeziumConfig;
        this.tributaryConfig = tributaryConfig;
        JsonForms debeziumJson = JsonForms.both(name + "-debezium");
        JsonForms tributaryJson = JsonForms.both(name + "-tributary");
        debeziumLogs = registry == null ? debeziumJson
                : debeziumJson.withAvro(new AvroForm(name + "-debezium", registry));
        tributaryLogs = registry == null ? tributaryJson
                : tributaryJson.withAvro(new AvroForm(name + "-tributary", registry));
        debeziumLog = debeziumLogs.first();
        tributaryLog = tributaryLogs.first();
        debezium = DebeziumCapture.start(server, "diff", debeziumConfig, debeziumLogs);
        tributary = TributaryCapture.start(server, "diff", tributaryConfig, tributaryLogs, java.util.Optional.empty());
    }

    /**
     * Stops both captures, runs {@code whileStopped}, and starts both again where they stopped, into the same logs:
     * Debezium from the offsets and schema history its configuration keeps in files, Tributary from the offset of
     * the last record it handed over (as a runtime stores it) and the schema history its configuration names.
     */
    void restartAfter(Runnable whileStopped) throws IOException {
        Map<String, ?> stored = tributary.lastOffset();
        debezium.close();
        tributary.close();
        whileStopped.run();
        debezium = DebeziumCapture.start(server, "diff", debeziumConfig, debeziumLogs);
        tributary = TributaryCapture.start(server, "diff", tributaryConfig, tributaryLogs,
                java.util.Optional.ofNullable(stored));
    }

    /**
     * Starts both captures with topic prefix {@code diff}, logging each in the JSON forms and in Avro against
     * {@code registry} ({@link AvroForm}); {@link #compare()} compares the Avro logs too.
     */
    static DifferentialRun startWithAvro(TestingBinlogServer server, String name, Map<String, String> config,
            TestingSchemaRegistry registry) {
        return new DifferentialRun(server, name, config, config, registry);
    }

    /** Starts both captures with topic prefix {@code diff}; the logs are named after {@code name}. */
    static DifferentialRun start(TestingBinlogServer server, String name, Map<String, String> config) {
        return new DifferentialRun(server, name, config, config);
    }

    /**
     * Starts both captures with topic prefix {@code diff}, each keeping what a {@link #restartAfter} resumes from
     * in {@code state}: Debezium its offsets and file schema history, Tributary its schema history (its offset is the
     * last record's, as a runtime stores it).
     */
    static DifferentialRun startRestartable(TestingBinlogServer server, String name, Map<String, String> config,
            Path state) {
        Map<String, String> debezium = new HashMap<>(config);
        debezium.put("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        debezium.put("offset.storage.file.filename", state.resolve("debezium-offsets.dat").toString());
        debezium.put("offset.flush.interval.ms", "0");
        debezium.put("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        debezium.put("schema.history.internal.file.filename", state.resolve("debezium-history.dat").toString());
        Map<String, String> tributary = new HashMap<>(config);
        tributary.put("tributary.schema.history.file", state.resolve("tributary-history.jsonl").toString());
        return new DifferentialRun(server, name, debezium, tributary);
    }

    /**
     * Starts both captures with topic prefix {@code diff}, each with its own configuration: for a behaviour the two
     * spell differently.
     */
    static DifferentialRun start(TestingBinlogServer server, String name, Map<String, String> debeziumConfig,
            Map<String, String> tributaryConfig) {
        return new DifferentialRun(server, name, debeziumConfig, tributaryConfig);
    }

    DebeziumCapture debezium() {
        return debezium;
    }

    TributaryCapture tributary() {
        return tributary;
    }

    /** Debezium's events in the form with schemas. */
    EventLog debeziumLog() {
        return debeziumLog;
    }

    /** Tributary's events in the form with schemas. */
    EventLog tributaryLog() {
        return tributaryLog;
    }

    /** Debezium's events in one form. */
    EventLog debeziumLog(boolean schemas) {
        return debeziumLogs.log(schemas);
    }

    /** Tributary's events in one form. */
    EventLog tributaryLog(boolean schemas) {
        return tributaryLogs.log(schemas);
    }

    /**
     * Waits until both captures have written the same number of events, more than at the last such wait, and nothing
     * more for three seconds; returns how many that is. Neither a slow start nor a pause in the middle of a snapshot
     * (Debezium may stop for seconds on a loaded machine) ends the wait early: the two counts must agree.
     */
    int awaitBothQuiet(Duration timeout) {
        int[] last = {-1, -1};
        long[] since = {System.nanoTime()};
        Awaitility.await("Debezium and Tributary to agree on more than " + agreed + " events and go quiet")
                .atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                    failIfEitherFailed();
                    int debeziumEvents = debeziumLog.size();
                    int tributaryEvents = tributaryLog.size();
                    if (debeziumEvents != last[0] || tributaryEvents != last[1]) {
                        last[0] = debeziumEvents;
                        last[1] = tributaryEvents;
                        since[0] = System.nanoTime();
                    }
                    return debeziumEvents == tributaryEvents && debeziumEvents > agreed
                            && System.nanoTime() - since[0] >= QUIET.toNanos();
                });
        agreed = debeziumLog.size();
        return agreed;
    }

    /** The same wait as {@link #awaitBothQuiet}, for suites that read better saying both captures are alike. */
    void awaitAlike(Duration timeout) {
        awaitBothQuiet(timeout);
    }

    private void failIfEitherFailed() {
        for (Capture capture : new Capture[] {debezium, tributary}) {
            if (capture.failure() != null) {
                throw new AssertionError("a capture failed", capture.failure());
            }
        }
    }

    /** Waits until both have written at least {@code events} events. */
    void awaitBoth(int events, Duration timeout) {
        debezium.awaitEvents(events, timeout);
        tributary.awaitEvents(events, timeout);
    }

    /** Checks that both wrote exactly these numbers of events to these topics, in both forms. */
    void assertEventsPerTopic(Map<String, Integer> expected) {
        for (boolean schemas : new boolean[] {true, false}) {
            for (Map.Entry<String, Integer> topic : expected.entrySet()) {
                assertThat(debeziumLog(schemas).size(topic.getKey()))
                        .as("Debezium's events on %s (schemas.enable=%s)", topic.getKey(), schemas)
                        .isEqualTo(topic.getValue());
                assertThat(tributaryLog(schemas).size(topic.getKey()))
                        .as("Tributary's events on %s (schemas.enable=%s)", topic.getKey(), schemas)
                        .isEqualTo(topic.getValue());
            }
        }
    }

    /** Compares the two captures' logs, in both forms; call after {@link #close()}. */
    void compare() throws IOException {
        for (boolean schemas : new boolean[] {true, false}) {
            DifferentialReport.compare(debeziumLog(schemas), tributaryLog(schemas));
        }
        if (debeziumLogs.avro().isPresent()) {
            DifferentialReport.compare(debeziumLogs.avro().get().log(), tributaryLogs.avro().get().log());
        }
    }

    /** Debezium's events in Avro, if this run logs them. */
    java.util.Optional<EventLog> debeziumAvroLog() {
        return debeziumLogs.avro().map(AvroForm::log);
    }

    /**
     * Compares each topic's events on their own and names every topic whose events differ (with the first event that
     * does, kept in a {@code .topics.txt} file next to the logs); then the whole logs, in order. Call after
     * {@link #close()}.
     */
    void compareByTopic() throws IOException {
        for (boolean schemas : new boolean[] {true, false}) {
            compareByTopic(debeziumLog(schemas), tributaryLog(schemas));
        }
        compare();
    }

    private static void compareByTopic(EventLog debeziumLog, EventLog tributaryLog) throws IOException {
        List<String> debezium = Files.readAllLines(debeziumLog.file(), StandardCharsets.UTF_8);
        List<String> tributary = Files.readAllLines(tributaryLog.file(), StandardCharsets.UTF_8);
        Set<String> topics = new LinkedHashSet<>();
        Stream.concat(debezium.stream(), tributary.stream()).forEach(line -> topics.add(line.split("\t", 2)[0]));
        List<String> differences = new ArrayList<>();
        for (String topic : topics) {
            List<String> expected = debezium.stream().filter(line -> line.startsWith(topic + "\t")).toList();
            List<String> actual = tributary.stream().filter(line -> line.startsWith(topic + "\t")).toList();
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                String expectedLine = i < expected.size() ? expected.get(i) : "<none>";
                String actualLine = i < actual.size() ? actual.get(i) : "<none>";
                if (!expectedLine.equals(actualLine)) {
                    differences.add(topic + ": event " + i + " of " + expected.size() + " (Debezium) and "
                            + actual.size() + " (Tributary)\n  Debezium:  " + expectedLine
                            + "\n  Tributary: " + actualLine);
                    break;
                }
            }
        }
        if (!differences.isEmpty()) {
            Path report = debeziumLog.file().resolveSibling(
                    debeziumLog.file().getFileName().toString().replace(".jsonl", ".topics.txt"));
            Files.writeString(report, String.join("\n", differences) + "\n", StandardCharsets.UTF_8);
            assertThat(differences).as("topics whose events differ (%s)", report).isEmpty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            debezium.close();
        } finally {
            tributary.close();
            // written out even when a wait failed, so that what each side captured can be read
            debeziumLogs.logs().values().forEach(EventLog::close);
            tributaryLogs.logs().values().forEach(EventLog::close);
            debeziumLogs.avro().ifPresent(form -> form.log().close());
            tributaryLogs.avro().ifPresent(form -> form.log().close());
        }
    }
}
