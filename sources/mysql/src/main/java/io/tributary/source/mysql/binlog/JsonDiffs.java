package io.tributary.source.mysql.binlog;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a partial JSON update logs for one column instead of its new document ({@code
 * binlog_row_value_options=PARTIAL_JSON}): a list of changes, each an operation on a path with, except for a
 * removal, a binary JSON value. Applied in order to the column's before image they give the whole new document —
 * which capture emits, as it would had the server logged the whole row.
 *
 * @param changes the changes in the order the server applied them
 */
record JsonDiffs(List<Change> changes) implements Serializable {
    /** What a change does at its path. */
    enum Operation {
        REPLACE, INSERT, REMOVE
    }

    /** One change: the path as the server writes it ({@code $.a[2]."b c"}), and the value for all but REMOVE. */
    record Change(Operation operation, String path, byte[] value) implements Serializable {
    }

    JsonDiffs {
        changes = List.copyOf(changes);
    }

    /** The changes of a partial cell's body: operation byte, length-encoded path, length-encoded value. */
    static JsonDiffs read(byte[] body) {
        BinlogBytes in = new BinlogBytes(body);
        List<Change> changes = new ArrayList<>();
        while (in.hasMore()) {
            int code = in.u8();
            if (code >= Operation.values().length) {
                throw new IllegalStateException("unknown partial JSON operation " + code);
            }
            Operation operation = Operation.values()[code];
            String path = new String(in.take((int) in.packedInteger()), StandardCharsets.UTF_8);
            byte[] value = operation == Operation.REMOVE ? null : in.take((int) in.packedInteger());
            changes.add(new Change(operation, path, value));
        }
        return new JsonDiffs(changes);
    }

    /** The whole new document, as text, from the column's binary before image. */
    String applyTo(byte[] before) throws IOException {
        JsonTree.Node document = JsonTree.parse(before);
        for (Change change : changes) {
            document = apply(document, change);
        }
        return JsonTree.write(document);
    }

    private static JsonTree.Node apply(JsonTree.Node document, Change change) throws IOException {
        List<JsonPath.Leg> legs = JsonPath.legs(change.path());
        JsonTree.Node value = change.value() == null ? null : JsonTree.parse(change.value());
        if (legs.isEmpty()) {
            if (change.operation() != Operation.REPLACE) {
                throw cannot(change, "only a replacement can apply to the whole document");
            }
            return value;
        }
        JsonTree.Node parent = document;
        for (JsonPath.Leg leg : legs.subList(0, legs.size() - 1)) {
            parent = child(parent, leg, change);
        }
        JsonPath.Leg last = legs.get(legs.size() - 1);
        if (parent instanceof JsonTree.Members members && last.member() != null) {
            int at = members.indexOf(last.member());
            switch (change.operation()) {
                case REPLACE -> members.values().set(present(at, change), value);
                case INSERT -> {
                    if (at >= 0) {
                        members.values().set(at, value);
                    } else {
                        members.insert(last.member(), value);
                    }
                }
                case REMOVE -> members.remove(present(at, change));
            }
        } else if (parent instanceof JsonTree.Array array && last.member() == null) {
            List<JsonTree.Node> elements = array.elements();
            int at = last.index(elements.size());
            switch (change.operation()) {
                case REPLACE -> elements.set(present(at < elements.size() ? at : -1, change), value);
                case INSERT -> elements.add(Math.max(0, Math.min(at, elements.size())), value);
                case REMOVE -> elements.remove(present(at < elements.size() ? at : -1, change));
            }
        } else {
            throw cannot(change, "its last step does not lead into an object or array of the document");
        }
        return document;
    }

    private static JsonTree.Node child(JsonTree.Node parent, JsonPath.Leg leg, Change change) throws IOException {
        if (parent instanceof JsonTree.Members members && leg.member() != null) {
            return members.values().get(present(members.indexOf(leg.member()), change));
        }
        if (parent instanceof JsonTree.Array array && leg.member() == null) {
            int at = leg.index(array.elements().size());
            return array.elements().get(present(at < array.elements().size() ? at : -1, change));
        }
        throw cannot(change, "it leads through a value that is not an object or array");
    }

    private static int present(int index, Change change) throws IOException {
        if (index < 0) {
            throw cannot(change, "the path is not in the row's before image");
        }
        return index;
    }

    private static IOException cannot(Change change, String why) {
        return new IOException("cannot apply a partial JSON update (" + change.operation() + " at " + change.path()
                + "): " + why);
    }
}
