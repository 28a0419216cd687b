package io.tributary.source.mysql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tributary.api.config.ConfigProblem;

/**
 * Which databases, tables and columns are captured. Patterns are regular expressions matched against the whole
 * name (anchored, as Debezium does), case-insensitively: {@code db}, {@code db.table}, {@code db.table.column}.
 * The server's own databases (mysql, sys, information_schema, performance_schema) are left out unless
 * {@code table.ignore.builtin=false}, as in Debezium.
 *
 * @param ignoreBuiltin whether the server's own databases are left out whatever the lists say
 */
public record TableFilter(
        List<Pattern> databaseIncludes,
        List<Pattern> databaseExcludes,
        List<Pattern> tableIncludes,
        List<Pattern> tableExcludes,
        List<Pattern> columnIncludes,
        List<Pattern> columnExcludes,
        boolean ignoreBuiltin) {

    private static final List<String> SYSTEM_DATABASES = List.of("mysql", "sys", "information_schema",
            "performance_schema");

    /** The lists as configured, before compiling. */
    record Lists(List<String> databaseIncludes, List<String> databaseExcludes, List<String> tableIncludes,
            List<String> tableExcludes, List<String> columnIncludes, List<String> columnExcludes) {
    }

    public TableFilter {
        databaseIncludes = List.copyOf(databaseIncludes);
        databaseExcludes = List.copyOf(databaseExcludes);
        tableIncludes = List.copyOf(tableIncludes);
        tableExcludes = List.copyOf(tableExcludes);
        columnIncludes = List.copyOf(columnIncludes);
        columnExcludes = List.copyOf(columnExcludes);
    }

    /** The filter, with every problem of the lists added to {@code problems} (the filter is then not usable). */
    static TableFilter parse(Lists lists, boolean ignoreBuiltin, List<ConfigProblem> problems) {
        TableFilter filter = new TableFilter(
                compile("database.include.list", lists.databaseIncludes(), problems),
                compile("database.exclude.list", lists.databaseExcludes(), problems),
                compile("table.include.list", lists.tableIncludes(), problems),
                compile("table.exclude.list", lists.tableExcludes(), problems),
                compile("column.include.list", lists.columnIncludes(), problems),
                compile("column.exclude.list", lists.columnExcludes(), problems),
                ignoreBuiltin);
        exclusive("database", lists.databaseIncludes(), lists.databaseExcludes(), problems);
        exclusive("table", lists.tableIncludes(), lists.tableExcludes(), problems);
        exclusive("column", lists.columnIncludes(), lists.columnExcludes(), problems);
        return filter;
    }

    private static void exclusive(String kind, List<String> includes, List<String> excludes,
            List<ConfigProblem> problems) {
        if (!includes.isEmpty() && !excludes.isEmpty()) {
            problems.add(new ConfigProblem(kind + ".exclude.list",
                    "cannot be used together with " + kind + ".include.list; keep one of them"));
        }
    }

    private static List<Pattern> compile(String key, List<String> expressions, List<ConfigProblem> problems) {
        List<Pattern> patterns = new java.util.ArrayList<>();
        for (String expression : expressions) {
            try {
                patterns.add(Pattern.compile(expression, Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                problems.add(new ConfigProblem(key, "expected regular expressions but '" + expression
                        + "' is not one: " + e.getDescription()));
            }
        }
        return patterns;
    }

    /**
     * Whether a snapshot describes the database's tables, captured or not: every database but the server's own
     * (unless {@code table.ignore.builtin=false}), as Debezium's snapshot does while it keeps the DDL of every table
     * ({@code schema.history.internal.store.only.captured.tables.ddl} and {@code ...databases.ddl} false).
     */
    public boolean describesDatabase(String database) {
        return !(ignoreBuiltin && SYSTEM_DATABASES.contains(database.toLowerCase(Locale.ROOT)));
    }

    public boolean includesDatabase(String database) {
        if (!describesDatabase(database)) {
            return false;
        }
        if (!databaseIncludes.isEmpty()) {
            return matchesAny(databaseIncludes, database);
        }
        return !matchesAny(databaseExcludes, database);
    }

    public boolean includesTable(String database, String table) {
        if (!includesDatabase(database)) {
            return false;
        }
        String name = database + "." + table;
        if (!tableIncludes.isEmpty()) {
            return matchesAny(tableIncludes, name);
        }
        return !matchesAny(tableExcludes, name);
    }

    /** Whether a column is in the value of change events (primary-key columns are in the key whatever this says). */
    public boolean includesColumn(String database, String table, String column) {
        String name = database + "." + table + "." + column;
        if (!columnIncludes.isEmpty()) {
            return matchesAny(columnIncludes, name);
        }
        return !matchesAny(columnExcludes, name);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }
}
