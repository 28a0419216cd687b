package io.tributary.source.mysql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;

/**
 * Which databases, tables and columns are captured. Patterns are regular expressions matched against the whole
 * name (anchored, as Debezium does), case-insensitively: {@code db}, {@code db.table}, {@code db.table.column}.
 * System schemas are never captured.
 */
public record TableFilter(
        List<Pattern> databaseIncludes,
        List<Pattern> databaseExcludes,
        List<Pattern> tableIncludes,
        List<Pattern> tableExcludes,
        List<Pattern> columnExcludes) {

    private static final List<String> SYSTEM_DATABASES = List.of("mysql", "sys", "information_schema",
            "performance_schema");

    public TableFilter {
        databaseIncludes = List.copyOf(databaseIncludes);
        databaseExcludes = List.copyOf(databaseExcludes);
        tableIncludes = List.copyOf(tableIncludes);
        tableExcludes = List.copyOf(tableExcludes);
        columnExcludes = List.copyOf(columnExcludes);
    }

    static TableFilter parse(List<String> databaseIncludes, List<String> databaseExcludes, List<String> tableIncludes,
            List<String> tableExcludes, List<String> columnExcludes) {
        List<ConfigProblem> problems = new java.util.ArrayList<>();
        TableFilter filter = new TableFilter(
                compile("database.include.list", databaseIncludes, problems),
                compile("database.exclude.list", databaseExcludes, problems),
                compile("table.include.list", tableIncludes, problems),
                compile("table.exclude.list", tableExcludes, problems),
                compile("column.exclude.list", columnExcludes, problems));
        if (!databaseIncludes.isEmpty() && !databaseExcludes.isEmpty()) {
            problems.add(new ConfigProblem("database.exclude.list",
                    "cannot be used together with database.include.list; keep one of them"));
        }
        if (!tableIncludes.isEmpty() && !tableExcludes.isEmpty()) {
            problems.add(new ConfigProblem("table.exclude.list",
                    "cannot be used together with table.include.list; keep one of them"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return filter;
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

    public boolean includesDatabase(String database) {
        if (SYSTEM_DATABASES.contains(database.toLowerCase(Locale.ROOT))) {
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

    public boolean includesColumn(String database, String table, String column) {
        return !matchesAny(columnExcludes, database + "." + table + "." + column);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }
}
