package io.tributary.source.mysql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * The definitions capture gave each table ({@link EmittedDefinitions}), kept in a file between runs as Debezium keeps
 * its schema history: a line per change, with the offset after which it holds. A restart takes every line its stored
 * offset has passed ({@link #recover}), so that rows written before a DDL statement that ran while capture was stopped
 * are decoded with the table as it was then (without {@code binlog_row_metadata=FULL} they cannot be otherwise), and
 * each statement read after it is applied to the table as it was, not as the server shows it now.
 *
 * <p>Each line is JSON: {@code format}, {@code offset} (the source offset's keys) and either {@code base} (all tables
 * known, as a snapshot or a restart left them) or {@code changes} (the tables one statement changed, or dropped, and
 * the databases whose character set it set). A line is forced to disk before the records after it are handed on, so
 * an offset stored by a sink never passes a change the file lacks. Not thread-safe: used by the reader thread.
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

    private final Optional<Path> file;
    private final ServerFlavor flavor;
    private FileChannel channel;

    private SchemaHistory(Optional<Path> file, ServerFlavor flavor) {
        this.file = file;
        this.flavor = flavor;
    }

    /** A history kept in {@code file}, created when first written. */
    static SchemaHistory in(Path file, ServerFlavor flavor) {
        return new SchemaHistory(Optional.of(file), flavor);
    }

    /** No history: after a restart, tables are known again from the server and the statements read since. */
    static SchemaHistory none(ServerFlavor flavor) {
        return new SchemaHistory(Optional.empty(), flavor);
    }

    /**
     * Gives {@code definitions} what the history knew at {@code stored} (nothing on a first start, whose history is
     * cleared), then rewrites the file as that one base line: lines written past the stored offset are dropped, as
     * capture reads their statements again.
     */
    void recover(Optional<MySqlOffset> stored, EmittedDefinitions definitions) {
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        definitions.restore(State.EMPTY);
        if (stored.isEmpty()) {
            clear();
            return;
        }
        List<String> lines = read(path);
        for (int i = 0; i < lines.size(); i++) {
            Optional<Line> line = parse(path, lines.get(i), i, i == lines.size() - 1);
            if (line.isEmpty() || !reached(MySqlOffset.fromMap(line.get().offset()), stored.get())) {
                continue;
            }
            if (line.get().base() != null) {
                definitions.restore(line.get().base());
            } else if (line.get().changes() != null) {
                definitions.apply(line.get().changes());
            }
        }
        if (!lines.isEmpty()) {
            rewrite(path, new Line(FORMAT, stored.get().toMap(), definitions.state(), null));
        }
        definitions.changes(); // what was restored is in the file already
    }

    /** Forgets every line: a first start, or a new snapshot that replaces what the history knew. */
    void clear() {
        close();
        file.ifPresent(SchemaHistory::delete);
    }

    /** Appends what changed since the last line, if anything, as holding after {@code offset}; forced to disk. */
    void record(MySqlOffset offset, EmittedDefinitions definitions) {
        Optional<Changes> changes = definitions.changes();
        if (file.isPresent() && changes.isPresent()) {
            append(new Line(FORMAT, offset.toMap(), null, changes.get()));
        }
    }

    /** Appends everything known, as holding after {@code offset} (a snapshot's end); forced to disk. */
    void recordAll(MySqlOffset offset, EmittedDefinitions definitions) {
        definitions.changes();
        if (file.isPresent()) {
            append(new Line(FORMAT, offset.toMap(), definitions.state(), null));
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

    private Optional<Line> parse(Path path, String text, int index, boolean last) {
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
            throw unreadable(path, "line " + (index + 1) + " cannot be read (" + e.getOriginalMessage() + ")");
        }
        if (!FORMAT.equals(line.format()) || line.offset() == null) {
            throw unreadable(path, "line " + (index + 1) + " is not a line of Tributary's schema history (format "
                    + FORMAT + " expected, found " + line.format() + ")");
        }
        return Optional.of(line);
    }

    private static SourceException unreadable(Path path, String problem) {
        return SourceException.fatal("the schema history " + path + ": " + problem + ". Restore the file from a "
                + "backup, or delete it together with the pipeline's offset to take a new snapshot");
    }

    /** The file's lines; a last line cut inside a character by a full disk reads as a line that does not parse. */
    private static List<String> read(Path path) {
        try {
            return List.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8).split("\n"));
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw SourceException.fatal("cannot read the schema history " + path + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw SourceException.fatal("cannot clear the schema history " + path + " for a new start: "
                    + e.getMessage(), e);
        }
    }

    /** Replaces the file by one line, atomically: a crash leaves the old file or the new one. */
    private void rewrite(Path path, Line line) {
        close();
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, line);
            out.force(true);
        } catch (IOException e) {
            throw unwritable(temporary, e);
        }
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw unwritable(path, e);
        }
    }

    private void append(Line line) {
        Path path = file.orElseThrow();
        try {
            if (channel == null) {
                Path directory = path.toAbsolutePath().getParent();
                if (directory != null) {
                    Files.createDirectories(directory);
                }
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            write(channel, line);
            channel.force(false);
        } catch (IOException e) {
            throw unwritable(path, e);
        }
    }

    private static void write(FileChannel out, Line line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static SourceException unwritable(Path path, IOException e) {
        return SourceException.fatal("cannot write the schema history " + path + " (" + e.getMessage() + "): free "
                + "space on its disk or make it writable, then start the pipeline again; nothing after the last "
                + "stored offset was lost", e);
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to keep: every line written was forced
            }
            channel = null;
        }
    }
}
