package io.tributary.source.mysql;

/**
 * The text of a DDL statement walked as a server's lexer walks it, quoted text, names and comments apart from the
 * words around them, to write it as Debezium's schema-change events do.
 */
final class DdlText {
    private DdlText() {
    }

    /**
     * The statement with each double-quoted text single-quoted (an apostrophe inside it doubled), as Debezium 3.6's
     * MySQL connector rewrites a statement before its parser (whose grammar takes double quotes for names) reads it,
     * and writes it so in schema-change events. Single-quoted text, backquoted names and comments ({@code -- ...},
     * {@code # ...} and {@code /* ... *}{@code /}, but not a versioned {@code /*! ... *}{@code /}, whose text is the
     * statement's) are left as they are.
     */
    static String doubleQuotesAsSingle(String sql) {
        if (sql.indexOf('"') < 0) {
            return sql;
        }
        StringBuilder text = new StringBuilder(sql.length() + 8);
        int at = 0;
        while (at < sql.length()) {
            char c = sql.charAt(at);
            int end = at + 1;
            if (sql.startsWith("--", at) || c == '#') {
                end = lineEnd(sql, at);
            } else if (sql.startsWith("/*", at) && !sql.startsWith("/*!", at) && sql.indexOf("*/", at + 2) >= 0) {
                end = sql.indexOf("*/", at + 2) + 2;
            } else if (c == '\'' || c == '`' || c == '"') {
                int closed = quotedEnd(sql, at);
                if (closed > 0 && c == '"') {
                    text.append('\'').append(sql.substring(at + 1, closed - 1).replace("'", "''")).append('\'');
                    at = closed;
                    continue;
                }
                end = closed > 0 ? closed : at + 1;
            }
            text.append(sql, at, end);
            at = end;
        }
        return text.toString();
    }

    /**
     * The statement without a line comment ({@code # ...}, or {@code -- } and a space) that ends it on its last
     * line, which Debezium's parser leaves out of the statement it writes; the statement itself when none does.
     */
    static String withoutTrailingLineComment(String sql) {
        int at = 0;
        while (at < sql.length()) {
            char c = sql.charAt(at);
            int end = at + 1;
            if (c == '#' || sql.startsWith("--", at) && (at + 2 == sql.length()
                    || Character.isWhitespace(sql.charAt(at + 2)) || Character.isISOControl(sql.charAt(at + 2)))) {
                end = lineEnd(sql, at);
                if (sql.substring(end).isBlank()) {
                    return sql.substring(0, at).strip();
                }
            } else if (sql.startsWith("/*", at) && sql.indexOf("*/", at + 2) >= 0 && !sql.startsWith("/*!", at)
                    && !sql.startsWith("/*M!", at)) {
                end = sql.indexOf("*/", at + 2) + 2;
            } else if (c == '\'' || c == '`' || c == '"') {
                int closed = quotedEnd(sql, at);
                end = closed > 0 ? closed : at + 1;
            }
            at = end;
        }
        return sql;
    }

    private static int lineEnd(String sql, int at) {
        int newline = sql.indexOf('\n', at);
        return newline < 0 ? sql.length() : newline;
    }

    /**
     * Where the text quoted at {@code at} ends, after its closing quote: a quote doubled, or escaped by a backslash
     * (not in a backquoted name), is text; -1 when it is not closed.
     */
    private static int quotedEnd(String sql, int at) {
        char quote = sql.charAt(at);
        int i = at + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }
}
