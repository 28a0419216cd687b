package io.tributary.source.mysql.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import io.tributary.source.mysql.binlog.JsonDiffs.Change;
import io.tributary.source.mysql.binlog.JsonDiffs.Operation;
import org.junit.jupiter.api.Test;

/**
 * Partial JSON updates applied to before images. The binary documents are written by {@link #binary}, a small encoder
 * of MySQL's binary JSON (small objects and arrays, int16, strings, literals) made for this test; the whole-document
 * text they are compared with is the binlog client's own reading of the same document.
 */
class JsonDiffsTest {
    private static final Map<String, Object> DOCUMENT = object("a", 1, "list", List.of(1, 2, 3), "nested",
            object("k", "v"));

    @Test
    void aTreeIsWrittenAsTheClientWritesTheWholeDocument() throws IOException {
        byte[] document = binary(DOCUMENT);
        assertThat(JsonTree.write(JsonTree.parse(document))).isEqualTo(JsonBinary.parseAsString(document));
        assertThat(JsonTree.write(JsonTree.parse(new byte[0]))).isEqualTo("null");
    }

    @Test
    void changesGiveTheDocumentTheServerWouldHaveLoggedWhole() throws IOException {
        JsonDiffs diffs = new JsonDiffs(List.of(
                new Change(Operation.REPLACE, "$.a", binary(2)),
                new Change(Operation.INSERT, "$.b", binary("new")),
                new Change(Operation.INSERT, "$.list[1]", binary(true)),
                new Change(Operation.REMOVE, "$.list[last]", null),
                new Change(Operation.INSERT, "$.nested.\"key with \\\"quotes\\\"\"", binary(List.of())),
                new Change(Operation.REPLACE, "$.nested.k", binary((Object) null))));

        Map<String, Object> expected = object("a", 2, "b", "new", "list", List.of(1, true, 2), "nested",
                object("k", null, "key with \"quotes\"", List.of()));
        assertThat(diffs.applyTo(binary(DOCUMENT))).isEqualTo(JsonBinary.parseAsString(binary(expected)));
    }

    @Test
    void membersAreKeptInTheServersOrderShortKeysFirst() throws IOException {
        JsonDiffs diffs = new JsonDiffs(List.of(new Change(Operation.INSERT, "$.zz", binary(1)),
                new Change(Operation.INSERT, "$.b", binary(2)), new Change(Operation.INSERT, "$.aaa", binary(3))));

        assertThat(diffs.applyTo(binary(object("a", 0, "list", 0))))
                .isEqualTo(JsonBinary.parseAsString(binary(object("a", 0, "b", 2, "zz", 1, "aaa", 3, "list", 0))));
    }

    @Test
    void theWholeDocumentCanBeReplacedAndArraysGrowAtTheirEnd() throws IOException {
        JsonDiffs diffs = new JsonDiffs(List.of(new Change(Operation.REPLACE, "$", binary(List.of(1))),
                new Change(Operation.INSERT, "$[5]", binary("end")),
                new Change(Operation.REPLACE, "$[ last - 1 ]", binary(0))));

        assertThat(diffs.applyTo(binary(DOCUMENT))).isEqualTo(JsonBinary.parseAsString(binary(List.of(0, "end"))));
    }

    @Test
    void aChangeThatDoesNotFitTheBeforeImageStopsWithTheReason() throws IOException {
        byte[] document = binary(DOCUMENT);
        assertThatThrownBy(() -> new JsonDiffs(List.of(new Change(Operation.REPLACE, "$.missing.x", binary(1))))
                .applyTo(document)).hasMessageContaining("REPLACE at $.missing.x")
                .hasMessageContaining("not in the row's before image");
        assertThatThrownBy(() -> new JsonDiffs(List.of(new Change(Operation.REMOVE, "$.list[*]", null)))
                .applyTo(document)).hasMessageContaining("wildcards");
    }

    @Test
    void changesAreReadAsTheServerLogsThem() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(1);
        body.write(3);
        body.writeBytes("$.x".getBytes(StandardCharsets.UTF_8));
        byte[] value = binary(7);
        body.write(value.length);
        body.writeBytes(value);
        body.write(2);
        body.write(3);
        body.writeBytes("$.a".getBytes(StandardCharsets.UTF_8));

        List<Change> changes = JsonDiffs.read(body.toByteArray()).changes();
        assertThat(changes).extracting(Change::operation, Change::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Operation.INSERT, "$.x"),
                        org.assertj.core.groups.Tuple.tuple(Operation.REMOVE, "$.a"));
        assertThat(changes.get(0).value()).isEqualTo(value);
    }

    private static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> members = new TreeMap<>(JsonTree::serverOrder);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }

    /** A document in MySQL's binary JSON: its type byte, then its value. */
    private static byte[] binary(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type(value));
        out.writeBytes(body(value));
        return out.toByteArray();
    }

    private static int type(Object value) {
        if (value instanceof Map<?, ?>) {
            return 0x00;
        }
        if (value instanceof List<?>) {
            return 0x02;
        }
        if (value instanceof Integer) {
            return 0x05;
        }
        return value instanceof String ? 0x0c : 0x04;
    }

    private static byte[] body(Object value) {
        if (value instanceof Integer number) {
            return new byte[] {(byte) (int) number, (byte) (number >> 8)};
        }
        if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes.length);
            out.writeBytes(bytes);
            return out.toByteArray();
        }
        if (value == null || value instanceof Boolean) {
            return new byte[] {(byte) (value == null ? 0 : (Boolean) value ? 1 : 2)};
        }
        List<String> names = value instanceof Map<?, ?> map ? map.keySet().stream().map(String.class::cast).toList()
                : List.of();
        List<?> values = value instanceof Map<?, ?> map ? new ArrayList<>(map.values()) : (List<?>) value;
        return container(names, values);
    }

    /** A small object or array: count, size, key entries, value entries (scalars of two bytes inline), keys, values. */
    private static byte[] container(List<String> names, List<?> values) {
        int header = 4 + names.size() * 4 + values.size() * 3;
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        List<int[]> keyEntries = new ArrayList<>();
        for (String name : names) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            keyEntries.add(new int[] {header + tail.size(), bytes.length});
            tail.writeBytes(bytes);
        }
        List<int[]> valueEntries = new ArrayList<>();
        for (Object element : values) {
            boolean inline = element == null || element instanceof Boolean || element instanceof Integer;
            if (inline) {
                byte[] body = body(element);
                valueEntries.add(new int[] {type(element), (body[0] & 0xFF) | (body.length > 1 ? (body[1] & 0xFF) << 8
                        : 0)});
            } else {
                valueEntries.add(new int[] {type(element), header + tail.size()});
                tail.writeBytes(body(element));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = header + tail.size();
        writeShort(out, values.size());
        writeShort(out, size);
        keyEntries.forEach(entry -> {
            writeShort(out, entry[0]);
            writeShort(out, entry[1]);
        });
        valueEntries.forEach(entry -> {
            out.write(entry[0]);
            writeShort(out, entry[1]);
        });
        out.writeBytes(tail.toByteArray());
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
    }
}
