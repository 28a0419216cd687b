package io.tributary.source.mysql.binlog;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonFormatter;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonStringFormatter;

/**
 * A JSON document read from MySQL's binary JSON into a tree that can be changed, then written as text exactly as the
 * binlog client writes a whole document ({@link JsonBinary#parseAsString}). Scalars keep the client's own formatting
 * calls, so a number, date or opaque value comes out as it would from the server's full document. Objects keep the
 * server's member order: by the key's length in UTF-8 bytes, then byte by byte.
 */
final class JsonTree {
    /** A value of the document. */
    sealed interface Node permits Scalar, Array, Members {
    }

    /** A scalar, as the formatting call the binlog client made for it. */
    record Scalar(Consumer<JsonFormatter> write) implements Node {
    }

    /** An array, changed in place. */
    record Array(List<Node> elements) implements Node {
    }

    /** An object's members in the server's order, changed in place. */
    record Members(List<String> names, List<Node> values) implements Node {
        int indexOf(String name) {
            return names.indexOf(name);
        }

        /** Adds a member where the server would store it. */
        void insert(String name, Node value) {
            int at = 0;
            while (at < names.size() && serverOrder(names.get(at), name) < 0) {
                at++;
            }
            names.add(at, name);
            values.add(at, value);
        }

        void remove(int index) {
            names.remove(index);
            values.remove(index);
        }
    }

    private JsonTree() {
    }

    /** The document of a binary JSON value; an empty value is JSON null, as the client reads it. */
    static Node parse(byte[] binary) throws IOException {
        if (binary.length == 0) {
            return new Scalar(JsonFormatter::valueNull);
        }
        Builder builder = new Builder();
        JsonBinary.parse(binary, builder);
        return builder.root;
    }

    /** The document as text, as {@link JsonBinary#parseAsString} writes it. */
    static String write(Node node) {
        JsonStringFormatter text = new JsonStringFormatter();
        write(node, text);
        return text.getString();
    }

    private static void write(Node node, JsonFormatter out) {
        if (node instanceof Scalar scalar) {
            scalar.write().accept(out);
        } else if (node instanceof Array array) {
            out.beginArray(array.elements().size());
            for (int i = 0; i < array.elements().size(); i++) {
                if (i > 0) {
                    out.nextEntry();
                }
                write(array.elements().get(i), out);
            }
            out.endArray();
        } else {
            Members members = (Members) node;
            out.beginObject(members.names().size());
            for (int i = 0; i < members.names().size(); i++) {
                if (i > 0) {
                    out.nextEntry();
                }
                out.name(members.names().get(i));
                write(members.values().get(i), out);
            }
            out.endObject();
        }
    }

    /** MySQL's order of object keys: shorter UTF-8 first, then unsigned byte by byte. */
    static int serverOrder(String left, String right) {
        byte[] a = left.getBytes(StandardCharsets.UTF_8);
        byte[] b = right.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compareUnsigned(a, b);
    }

    /** Builds the tree from the client's formatting calls. */
    private static final class Builder implements JsonFormatter {
        private final Deque<Node> open = new ArrayDeque<>();
        private final Deque<String> names = new ArrayDeque<>();
        private Node root;

        @Override
        public void beginObject(int size) {
            open.push(new Members(new ArrayList<>(size), new ArrayList<>(size)));
        }

        @Override
        public void beginArray(int size) {
            open.push(new Array(new ArrayList<>(size)));
        }

        @Override
        public void endObject() {
            add(open.pop());
        }

        @Override
        public void endArray() {
            add(open.pop());
        }

        @Override
        public void name(String name) {
            names.push(name);
        }

        @Override
        public void nextEntry() {
            // separators are written again from the tree's shape
        }

        @Override
        public void value(String value) {
            add(new Scalar(out -> out.value(value)));
        }

        @Override
        public void value(int value) {
            add(new Scalar(out -> out.value(value)));
        }

        @Override
        public void value(long value) {
            add(new Scalar(out -> out.value(value)));
        }

        @Override
        public void value(double value) {
            add(new Scalar(out -> out.value(value)));
        }

        @Override
        public void value(BigInteger value) {
            add(new Scalar(out -> out.value(value)));
        }

        @Override
        public void value(BigDecimal value) {
            add(new Scalar(out -> out.value(value)));
        }

        @Override
        public void value(boolean value) {
            add(new Scalar(out -> out.value(value)));
        }

        @Override
        public void valueNull() {
            add(new Scalar(JsonFormatter::valueNull));
        }

        @Override
        public void valueYear(int year) {
            add(new Scalar(out -> out.valueYear(year)));
        }

        @Override
        public void valueDate(int year, int month, int day) {
            add(new Scalar(out -> out.valueDate(year, month, day)));
        }

        @Override
        public void valueDatetime(int year, int month, int day, int hour, int minute, int second, int micros) {
            add(new Scalar(out -> out.valueDatetime(year, month, day, hour, minute, second, micros)));
        }

        @Override
        public void valueTime(int hour, int minute, int second, int micros) {
            add(new Scalar(out -> out.valueTime(hour, minute, second, micros)));
        }

        @Override
        public void valueTimestamp(long seconds, int micros) {
            add(new Scalar(out -> out.valueTimestamp(seconds, micros)));
        }

        @Override
        public void valueOpaque(ColumnType type, byte[] value) {
            add(new Scalar(out -> out.valueOpaque(type, value)));
        }

        private void add(Node node) {
            Node parent = open.peek();
            if (parent == null) {
                root = node;
            } else if (parent instanceof Members members) {
                members.names().add(names.pop());
                members.values().add(node);
            } else {
                ((Array) parent).elements().add(node);
            }
        }
    }
}
