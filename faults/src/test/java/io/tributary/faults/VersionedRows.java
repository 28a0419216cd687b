package io.tributary.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.TestingKafka;
import io.tributary.testkit.TestingMariaDb;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The fault suite's workload and its check. A table {@code items (id, version)} whose rows are inserted at version 0
 * and updated one version at a time, by a writer thread in small transactions (and, on demand, one large one); every
 * row version the database committed must reach the sink's file, once or more.
 */
final class VersionedRows implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Between the writer's transactions by default: at most about 200 a second. */
    private static final long PAUSE_MS = 5;

    private final TestingMariaDb mariaDb;
    private final String table;
    private final Random random;
    private final long pauseMs;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong transactions = new AtomicLong();
    private volatile Thread writer;
    private volatile RuntimeException failure;
    private final AtomicInteger nextId = new AtomicInteger(1);

    /**
     * Creates {@code database.items}.
     *
     * @param seed makes the writer's choices reproducible; the tests print it
     */
    VersionedRows(TestingMariaDb mariaDb, String database, long seed) {
        this(mariaDb, database, seed, PAUSE_MS);
    }

    /**
     * As above, with {@code pauseMs} between the writer's transactions: a slower load for a sink slower than the
     * file sink (DynamoDB Local).
     */
    VersionedRows(TestingMariaDb mariaDb, String database, long seed, long pauseMs) {
        this.mariaDb = mariaDb;
        this.table = database + ".items";
        this.random = new Random(seed);
        this.pauseMs = pauseMs;
        mariaDb.execute("CREATE DATABASE " + database,
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, version INT NOT NULL)");
    }

    /** Inserts {@code rows} rows at version 0 in one transaction (while the writer is stopped). */
    void insert(int rows) {
        try (Connection connection = mariaDb.adminConnection()) {
            connection.setAutoCommit(false);
            insert(connection, rows);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert into " + table, e);
        }
    }

    /** Starts writing transactions of a few inserts and updates each, until {@link #stop}. */
    void start() {
        writing.set(true);
        writer = new Thread(this::write, "fault-writer");
        writer.start();
    }

    /** Stops the writer after its current transaction; throws what stopped it otherwise. */
    void stop() throws InterruptedException {
        writing.set(false);
        if (writer != null) {
            writer.join();
        }
        if (failure != null) {
            throw failure;
        }
    }

    long transactions() {
        return transactions.get();
    }

    private void write() {
        try (Connection connection = mariaDb.adminConnection()) {
            connection.setAutoCommit(false);
            while (writing.get()) {
                insert(connection, 3);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + table + " SET version = version + 1 WHERE id = ?")) {
                    for (int i = 0; i < 3; i++) {
                        update.setInt(1, 1 + random.nextInt(nextId.get() - 1));
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                connection.commit();
                transactions.incrementAndGet();
                // load shaping, not synchronisation: a steady application-like rate keeps the files checkable
                Thread.sleep(pauseMs);
            }
        } catch (SQLException | RuntimeException e) {
            failure = new IllegalStateException("the writer failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void insert(Connection connection, int rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (id, version) VALUES (?, 0)")) {
            for (int i = 0; i < rows; i++) {
                insert.setInt(1, nextId.getAndIncrement());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Each row's version now, by id. */
    Map<Integer, Integer> committed() {
        Map<Integer, Integer> versions = new HashMap<>();
        try (Connection connection = mariaDb.adminConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, version FROM " + table)) {
            while (rows.next()) {
                versions.put(rows.getInt(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + table, e);
        }
        return versions;
    }

    /** Each row's newest version in the sink's file, by id; empty before the file exists. */
    static Map<Integer, Integer> delivered(Path file) throws IOException {
        return newest(fileValues(file));
    }

    /** Each row's newest version among these event values, by id. */
    static Map<Integer, Integer> newest(List<JsonNode> values) {
        Map<Integer, Integer> newest = new HashMap<>();
        for (int[] version : versions(values)) {
            newest.merge(version[0], version[1], Math::max);
        }
        return newest;
    }

    static Tally tally(Path file, Map<Integer, Integer> committed) throws IOException {
        return tally(fileValues(file), committed);
    }

    /**
     * Compares the event values with the committed versions: every version from 0 up to the row's committed one must
     * have arrived (a row version is a row's state after one committed change).
     */
    static Tally tally(List<JsonNode> values, Map<Integer, Integer> committed) {
        Map<Long, Integer> arrivals = new HashMap<>();
        for (int[] version : versions(values)) {
            arrivals.merge(((long) version[0] << 32) | version[1], 1, Integer::sum);
        }
        long checked = 0;
        long lost = 0;
        for (Map.Entry<Integer, Integer> row : committed.entrySet()) {
            for (int v = 0; v <= row.getValue(); v++) {
                checked++;
                if (!arrivals.containsKey(((long) row.getKey() << 32) | v)) {
                    lost++;
                }
            }
        }
        long duplicated = arrivals.values().stream().mapToLong(count -> count - 1).sum();
        return new Tally(checked, lost, duplicated);
    }

    /** The (id, version) after every create, update and snapshot read among event values (JSON without schemas). */
    private static List<int[]> versions(List<JsonNode> values) {
        List<int[]> versions = new ArrayList<>();
        for (JsonNode value : values) {
            if (value != null && !value.isNull() && !value.path("after").isNull()) {
                JsonNode after = value.get("after");
                versions.add(new int[] {after.get("id").asInt(), after.get("version").asInt()});
            }
        }
        return versions;
    }

    /**
     * The event values of a file sink's file, in order, up to its last newline (a record may be being appended). A
     * line that is not one whole record fails: a sink must never leave a torn record behind.
     */
    private static List<JsonNode> fileValues(Path file) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        if (!Files.exists(file)) {
            return values;
        }
        String text = Files.readString(file);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // what follows the last newline: empty, or a record being written now
        for (int i = 0; i < lines.size(); i++) {
            try {
                values.add(JSON.readTree(lines.get(i)).get("value"));
            } catch (IOException e) {
                throw new AssertionError(file + " line " + (i + 1) + " is not one whole record: " + lines.get(i), e);
            }
        }
        return values;
    }

    /** The event values of a Kafka topic as a {@code read_committed} consumer sees them; empty before it exists. */
    static List<JsonNode> topicValues(TestingKafka kafka, String topic) {
        return topicValues(kafka, topic, IsolationLevel.READ_COMMITTED);
    }

    /** As above, at this isolation level: read_uncommitted shows what transactions left behind, aborted or open. */
    static List<JsonNode> topicValues(TestingKafka kafka, String topic, IsolationLevel isolationLevel) {
        List<JsonNode> values = new ArrayList<>();
        try {
            for (var record : kafka.readAll(topic, new StringDeserializer(), new StringDeserializer(),
                    isolationLevel)) {
                values.add(record.value() == null ? null : JSON.readTree(record.value()));
            }
        } catch (IOException e) {
            throw new AssertionError("a record of " + topic + " is not JSON", e);
        } catch (RuntimeException notYet) {
            return List.of(); // the topic does not exist yet
        }
        return values;
    }

    /** Each row's version in a DynamoDB table a sink keeps the rows in, by id; empty before the table exists. */
    static Map<Integer, Integer> items(DynamoDbClient client, String table) {
        Map<Integer, Integer> versions = new HashMap<>();
        if (!client.listTables().tableNames().contains(table)) {
            return versions;
        }
        for (Map<String, AttributeValue> item : client.scanPaginator(scan -> scan.tableName(table)).items()) {
            versions.put(Integer.valueOf(item.get("id").n()), Integer.valueOf(item.get("version").n()));
        }
        return versions;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
