package io.tributary.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

/**
 * Flink SQL in a local MiniCluster (started per job by the table environment, parallelism 1), with the helpers the
 * ITs need: run a script of statements, and read a query's changelog — or the final table it amounts to.
 */
final class FlinkSql {
    private final TableEnvironment tables;

    private FlinkSql(TableEnvironment tables) {
        this.tables = tables;
    }

    static FlinkSql create() {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        return new FlinkSql(TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode()
                .withConfiguration(configuration).build()));
    }

    /**
     * A Kafka table definition made bounded: it reads up to the offsets at the job's start and then finishes, so
     * that a continuous query ends with a final result a test can compare. The table reads from the earliest offset
     * ({@code kafka}) or is an {@code upsert-kafka} table (which always does).
     */
    static String bounded(String ddl) {
        String bounded = ddl.replace("'scan.startup.mode' = 'earliest-offset',",
                "'scan.startup.mode' = 'earliest-offset',\n  'scan.bounded.mode' = 'latest-offset',")
                .replace("'connector' = 'upsert-kafka',",
                        "'connector' = 'upsert-kafka',\n  'scan.bounded.mode' = 'latest-offset',");
        if (bounded.equals(ddl)) {
            throw new IllegalArgumentException("neither 'scan.startup.mode' = 'earliest-offset' nor an upsert-kafka "
                    + "connector in " + ddl);
        }
        return bounded;
    }

    /** Runs each statement of a script (statements end with {@code ;}, lines starting {@code --} are comments). */
    void executeScript(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        for (String statement : withoutComments.toString().split(";")) {
            if (!statement.isBlank()) {
                tables.executeSql(statement);
            }
        }
    }

    /** Runs an INSERT (or other job) and waits until it finishes. */
    void executeAndAwait(String statement) throws Exception {
        tables.executeSql(statement).await();
    }

    /** Every change the query emits until its bounded sources end, in order, with its kind (+I, -U, +U, -D). */
    List<Row> changelog(String query) throws Exception {
        List<Row> changes = new ArrayList<>();
        try (CloseableIterator<Row> rows = tables.executeSql(query).collect()) {
            rows.forEachRemaining(changes::add);
        }
        return changes;
    }

    /** The table the query's changelog amounts to when its bounded sources end: inserts minus retractions. */
    List<List<Object>> finalRows(String query) throws Exception {
        return finalRows(changelog(query));
    }

    /** The table a changelog amounts to: inserts minus retractions, in the order rows were first inserted. */
    static List<List<Object>> finalRows(List<Row> changelog) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        List<List<Object>> order = new ArrayList<>();
        for (Row change : changelog) {
            List<Object> fields = new ArrayList<>(change.getArity());
            for (int i = 0; i < change.getArity(); i++) {
                fields.add(change.getField(i));
            }
            boolean adds = change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER;
            if (counts.merge(fields, adds ? 1 : -1, Integer::sum) == 0) {
                counts.remove(fields);
            }
            if (adds && !order.contains(fields)) {
                order.add(fields);
            }
        }
        List<List<Object>> result = new ArrayList<>();
        for (List<Object> row : order) {
            for (int n = counts.getOrDefault(row, 0); n > 0; n--) {
                result.add(row);
            }
        }
        if (counts.values().stream().anyMatch(count -> count < 0)) {
            throw new IllegalStateException("the changelog retracts rows it never inserted: " + counts);
        }
        return result;
    }
}
