package io.tributary.source.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tributary.source.mysql.schema.TableId;

/**
 * Debezium's {@code message.key.columns}: the columns that key the events of the tables it names, in place of their
 * primary key — for the event key only, not for {@code primaryKeyColumnNames} in schema-change events.
 *
 * <p>The value is entries {@code <table>:<column>[,<column>...]} separated by {@code ;}. As in Debezium, every
 * {@code <table>.<column>} of an entry is a regular expression (which commas not escaped as {@code \,} split into
 * several), matched case-insensitively against the whole {@code <db>.<table>.<column>} — so the dot between database
 * and table matches any character, and column names may be expressions too. A table's key is, for each column
 * expression in the order given, the table's columns it matches in table order; a table that no expression
 * matches keeps its own key. Immutable.
 */
public final class MessageKeyColumns {
    /** Nothing configured: every table keeps its own key. */
    public static final MessageKeyColumns NONE = new MessageKeyColumns("", List.of());

    /** Debezium's form of one entry. */
    private static final Pattern ENTRY = Pattern.compile("^\\s*([^:]+):([^:,]+(,[^:,]+)*)\\s*$");

    private final String text;
    /** One element per configured column: the expressions any of which a {@code db.table.column} must match. */
    private final List<List<Pattern>> columns;

    private MessageKeyColumns(String text, List<List<Pattern>> columns) {
        this.text = text;
        this.columns = columns;
    }

    /** Whether {@link #parse} accepts the value. */
    static boolean isValid(String value) {
        try {
            parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Parses a {@code message.key.columns} value.
     *
     * @throws IllegalArgumentException when it is empty, an entry is not {@code <table>:<column>[,<column>...]}, or
     *     an expression is not a regular expression
     */
    static MessageKeyColumns parse(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("message.key.columns is empty");
        }
        List<List<Pattern>> columns = new ArrayList<>();
        for (String entry : value.split(";")) {
            if (!ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not <table>:<column>[,<column>...]");
            }
            String[] tableAndColumns = entry.split(":", 2);
            for (String column : tableAndColumns[1].split(",")) {
                columns.add(expressions(tableAndColumns[0] + "." + column.trim()));
            }
        }
        return new MessageKeyColumns(value, List.copyOf(columns));
    }

    /** Debezium's reading of a list of regular expressions: split at commas not escaped as {@code \,}, trimmed. */
    private static List<Pattern> expressions(String text) {
        List<Pattern> patterns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 == text.length()) {
                    throw new IllegalArgumentException("'" + text + "' ends in an unfinished escape");
                }
                current.append(c).append(text.charAt(++i));
            } else if (c == ',') {
                addExpression(current, patterns);
            } else {
                current.append(c);
            }
        }
        addExpression(current, patterns);
        return List.copyOf(patterns);
    }

    private static void addExpression(StringBuilder text, List<Pattern> patterns) {
        if (!text.isEmpty()) {
            String expression = text.toString().trim().replace("\\,", ",");
            try {
                patterns.add(Pattern.compile(expression, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + expression + "' is not a regular expression", e);
            }
        }
        text.setLength(0);
    }

    /**
     * The configured key of a table, or empty when nothing configured matches any of its columns.
     *
     * @param columnNames the table's columns in table order
     */
    public Optional<List<String>> keyOf(TableId table, List<String> columnNames) {
        List<String> key = new ArrayList<>();
        for (List<Pattern> expressions : columns) {
            for (String column : columnNames) {
                String name = table.database() + "." + table.table() + "." + column;
                if (expressions.stream().anyMatch(expression -> expression.matcher(name).matches())) {
                    key.add(column);
                }
            }
        }
        return key.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(key));
    }

    @Override
    public String toString() {
        return text;
    }
}
