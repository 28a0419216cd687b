package io.tributary.source.mongodb;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tributary.api.SourceException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One entry of Debezium's {@code field.exclude.list} ({@code <database>.<collection>.<field path>}) or
 * {@code field.renames} ({@code ...:<new name>}): the collections it applies to, the field's path, and its new last
 * name ({@code null}: the field is left out). Each method works on the document it is given, in place.
 *
 * @param namespace {@code <database>.<collection>}, each {@code *} any characters, case-insensitive
 * @param nodes the field's path, one name per level
 * @param newName the field's new name at its own level, {@code null} for an exclusion
 */
record FieldPath(Pattern namespace, List<String> nodes, String newName) {
    private static final Pattern DOT = Pattern.compile("\\.");

    FieldPath {
        requireNonNull(namespace, "namespace is null");
        nodes = List.copyOf(nodes);
    }

    /** An entry already checked to be {@code <database>.<collection>.<field path>}, blanks around it ignored. */
    static FieldPath exclusion(String entry) {
        return of(entry.trim(), null);
    }

    /** An entry already checked to be {@code <database>.<collection>.<field path>:<new name>}. */
    static FieldPath renaming(String entry) {
        String[] parts = entry.trim().split(":");
        return of(parts[0], parts[1]);
    }

    private static FieldPath of(String qualified, String newName) {
        String[] parts = DOT.split(qualified.trim());
        // '*' is the only wildcard; the rest of each name is taken as a regular expression, as Debezium takes it
        String namespace = (parts[0].replace("*", ".*") + "\\." + parts[1].replace("*", ".*")).trim();
        return new FieldPath(Pattern.compile(namespace, Pattern.CASE_INSENSITIVE),
                Arrays.asList(parts).subList(2, parts.length), newName);
    }

    boolean appliesTo(MongoSource.Namespace collection) {
        return namespace.matcher(collection.database() + "." + collection.collection()).matches();
    }

    /** Leaves out or renames the field in a whole document, and in each document of arrays on its way. */
    void applyToDocument(BsonDocument document) {
        applyFrom(document, 0);
    }

    private void applyFrom(BsonDocument document, int level) {
        BsonDocument current = document;
        for (int i = level; i < nodes.size() - 1; i++) {
            BsonValue next = current.get(nodes.get(i));
            if (!(next instanceof BsonDocument nested)) {
                applyInArray(next, i + 1);
                return;
            }
            current = nested;
        }
        String name = nodes.get(nodes.size() - 1);
        if (newName == null) {
            current.remove(name);
        } else if (current.containsKey(name)) {
            current.put(vacant(current, newName), current.remove(name));
        }
    }

    /** Arrays of arrays are not entered: only documents directly in the array are. */
    private void applyInArray(BsonValue value, int level) {
        if (value instanceof BsonArray array) {
            for (BsonValue item : array) {
                if (item instanceof BsonDocument document) {
                    applyFrom(document, level);
                }
            }
        }
    }

    /**
     * Leaves out or renames the field in an update's {@code updatedFields}, whose names are dotted paths that may
     * name array elements ({@code a.0.b}): the path itself if it is there; otherwise each path under the field, each
     * path that is the field with array indexes in it, and the first path above it (the field changed inside its
     * value). Renamed paths move to the end.
     */
    void applyToUpdatedFields(BsonDocument fields) {
        String path = String.join(".", nodes);
        if (fields.containsKey(path)) {
            if (newName == null) {
                fields.remove(path);
            } else {
                List<String> renamed = new ArrayList<>(nodes);
                renamed.set(renamed.size() - 1, newName);
                fields.put(vacant(fields, String.join(".", renamed)), fields.remove(path));
            }
            return;
        }
        List<Map.Entry<String, BsonValue>> moved = new ArrayList<>();
        for (Iterator<Map.Entry<String, BsonValue>> it = fields.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, BsonValue> field = it.next();
            String[] keyNodes = DOT.split(field.getKey());
            List<String> names = withoutIndexes(keyNodes);
            if (names.size() >= nodes.size() && names.subList(0, nodes.size()).equals(nodes)) {
                if (newName != null) {
                    moved.add(Map.entry(renamed(keyNodes), field.getValue()));
                }
                it.remove();
            } else if (names.size() < nodes.size() && nodes.subList(0, names.size()).equals(names)) {
                if (field.getValue() instanceof BsonDocument document) {
                    applyFrom(document, names.size());
                } else {
                    applyInArray(field.getValue(), names.size());
                }
                break;
            }
        }
        moved.forEach(field -> fields.put(vacant(fields, field.getKey()), field.getValue()));
    }

    /**
     * Whether a removed field or truncated array named {@code field} is this field or a field above it; as Debezium
     * matches them, a field below this one is not.
     */
    boolean covers(String field) {
        List<String> names = withoutIndexes(names(field));
        return names.size() <= nodes.size() && nodes.subList(0, names.size()).equals(names);
    }

    /** The new name of a removed field or truncated array that {@link #covers} matched; {@code null} if left out. */
    String renamedField(String field) {
        return newName == null ? null : renamed(names(field));
    }

    private static String[] names(String field) {
        String[] names = DOT.split(field.trim());
        if (names.length == 0 || Arrays.stream(names).anyMatch(String::isEmpty)) {
            throw SourceException.fatal("the update names the field '" + field + "', which has an empty name in "
                    + "its path; field.exclude.list and field.renames cannot be applied to it (Debezium fails too): "
                    + "leave the collection out of both options");
        }
        return names;
    }

    /** The path with the name at this field's level replaced, array indexes kept in place. */
    private String renamed(String[] path) {
        StringBuilder renamed = new StringBuilder();
        int level = 0;
        for (String node : path) {
            renamed.append(renamed.length() == 0 ? "" : ".");
            if (isIndex(node)) {
                renamed.append(node);
            } else {
                renamed.append(level++ == nodes.size() - 1 ? newName : node);
            }
        }
        return renamed.toString();
    }

    private String vacant(BsonDocument document, String name) {
        if (document.containsKey(name)) {
            throw SourceException.fatal("field.renames renames " + String.join(".", nodes) + " to " + newName
                    + ", but the document already has a field " + name + "; rename it to a name not in use");
        }
        return name;
    }

    /**
     * The names of a path without its array indexes; as Debezium reads them, a path with two indexes in a row (an
     * array of arrays) keeps them all.
     */
    private static List<String> withoutIndexes(String[] path) {
        if (path.length < 2) {
            return Arrays.asList(path);
        }
        List<String> names = new ArrayList<>(path.length);
        boolean previousIndex = false;
        for (String node : path) {
            boolean index = isIndex(node);
            if (index && previousIndex) {
                return Arrays.asList(path);
            }
            if (!index) {
                names.add(node);
            }
            previousIndex = index;
        }
        return names;
    }

    private static boolean isIndex(String node) {
        return !node.isEmpty() && node.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return namespace + "." + String.join(".", nodes) + (newName == null ? "" : ":" + newName);
    }
}
