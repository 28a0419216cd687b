package io.tributary.source.mongodb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.tributary.api.SourceException;
import org.bson.BsonDocument;

/**
 * Debezium's {@code field.exclude.list} and {@code field.renames}: fields left out of, or renamed in, the documents
 * of captured events ({@code before}, {@code after}, a snapshot read's document) and an update's description
 * ({@code updatedFields}, {@code removedFields}, {@code truncatedArrays}). Exclusions apply first, then renames, each
 * in the order configured. The record's key (the {@code _id}) is never changed. Documents given are not modified.
 */
final class FieldFilter {
    static final FieldFilter NONE = new FieldFilter(List.of());

    /**
     * An entry of {@code field.exclude.list}: a database, a collection and at least one field name; names of word
     * characters, {@code -}, {@code *} and {@code |}, blanks allowed in the database's.
     */
    static final Pattern EXCLUSION = Pattern.compile("[*|\\w\\s-]+(\\.[*|\\w-]+){2,}\\s*");
    /** An entry of {@code field.renames}: as an exclusion's, then {@code :<new name>}. */
    static final Pattern RENAMING = Pattern.compile("[*|\\w\\s-]+(\\.[*|\\w-]+){2,}:[*|\\w-]+\\s*");
    private static final Pattern COMMA = Pattern.compile(",");

    private final List<FieldPath> paths;

    private FieldFilter(List<FieldPath> paths) {
        this.paths = List.copyOf(paths);
    }

    /**
     * The filter of both options' values ({@code null} or empty: none), each already accepted by {@link #invalid}.
     */
    static FieldFilter of(String excludeList, String renames) {
        List<FieldPath> paths = new ArrayList<>();
        entries(excludeList).forEach(entry -> paths.add(FieldPath.exclusion(entry)));
        entries(renames).forEach(entry -> paths.add(FieldPath.renaming(entry)));
        return new FieldFilter(paths);
    }

    /** The entries of an option's value that are not of {@code format}, as Debezium splits them (blanks kept). */
    static List<String> invalid(String value, Pattern format) {
        return Arrays.stream(COMMA.split(value)).filter(entry -> !format.matcher(entry).matches()).toList();
    }

    private static List<String> entries(String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(COMMA.split(value.trim()));
    }

    /** The entries that apply to this collection. */
    FieldFilter forCollection(MongoSource.Namespace collection) {
        return paths.isEmpty() ? this
                : new FieldFilter(paths.stream().filter(path -> path.appliesTo(collection)).toList());
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    /** A whole document as this filter leaves it: a copy, or the document itself if no entry applies. */
    BsonDocument document(BsonDocument document) {
        if (paths.isEmpty() || document == null) {
            return document;
        }
        BsonDocument copy = document.clone();
        paths.forEach(path -> path.applyToDocument(copy));
        return copy;
    }

    /** An update's {@code updatedFields} as this filter leaves them: a copy, or the same if no entry applies. */
    BsonDocument updatedFields(BsonDocument fields) {
        if (paths.isEmpty() || fields == null) {
            return fields;
        }
        BsonDocument copy = fields.clone();
        paths.forEach(path -> path.applyToUpdatedFields(copy));
        return copy;
    }

    /**
     * A removed field's or truncated array's name as the first entry that covers it makes it: renamed, or
     * {@code null} if left out; unchanged if none does.
     */
    String fieldName(String field) {
        for (FieldPath path : paths) {
            if (path.covers(field)) {
                return path.renamedField(field);
            }
        }
        return field;
    }

    /** Removed fields named by {@code names}, renamed, those left out dropped. */
    List<String> fieldNames(List<String> names) {
        return names.stream().map(this::fieldName).filter(Objects::nonNull).toList();
    }

    /**
     * A truncated array's name, renamed. An update that truncates an array left out cannot be captured: Debezium
     * 3.6 fails on it ({@code field can not be null}) rather than drop the array from {@code truncatedArrays}.
     */
    String truncatedArrayName(String field) {
        String name = fieldName(field);
        if (name == null) {
            throw SourceException.fatal("the update truncates the array '" + field + "', which field.exclude.list "
                    + "leaves out; Debezium's MongoDB connector fails on such an update too: remove the array's "
                    + "entry from field.exclude.list");
        }
        return name;
    }

    @Override
    public String toString() {
        return "FieldFilter" + paths;
    }
}
