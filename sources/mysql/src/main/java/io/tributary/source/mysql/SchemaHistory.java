package io.tributary.source.mysql;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.github.shyiko.mysql.binlog.GtidSet;
import io.tributary.api.SourceException;
import io.tributary.source.mysql.event.ServerFlavor;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;

/**
 * The definitions capture gave each table ({@link EmittedDefinitions}), kept between runs as Debezium keeps its
 * schema history: a line per change, with the offset after which it holds, in a {@link SchemaHistoryStore} (a file,
 * or a Kafka topic on Kafka Connect). A restart takes every line its stored offset has passed ({@link #recover}), so
 * that rows written before a DDL statement that ran while capture was stopped are decoded with the table as it was
 * then (without {@code binlog_row_metadata=FULL} they cannot be otherwise), and each statement read after it is
 * applied to the table as it was, not as the server shows it now.
 *
 * <p>Each line is JSON: {@code format}, {@code offset} (the source offset's keys) and either {@code base} (all tables
 * known, as a snapshot or a restart left them) or {@code changes} (the tables one statement changed, or dropped, and
 * the databases whose character set it set). A line is durable before the records after it are handed on, so an
 * offset stored by a sink never passes a change the history lacks. Not thread-safe: used by the reader thread.
 */
final class SchemaHistory implements AutoCloseable {
    static final String FORMAT = "tributary-schema-history-1";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            // absent properties left out, but a map's empty values kept: a database's character set removed
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                    JsonInclude.Include.ALWAYS))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A table as known, and whether its definition may show a later moment than the statement's. */
    record Table(TableDefinition definition, boolean possiblyLater) {
    }

    /** Everything known: every table's definition and the character set statements gave each database. */
    record State(List<Table> tables, Map<String, String> databaseCharsets) {
        static final State EMPTY = new State(List.of(), Map.of());

        State {
            tables = List.copyOf(tables);
            databaseCharsets = Map.copyOf(databaseCharsets);
        }
    }

    /** What one statement changed: tables as it left them, tables gone, databases' character sets (empty: none). */
    record Changes(List<Table> tables, List<TableId> dropped, Map<String, Optional<String>> databaseCharsets) {
        Changes {
            tables = List.copyOf(tables);
            dropped = List.copyOf(dropped);
            databaseCharsets = Map.copyOf(databaseCharsets);
        }
    }

    /** One line of the file. */
    private record Line(String format, Map<String, Object> offset, State base, Changes changes) {
    }

    private final Optional<SchemaHistoryStore> store;
    private final ServerFlavor flavor;

    private SchemaHistory(Optional<SchemaHistoryStore> store, ServerFlavor flavor) {
        this.store = store;
        this.flavor = flavor;
    }

    /** A history kept in {@code file}, created when first written. */
    static SchemaHistory in(Path file, ServerFlavor flavor) {
        return in(new FileSchemaHistoryStore(file), flavor);
    }

    /** A history kept in {@code store}. */
    static SchemaHistory in(SchemaHistoryStore store, ServerFlavor flavor) {
        return new SchemaHistory(Optional.of(store), flavor);
    }

    /** No history: after a restart, tables are known again from the server and the statements read since. */
    static SchemaHistory none(ServerFlavor flavor) {
        return new SchemaHistory(Optional.empty(), flavor);
    }

    /**
     * Gives {@code definitions} what the history knew at {@code stored} (nothing on a first start, whose history is
     * cleared), then, when {@code stored} is an offset a sink stored ({@code committed}), replaces the stored lines by
     * that one base line: lines written past it are dropped, as capture reads their statements again. A position
     * capture merely reached (a reconnect resumes after the last record handed over, which no sink may have stored
     * yet) leaves the lines as they are: a crash before that record's offset is stored resumes from an earlier offset,
     * whose lines must still be there; the statements read again append lines equal to those already kept, which a
     * later recovery applies twice to the same effect.
     */
    void recover(Optional<MySqlOffset> stored, boolean committed, EmittedDefinitions definitions) {
        if (store.isEmpty()) {
            return;
        }
        definitions.restore(State.EMPTY);
        if (stored.isEmpty()) {
            clear();
            return;
        }
        List<String> lines = store.get().read();
        boolean reachedAny = false;
        for (int i = 0; i < lines.size(); i++) {
            Optional<Line> line = parse(lines.get(i), i, i == lines.size() - 1);
            if (line.isEmpty() || !reached(MySqlOffset.fromMap(line.get().offset()), stored.get())) {
                continue;
            }
            reachedAny = true;
            if (line.get().base() != null) {
                definitions.restore(line.get().base());
            } else if (line.get().changes() != null) {
                definitions.apply(line.get().changes());
            }
        }
        // a stored offset no line has reached (the history begins later) keeps the lines: nothing to compact into
        if (committed && reachedAny) {
            store.get().replace(text(new Line(FORMAT, stored.get().toMap(), definitions.state(), null)));
        }
        definitions.changes(); // what was restored is stored already
    }

    /** Forgets every line: a first start, or a new snapshot that replaces what the history knew. */
    void clear() {
        store.ifPresent(SchemaHistoryStore::clear);
    }

    /** Appends what changed since the last line, if anything, as holding after {@code offset}; made durable. */
    void record(MySqlOffset offset, EmittedDefinitions definitions) {
        Optional<Changes> changes = definitions.changes();
        if (store.isPresent() && changes.isPresent()) {
            store.get().append(text(new Line(FORMAT, offset.toMap(), null, changes.get())));
        }
    }

    /** Appends everything known, as holding after {@code offset} (a snapshot's end); made durable. */
    void recordAll(MySqlOffset offset, EmittedDefinitions definitions) {
        definitions.changes();
        if (store.isPresent()) {
            store.get().append(text(new Line(FORMAT, offset.toMap(), definitions.state(), null)));
        }
    }

    /**
     * Whether capture resuming from {@code stored} has passed a line's offset. By GTIDs where both have them (every
     * GTID the line's set holds is in the stored set: the statement completed), else by binlog file and position.
     */
    boolean reached(MySqlOffset line, MySqlOffset stored) {
        if (line.gtids().isPresent() && stored.gtids().isPresent()) {
            String done = stored.gtids().get();
            return flavor == ServerFlavor.MARIADB ? MariaDbGtids.sequences(line.gtids().get()).entrySet().stream()
                    .allMatch(domain -> MariaDbGtids.sequences(done).getOrDefault(domain.getKey(), -1L)
                            >= domain.getValue())
                    : new GtidSet(line.gtids().get())
                            .isContainedWithin(new GtidSet(done));
        }
        int files = Long.compare(fileNumber(line.file()), fileNumber(stored.file()));
        return files != 0 ? files < 0 : line.pos() <= stored.pos();
    }

    /** The number a binlog file's name ends with ({@code mysql-bin.000042}: 42). */
    private static long fileNumber(String name) {
        String digits = name.substring(name.lastIndexOf('.') + 1);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException notNumbered) {
            return 0;
        }
    }

    private Optional<Line> parse(String text, int index, boolean last) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Line line;
        try {
            line = JSON.readValue(text, Line.class);
        } catch (JsonProcessingException e) {
            if (last) {
                // a line cut short by a crash while it was written: its statement is read again
                return Optional.empty();
            }
            throw unreadable("line " + (index + 1) + " cannot be read (" + e.getOriginalMessage() + ")");
        }
        if (!FORMAT.equals(line.format()) || line.offset() == null) {
            throw unreadable("line " + (index + 1) + " is not a line of Tributary's schema history (format "
                    + FORMAT + " expected, found " + line.format() + ")");
        }
        return Optional.of(line);
    }

    private SourceException unreadable(String problem) {
        return SourceException.fatal(store.orElseThrow().describe() + ": " + problem + ". "
                + store.get().remedyForUnreadable());
    }

    private static String text(Line line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema history line cannot be written as JSON", e);
        }
    }

    @Override
    public void close() {
        store.ifPresent(SchemaHistoryStore::close);
    }
}
